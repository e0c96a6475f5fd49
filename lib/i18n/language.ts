import { AsyncLocalStorage } from 'node:async_hooks';

/** The languages the graph speaks: Danish first, English on request. */
export const languages = ['da', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'da';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The language a client asked for: the `language` variable (so a persisted operation can choose
 * it), else the first supported language in `Accept-Language` by its q-value, else Danish, also
 * for a language we do not speak.
 */
export function negotiateLanguage(acceptLanguage: string | undefined, variables: Record<string, unknown> | undefined): Language {
  const asked = variables?.language;
  if (isLanguage(asked)) return asked;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.q > 0 && Number.isFinite(range.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges.map((range) => range.primary).find(isLanguage) ?? defaultLanguage;
}

const current = new AsyncLocalStorage<Language>();

/** Runs one request's work in its language, so its error messages are written in it. */
export function inLanguage<T>(language: Language, work: () => T): T {
  return current.run(language, work);
}

/** The language of the request being served (Danish outside any request). */
export function currentLanguage(): Language {
  return current.getStore() ?? defaultLanguage;
}
