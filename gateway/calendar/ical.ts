/**
 * A small iCalendar (RFC 5545) writer for the calendar feed: only what the feed needs, written
 * by hand so that the tests can check it with an independent parser (ical.js). Lines end in
 * CRLF and are folded at 75 octets (the continuation's leading space counted, a UTF-8 sequence
 * never split); text values are escaped; times are UTC.
 */
export interface CalendarEvent {
  /** Globally unique and stable, so a calendar updates the event instead of adding another. */
  uid: string;
  start: Date;
  /** Unknown: no DTEND (the event is then an instant, RFC 5545 3.6.1). */
  end: Date | null;
  summary: string;
  location: string | null;
  description?: string | null;
  /** A web address for the event, e.g. where to move it: `https:` only, else left out. */
  url?: string | null;
}

export interface Calendar {
  /** The calendar's name as apps show it. */
  name: string;
  /** RFC 5646 language of the texts, e.g. `da`. */
  language: string;
  events: CalendarEvent[];
  /** When the feed was made (every event's DTSTAMP). */
  now: Date;
  /** How often a calendar app should fetch the feed again. */
  refreshMinutes: number;
}

const maxOctets = 75;

/** RFC 5545 3.1: at most 75 octets a line, a continuation starting with one space. */
export function fold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > maxOctets) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n');
}

/** RFC 5545 3.3.5, form 2 (UTC): `YYYYMMDDTHHMMSSZ`. */
export function utc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

export function renderCalendar(calendar: Calendar): string {
  const text = (name: string, value: string) => `${name}:${escapeText(value)}`;
  const refresh = `PT${Math.max(1, Math.round(calendar.refreshMinutes))}M`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//borger-graph//calendar feed//${calendar.language.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    text('NAME', calendar.name),
    text('X-WR-CALNAME', calendar.name),
    // RFC 7986, and the older name some apps still read.
    `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
    `X-PUBLISHED-TTL:${refresh}`,
  ];
  for (const event of calendar.events) {
    const url = safeUrl(event.url);
    lines.push(
      'BEGIN:VEVENT',
      text('UID', event.uid),
      `DTSTAMP:${utc(calendar.now)}`,
      `DTSTART:${utc(event.start)}`,
      ...(event.end && event.end.getTime() >= event.start.getTime() ? [`DTEND:${utc(event.end)}`] : []),
      text(`SUMMARY;LANGUAGE=${calendar.language}`, event.summary),
      ...(event.location ? [text(`LOCATION;LANGUAGE=${calendar.language}`, event.location)] : []),
      ...(event.description ? [text(`DESCRIPTION;LANGUAGE=${calendar.language}`, event.description)] : []),
      ...(url ? [`URL:${url}`] : []),
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
