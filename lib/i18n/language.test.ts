import { currentLanguage, inLanguage, negotiateLanguage } from './language';

describe('choosing the language of an answer', () => {
  it('is Danish when the client says nothing', () => {
    expect(negotiateLanguage(undefined, undefined)).toBe('da');
  });

  it('is English when Accept-Language asks for it', () => {
    expect(negotiateLanguage('en', undefined)).toBe('en');
  });

  it('reads a regional tag by its language', () => {
    expect(negotiateLanguage('en-GB,en;q=0.8', undefined)).toBe('en');
  });

  it('follows the q-values rather than the order', () => {
    expect(negotiateLanguage('en;q=0.4, da;q=0.9', undefined)).toBe('da');
  });

  it('skips a language it does not speak for the next it does', () => {
    expect(negotiateLanguage('de-DE, en;q=0.5', undefined)).toBe('en');
  });

  it('is Danish for a language it does not speak at all', () => {
    expect(negotiateLanguage('fr-FR, de;q=0.8', undefined)).toBe('da');
  });

  it('ignores a language the client refuses with q=0', () => {
    expect(negotiateLanguage('en;q=0', undefined)).toBe('da');
  });

  it('lets the language variable of a persisted operation win over the header', () => {
    expect(negotiateLanguage('en', { language: 'da' })).toBe('da');
    expect(negotiateLanguage(undefined, { language: 'en' })).toBe('en');
  });

  it('ignores a language variable it does not know', () => {
    expect(negotiateLanguage('en', { language: 'klingon' })).toBe('en');
  });
});

describe('the language of the request being served', () => {
  it('is the one the request runs in, across awaits', async () => {
    const seen = await inLanguage('en', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return currentLanguage();
    });
    expect(seen).toBe('en');
  });

  it('is Danish outside any request', () => {
    expect(currentLanguage()).toBe('da');
  });
});
