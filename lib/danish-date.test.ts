import { copenhagenWallClock, copenhagenWithOffset, danishDate, fromCopenhagenWallClock } from './danish-date';

describe('the Danish calendar day', () => {
  it('is already tomorrow at 23:30 UTC in winter (00:30 in Copenhagen)', () => {
    expect(danishDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('turns at 22:00 UTC in summer (midnight in Copenhagen)', () => {
    expect(danishDate(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(danishDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});

describe('the Copenhagen wall clock', () => {
  it('is an hour ahead of UTC in winter, written with and without its offset, and read back', () => {
    expect(copenhagenWallClock('2026-01-15T08:00:00.000Z')).toBe('2026-01-15T09:00:00');
    expect(copenhagenWithOffset('2026-01-15T08:00:00.000Z')).toBe('2026-01-15T09:00:00+01:00');
    expect(copenhagenWithOffset(new Date('2026-12-31T23:30:00.250Z'))).toBe('2027-01-01T00:30:00+01:00');
    expect(fromCopenhagenWallClock('2026-01-15T09:00:00')).toBe('2026-01-15T08:00:00.000Z');
  });

  it('is two hours ahead in summer time, across midnight too, and reads a time without seconds', () => {
    expect(copenhagenWithOffset('2026-07-15T08:00:00.000Z')).toBe('2026-07-15T10:00:00+02:00');
    expect(copenhagenWallClock('2026-07-15T22:00:00.000Z')).toBe('2026-07-16T00:00:00');
    expect(fromCopenhagenWallClock('2026-07-16T00:00:00')).toBe('2026-07-15T22:00:00.000Z');
    expect(fromCopenhagenWallClock('2026-05-12T10:15')).toBe('2026-05-12T08:15:00.000Z');
  });

  it('has no instant for the hour skipped when summer time begins, nor for a day that does not exist', () => {
    // 29 March 2026: 02:00 winter time is 03:00 summer time.
    expect(copenhagenWallClock('2026-03-29T00:59:59.000Z')).toBe('2026-03-29T01:59:59');
    expect(copenhagenWallClock('2026-03-29T01:00:00.000Z')).toBe('2026-03-29T03:00:00');
    expect(fromCopenhagenWallClock('2026-03-29T02:30:00')).toBeNull();
    expect(fromCopenhagenWallClock('2026-03-29T01:30:00')).toBe('2026-03-29T00:30:00.000Z');
    expect(fromCopenhagenWallClock('2026-03-29T03:30:00')).toBe('2026-03-29T01:30:00.000Z');
    expect(fromCopenhagenWallClock('2026-02-30T10:00')).toBeNull();
    expect(fromCopenhagenWallClock('i morgen')).toBeNull();
  });

  it('shows the hour that happens twice when summer time ends the same both times, tells them apart by the offset, and reads it as the first', () => {
    // 25 October 2026: 03:00 summer time is 02:00 winter time again.
    expect([copenhagenWallClock('2026-10-25T00:30:00.000Z'), copenhagenWallClock('2026-10-25T01:30:00.000Z')]).toEqual(['2026-10-25T02:30:00', '2026-10-25T02:30:00']);
    expect([copenhagenWithOffset('2026-10-25T00:30:00.000Z'), copenhagenWithOffset('2026-10-25T01:30:00.000Z')]).toEqual(['2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00']);
    expect(fromCopenhagenWallClock('2026-10-25T02:30:00')).toBe('2026-10-25T00:30:00.000Z');
    expect(fromCopenhagenWallClock('2026-10-25T03:30:00')).toBe('2026-10-25T02:30:00.000Z');
  });
});
