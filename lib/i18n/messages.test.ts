import { errorCodes } from '../errors';
import { languages } from './language';
import { messages, say, type MessageKey, type Params } from './messages';

/** The parameters a text reads, found by handing it a recording object. */
function parametersRead(key: MessageKey, language: (typeof languages)[number]): string[] {
  const read = new Set<string>();
  const recorder = new Proxy({} as Params, {
    get: (_, name) => {
      read.add(String(name));
      return `{${String(name)}}`;
    },
  });
  say(language, key, recorder);
  return [...read].sort();
}

const keys = Object.keys(messages) as MessageKey[];

describe('the message catalogue', () => {
  it.each(keys)('has %s in every language, none empty', (key) => {
    for (const language of languages) expect(say(language, key, parametersProxy()).trim()).not.toBe('');
  });

  it.each(keys)('builds %s from the same parameters in every language', (key) => {
    const [first, ...others] = languages.map((language) => parametersRead(key, language));
    for (const other of others) expect(other).toEqual(first);
  });

  it('has a message for every error code', () => {
    for (const code of Object.keys(errorCodes)) expect(keys).toContain(`error.${code}`);
  });

  it('says different things in Danish and English for every sentence', () => {
    const sameInBoth = keys.filter((key) => say('da', key, parametersProxy()) === say('en', key, parametersProxy()));
    // A chatbot's name reads the same in both languages.
    expect(sameInBoth).toEqual(['reader.chatbot']);
  });
});

function parametersProxy(): Params {
  return new Proxy({} as Params, { get: (_, name) => `<${String(name)}>` });
}
