import table from '../config/kle.json';
import plainLanguage from '../config/kle-plain-language.json';
import type { Language } from './i18n/language';
import { say } from './i18n/messages';

/**
 * Names for KLE numbers (main group `32`, group `32.03`, topic `32.03.12`), from configuration data:
 * KLE is licensed by KL and changes four times a year, so it is data, not code.
 *
 * - config/kle.json: KL's own Danish title for each listed number, and an English rendering.
 * - config/kle-plain-language.json: a municipality's own plain-language Danish name for a number.
 *
 * A number the table does not list shows its nearest listed parent (topic, then group, then main
 * group), so a new topic still reads as what it belongs to; with no listed parent at all it shows a
 * generic wording, never the bare number.
 */

interface KleEntry {
  da: string;
  en: string;
}

const entries: ReadonlyMap<string, KleEntry> = new Map(Object.entries(table.codes));

/** "0751" and "751" are the same municipality. */
function municipalityKey(code: string): string {
  return code.trim().replace(/^0+(?=\d)/, '');
}

const ownNames: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map(
  Object.entries(plainLanguage.municipalities).map(([municipality, { names }]) => {
    for (const code of Object.keys(names)) {
      // A municipality's name must stand for a number KL names too, or English would have nothing to say.
      if (!entries.has(code)) {
        throw new Error(`config/kle-plain-language.json: municipality ${municipality} names KLE ${code}, which config/kle.json does not list`);
      }
    }
    return [municipalityKey(municipality), new Map(Object.entries(names))] as const;
  }),
);

/** The number itself, then each parent: "32.03.12" → "32.03.12", "32.03", "32". */
function selfAndParents(code: string): string[] {
  const parts = code.trim().split('.');
  return parts.map((_, index) => parts.slice(0, parts.length - index).join('.'));
}

/** The nearest number the table lists: the code itself, else its group, else its main group. */
function nearestListed(code: string): { code: string; entry: KleEntry } | null {
  for (const candidate of selfAndParents(code)) {
    const entry = entries.get(candidate);
    if (entry) return { code: candidate, entry };
  }
  return null;
}

/** The name to show for a KLE code, in the language asked for; a municipality's plain-language name wins in Danish when it has one. */
export function kleName(code: string, language: Language, municipalityCode?: string | null): string {
  const listed = nearestListed(code);
  if (!listed) return say(language, 'kle.unknown');
  if (language === 'da' && municipalityCode) {
    const own = ownNames.get(municipalityKey(municipalityCode))?.get(listed.code);
    if (own) return own;
  }
  return listed.entry[language];
}
