import glossary from '../../config/source-texts.json';
import type { Language } from './language';

/**
 * Texts that arrive from the source systems (case and appointment titles, offices, places, opening
 * hours) are Danish. Their known standard texts have an English entry in config/source-texts.json;
 * anything else is shown as delivered, in every language.
 */

/** The same text however the source spaced or Unicode-composed it ("ø" as one code point or two). */
const key = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ');

/** By language asked for; Danish needs none, since that is how the texts arrive. A Map, so "toString" is no entry. */
const translations: Partial<Record<Language, ReadonlyMap<string, string>>> = {
  en: new Map(Object.entries(glossary.en).map(([danish, english]) => [key(danish), english])),
};

/** A text as a source system delivered it (Danish), in the language asked for: English when the glossary knows it, else as delivered. */
export function sourceText(text: string, language: Language): string {
  return translations[language]?.get(key(text)) ?? text;
}

export function sourceTextOrNull(text: string | null, language: Language): string | null {
  return text === null ? null : sourceText(text, language);
}
