import glossary from '../../config/source-texts.json';
import { createDataset } from '../../mocks/fixtures/dataset';
import { generatedTexts } from '../../mocks/fixtures/generator';
import { municipalities } from '../../mocks/fixtures/personas';
import { sourceText, sourceTextOrNull } from './source-texts';

describe('a text from a source system', () => {
  it('is given unchanged when Danish is asked for', () => {
    expect(sourceText('Kontanthjælp', 'da')).toBe('Kontanthjælp');
  });

  it("is given in the glossary's English when English is asked for", () => {
    expect(sourceText('Ambulant kontrol', 'en')).toBe('Outpatient check-up');
  });

  it('is given as delivered, in Danish and in English, when the glossary does not know it', () => {
    expect(sourceText('Samtale om fleksjob', 'da')).toBe('Samtale om fleksjob');
    expect(sourceText('Samtale om fleksjob', 'en')).toBe('Samtale om fleksjob');
  });

  it('is found in the glossary also with stray spaces or with its letters decomposed', () => {
    expect(sourceText('  Ansøgning   om befordringsgodtgørelse ', 'en')).toBe('Application for transport allowance');
    expect(sourceText('Hjemmebesøg'.normalize('NFD'), 'en')).toBe('Home visit');
  });

  it('is never mistaken for a property every object has', () => {
    expect(sourceText('toString', 'en')).toBe('toString');
    expect(sourceText('constructor', 'en')).toBe('constructor');
  });

  it('that is missing stays missing', () => {
    expect(sourceTextOrNull(null, 'en')).toBeNull();
    expect(sourceTextOrNull('Borgerservice', 'en')).toBe('Citizen service');
  });
});

describe('the glossary of source texts', () => {
  const known = new Set(Object.keys(glossary.en));

  it('has an English entry for every fixed text the fixture generator can produce', () => {
    expect(generatedTexts.length).toBeGreaterThan(0);
    expect(generatedTexts.filter((text) => !known.has(text))).toEqual([]);
  });

  it("has an English entry for every title, unit, place and opening hours in the personas' records, hospital names apart", () => {
    const dataset = createDataset();
    const hospitals = new Set(Object.values(municipalities).map((municipality) => municipality.hospital.navn));
    const shown = [
      ...dataset.cases.flatMap((kase) => [kase.titel, kase.ansvarligEnhed.navn, kase.ansvarligEnhed.aabningstider, ...kase.dokumenter.map((document) => document.titel)]),
      ...dataset.appointments.flatMap((appointment) => [
        appointment.titel,
        appointment.sted?.navn,
        appointment.kontakt?.navn,
        appointment.kontakt?.aabningstider,
        appointment.myndighed.kontakt.navn,
        appointment.myndighed.kontakt.aabningstider,
      ]),
    ].filter((text): text is string => typeof text === 'string' && !hospitals.has(text));
    expect(shown.length).toBeGreaterThan(0);
    expect([...new Set(shown)].filter((text) => !known.has(text))).toEqual([]);
  });

  it('gives a non-empty English text for every entry', () => {
    for (const english of Object.values(glossary.en)) expect(english.trim()).not.toBe('');
  });
});
