import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import rules from '../config/access-rules.json';
import table from '../config/kle.json';
import plainLanguage from '../config/kle-plain-language.json';
import { createDataset } from '../mocks/fixtures/dataset';
import { kleName } from './kle';

const codes: Record<string, { da: string; en: string } | undefined> = table.codes;

/**
 * Every KLE number the fixtures, the access matrix's probe records and the municipal rules use, read
 * from them, with its group and main group. Each must be a real KLE number (main group, group or
 * topic of the edition named in config/kle.json) and listed there: there is no allowance for made-up ones.
 */
function numbersInUse(): string[] {
  const dataset = createDataset({ syntheticCitizens: 50 });
  const fromRecords = [...dataset.cases, ...dataset.benefits].map((record) => record.kle);
  // Numbers written into the fixtures' sources (topic lists, hand-written records), also those no record drew this time.
  const fixtures = join(__dirname, '../mocks/fixtures');
  const sources = [
    ...readdirSync(fixtures)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => join(fixtures, file)),
    join(__dirname, '../test/support/access-probes.ts'),
  ];
  const fromSources = sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'(\d{2}\.\d{2}(?:\.\d{2})?)'/g)].map((match) => match[1]));
  const fromRules = Object.values(rules.municipalities).flatMap((municipality) => [
    ...Object.keys(municipality.minimumAge),
    ...municipality.activated.kle,
  ]);
  const withParents = [...fromRecords, ...fromSources, ...fromRules].flatMap((code) => {
    const parts = code.split('.');
    return parts.map((_, index) => parts.slice(0, index + 1).join('.'));
  });
  return [...new Set(withParents)].sort();
}

describe('KLE names', () => {
  it("are the classification's own Danish title for a topic", () => {
    expect(kleName('32.03.12', 'da')).toBe('Personligt tillæg og helbredstillæg');
  });

  it('are a plain English rendering when English is asked for', () => {
    expect(kleName('32.03.12', 'en')).toBe('Personal supplement and health supplement');
  });

  it("use the municipality's own plain-language name in Danish", () => {
    expect(kleName('15.20.38', 'da', '461')).toBe('Befordringsgodtgørelse ved deltagelse i tilbud – Unge under 18 år');
    expect(kleName('15.20.38', 'da', '0461')).toBe('Befordringsgodtgørelse ved deltagelse i tilbud – Unge under 18 år');
    expect(kleName('15.20.38', 'da', '751')).toBe('Befordringsgodtgørelse - tillægsydelser');
    expect(kleName('15.20.38', 'da')).toBe('Befordringsgodtgørelse - tillægsydelser');
  });

  it("keep the English rendering where the municipality has a Danish name of its own", () => {
    expect(kleName('15.20.38', 'en', '461')).toBe('Transport allowance for taking part in an offer');
  });

  it('fall back to the group for a topic the table does not list', () => {
    expect(kleName('32.03.99', 'da')).toBe('Sociale pensioner');
    expect(kleName('32.03.99', 'en')).toBe('Public pensions');
  });

  it('fall back to the main group for a group the table does not list', () => {
    expect(kleName('32.99.01', 'da')).toBe('Kontante ydelser');
    expect(kleName('32.99', 'en')).toBe('Benefits and allowances');
  });

  it('say "other matter", never the bare number, when nothing in the code is known', () => {
    for (const code of ['99.99.99', '', 'abc']) {
      expect(kleName(code, 'da')).toBe('Anden sag');
      expect(kleName(code, 'en')).toBe('Other matter');
    }
    expect(kleName('99.99.99', 'da', '461')).not.toMatch(/KLE|99/);
  });

  it('cover every number the fixtures, the probes and the municipal rules use, in Danish and in English', () => {
    const used = numbersInUse();
    expect(used).toEqual(expect.arrayContaining(['15.20.38', '17.02', '29.15.04', '29.15.12', '32.06.04', '32.24.04', '32.30.04']));
    const unnamed = used.filter((code) => !(codes[code]?.da.trim() && codes[code]?.en.trim()));
    expect(unnamed).toEqual([]);
  });

  it('have both a Danish and an English name for every entry in the table', () => {
    for (const [code, entry] of Object.entries(codes)) {
      expect(code).toMatch(/^\d{2}(\.\d{2}){0,2}$/);
      expect({ code, da: entry?.da.trim(), en: entry?.en.trim() }).toEqual({ code, da: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
    }
  });

  it('take plain-language names only for municipalities the rules know and numbers the table lists', () => {
    for (const [municipality, { names }] of Object.entries(plainLanguage.municipalities)) {
      expect(Object.keys(rules.municipalities)).toContain(municipality);
      for (const [code, name] of Object.entries(names)) {
        expect(codes[code]).toBeDefined();
        expect(name.trim()).not.toBe('');
      }
    }
  });
});
