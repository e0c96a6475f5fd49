import { citizenId } from './pseudonym';

const key = Buffer.from('pseudonym-key-used-only-in-this-test');

describe('a citizen id', () => {
  it('is the same for the same citizen', () => {
    expect(citizenId('1503721233', key)).toBe(citizenId('1503721233', key));
  });

  it('differs between citizens', () => {
    expect(citizenId('1503721233', key)).not.toBe(citizenId('1503721234', key));
  });

  it('contains no part of the CPR number', () => {
    const id = citizenId('1503721233', key);
    expect(id).not.toMatch(/150372|1233/);
  });

  it('cannot be recomputed without the key', () => {
    expect(citizenId('1503721233', Buffer.from('some-other-key-entirely-different'))).not.toBe(
      citizenId('1503721233', key),
    );
  });
});
