import { danishDate } from './danish-date';

describe('the Danish calendar day', () => {
  it('is already tomorrow at 23:30 UTC in winter (00:30 in Copenhagen)', () => {
    expect(danishDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('turns at 22:00 UTC in summer (midnight in Copenhagen)', () => {
    expect(danishDate(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(danishDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});
