import ICAL from 'ical.js';
import { escapeText, fold, renderCalendar } from './ical';

describe('the iCalendar writer', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const calendar = (summary: string, location: string | null = null) =>
    renderCalendar({
      name: 'Mine aftaler med det offentlige',
      language: 'da',
      now,
      refreshMinutes: 60,
      events: [{ uid: 'AFT-1@appointments.borger-graph', start: new Date('2026-12-01T08:30:00Z'), end: new Date('2026-12-01T09:15:00Z'), summary, location }],
    });
  const firstEvent = (feed: string) => new ICAL.Event(new ICAL.Component(ICAL.parse(feed)).getFirstSubcomponent('vevent')!);

  it('folds long lines at 75 octets, the continuation space counted, never inside a letter', () => {
    const summary = `Samtale om førtidspension på Ældrecenter Åbyhøj, 2. sal — ${'æøå'.repeat(30)}`;
    const feed = calendar(summary);
    const lines = feed.slice(0, -2).split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(firstEvent(feed).summary).toBe(summary);
  });

  it('escapes what text values must escape, so a parser reads back the same text', () => {
    const summary = 'Møde; tag pas, sygesikring og\\eller brev med\r\nto linjer';
    const location = 'Borgerservice, Rådhuset; indgang C';
    const event = firstEvent(calendar(summary, location));
    expect(event.summary).toBe(summary.replace('\r\n', '\n'));
    expect(event.location).toBe(location);
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });

  it('drops control characters a text value may not hold', () => {
    expect(escapeText('a\u0000b\u0007c\td')).toBe('abc\td');
  });

  it('writes times in UTC and ends every line with CRLF', () => {
    const feed = calendar('Tandeftersyn');
    expect(feed).toContain('\r\nDTSTART:20261201T083000Z\r\n');
    expect(feed).toContain('\r\nDTEND:20261201T091500Z\r\n');
    expect(feed).toContain('\r\nDTSTAMP:20261123T120000Z\r\n');
    expect(feed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('leaves out an end it does not know, and a web address that is not https', () => {
    const feed = renderCalendar({
      name: 'x',
      language: 'da',
      now,
      refreshMinutes: 60,
      events: [{ uid: 'u', start: now, end: null, summary: 's', location: null, url: 'javascript:alert(1)' }],
    });
    expect(feed).not.toContain('DTEND');
    expect(feed).not.toContain('URL:');
  });

  it('leaves a short line as it is', () => {
    expect(fold('SUMMARY:kort')).toBe('SUMMARY:kort');
  });
});
