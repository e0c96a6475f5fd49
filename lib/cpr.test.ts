import { ageFromCpr } from './cpr';

const on = new Date('2026-11-23T12:00:00Z');

describe('age from a CPR number', () => {
  it('reads the 1900s from a 7th digit of 0-3', () => {
    expect(ageFromCpr('1503721233', on)).toBe(54);
  });

  it('reads the 2000s from a 7th digit of 4 and a year up to 36', () => {
    expect(ageFromCpr('0206104128', on)).toBe(16);
  });

  it('reads the 1900s from a 7th digit of 4 and a year from 37', () => {
    expect(ageFromCpr('0206404128', on)).toBe(86);
  });

  it('reads the 2000s from a 7th digit of 5-8 and a year up to 57', () => {
    expect(ageFromCpr('1108095131', on)).toBe(17);
  });

  it('counts a birthday later this year as not yet passed', () => {
    expect(ageFromCpr('2412085131', on)).toBe(17);
  });

  it('counts a birthday today as passed', () => {
    expect(ageFromCpr('2311085131', on)).toBe(18);
  });
});
