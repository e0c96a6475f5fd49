import { setupServer } from 'msw/node';
import sourceConfig from '../../config/appointment-sources.json';
import { createDataset } from '../fixtures/dataset';
import { personas } from '../fixtures/personas';
import { CallRecorder } from '../indexes/call-recorder';
import { Faults } from '../indexes/faults';
import { createMunicipalCalendarHandlers, municipalCalendarSystems } from './municipal-calendar';

const origin = 'https://serviceplatformen.example.invalid';
const dataset = createDataset();
const recorder = new CallRecorder();
const faults = new Faults();
const server = setupServer(...createMunicipalCalendarHandlers(dataset, recorder, origin, faults));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => recorder.reset());
afterEach(() => faults.clear());
afterAll(() => server.close());

const post = (system: (typeof municipalCalendarSystems)[number], body: string) =>
  fetch(`${origin}${sourceConfig.sources[system].path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const entryIds = async (response: Response) => ((await response.json()) as { kalender: { id: string }[] }).kalender.map((entry) => entry.id);
const idsOf = (cpr: string, system: string) => dataset.appointments.filter((record) => record.borger.cpr === cpr && record.kildesystem === system).map((record) => record.aftaleId);

describe('the municipal calendar simulator', () => {
  const asked = Object.values(personas).flatMap((persona) => municipalCalendarSystems.map((system) => [persona.key, system, persona.cpr] as const));

  it.each(asked)("answers %s's %s entries and no one else's, recorded as one appointments search", async (_name, system, cpr) => {
    const response = await post(system, JSON.stringify({ cpr }));
    expect(response.status).toBe(200);
    expect(await entryIds(response)).toEqual(idsOf(cpr, system));
    expect([recorder.count('appointments', 'search'), recorder.total()]).toEqual([1, 1]);
  });

  it('gives FrontDesk deadlines beside its appointments', async () => {
    const response = await post('FRONTDESK', JSON.stringify({ cpr: personas.thomas.cpr }));
    const { kalender } = (await response.json()) as { kalender: { art: string }[] };
    expect(new Set(kalender.map((entry) => entry.art))).toEqual(new Set(['aftale', 'frist']));
  });

  it.each([
    ['a body in its neighbour’s words', JSON.stringify({ personId: personas.karen.cpr })],
    ['a CPR number that is not one', JSON.stringify({ cpr: `x${personas.karen.cpr}` })],
    ['no JSON at all', `{"cpr": "${personas.karen.cpr}"`],
  ])('refuses %s with 400 and does not echo it, still recording the call', async (_what, body) => {
    const response = await post('NOVAX', body);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain(personas.karen.cpr);
    expect(text).toBe(JSON.stringify({ fejl: 'Ugyldig forespørgsel' }));
    expect(recorder.count('appointments', 'search')).toBe(1);
  });

  it('puts one unreadable entry among the good ones of the system under the garbage fault, and only there', async () => {
    faults.setSource('WFP', { kind: 'garbage' });
    const body = JSON.stringify({ cpr: personas.thomas.cpr });
    const wfp = await entryIds(await post('WFP', body));
    expect(wfp.filter((id) => !idsOf(personas.thomas.cpr, 'WFP').includes(id))).toEqual(['GARBAGE-0001']);
    expect(wfp).toHaveLength(idsOf(personas.thomas.cpr, 'WFP').length + 1);
    expect(await entryIds(await post('FRONTDESK', body))).toEqual(idsOf(personas.thomas.cpr, 'FRONTDESK'));
    // A citizen with nothing in the system gets the unreadable entry alone.
    expect(await entryIds(await post('WFP', JSON.stringify({ cpr: personas.lawyer.cpr })))).toEqual(['GARBAGE-0001']);
  });

  it('answers a source fault before the index fault, and clear() clears both', async () => {
    const body = JSON.stringify({ cpr: personas.amir.cpr });
    faults.set('appointments', { kind: 'error', status: 503 });
    faults.setSource('FRONTDESK', { kind: 'latency', ms: 1 });
    expect((await post('SENSUM', body)).status).toBe(503);
    expect((await post('FRONTDESK', body)).status).toBe(200);
    faults.clear();
    expect((await post('SENSUM', body)).status).toBe(200);
    faults.setSource('SENSUM', { kind: 'reset' });
    await expect(post('SENSUM', body)).rejects.toThrow();
    expect((await post('WFP', body)).status).toBe(200);
  });
});
