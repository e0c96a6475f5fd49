import { setupServer } from 'msw/node';
import sourceConfig from '../../config/appointment-sources.json';
import { createDataset } from '../fixtures/dataset';
import { personas } from '../fixtures/personas';
import { CallRecorder } from '../indexes/call-recorder';
import { Faults } from '../indexes/faults';
import { createSolteqHandlers } from './solteq-booking';

const origin = 'https://serviceplatformen.example.invalid';
const dataset = createDataset();
const recorder = new CallRecorder();
const faults = new Faults();
const server = setupServer(...createSolteqHandlers(dataset, recorder, origin, faults));
const dental = sourceConfig.sources.SOLTEQ_TAND.path;
const drivingTest = sourceConfig.sources.SOLTEQ_SUND.path;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => recorder.reset());
afterEach(() => faults.clear());
afterAll(() => server.close());

const post = (path: string, body: string) => fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
const bookingIds = async (response: Response) => ((await response.json()) as { bookings: { bookingId: string }[] }).bookings.map((booking) => booking.bookingId);
const idsOf = (cpr: string, system: string) =>
  dataset.appointments.filter((record) => record.borger.cpr === cpr && record.kildesystem === system && record.type === 'AFTALE').map((record) => record.aftaleId);

describe('the Solteq booking simulator', () => {
  it.each([
    ['thomas', personas.thomas.cpr],
    ['sara', personas.sara.cpr],
    ['karen', personas.karen.cpr],
  ])("answers %s's dental bookings and no one else's, recorded as one appointments search", async (_name, cpr) => {
    const response = await post(dental, JSON.stringify({ personId: cpr }));
    expect(response.status).toBe(200);
    const ids = await bookingIds(response);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(idsOf(cpr, 'SOLTEQ_TAND'));
    expect([recorder.count('appointments', 'search'), recorder.total()]).toEqual([1, 1]);
  });

  it('answers an empty list for a citizen with no booking in the system', async () => {
    expect(await bookingIds(await post(drivingTest, JSON.stringify({ personId: personas.thomas.cpr })))).toEqual([]);
    expect(await bookingIds(await post(dental, JSON.stringify({ personId: personas.lawyer.cpr })))).toEqual([]);
  });

  it.each([
    ['a body in its neighbour’s words', JSON.stringify({ cpr: personas.thomas.cpr })],
    ['a CPR number that is not one', JSON.stringify({ personId: `${personas.thomas.cpr}9` })],
    ['no JSON at all', `personId=${personas.thomas.cpr}`],
  ])('refuses %s with 400 and does not echo it, still recording the call', async (_what, body) => {
    const response = await post(dental, body);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain(personas.thomas.cpr);
    expect(text).not.toContain('personId=');
    expect(recorder.count('appointments', 'search')).toBe(1);
  });

  it('answers with a fault set for its system only, and with one set for the appointments index', async () => {
    const body = JSON.stringify({ personId: personas.thomas.cpr });
    faults.setSource('SOLTEQ_SUND', { kind: 'error', status: 503 });
    expect((await post(drivingTest, body)).status).toBe(503);
    expect((await post(dental, body)).status).toBe(200);
    faults.clear();
    expect((await post(drivingTest, body)).status).toBe(200);
    faults.set('appointments', { kind: 'error', status: 502 });
    faults.setSource('SOLTEQ_TAND', { kind: 'garbage' });
    expect((await post(drivingTest, body)).status).toBe(502);
    const garbled = (await (await post(dental, body)).json()) as { bookings: { bookingId: string }[] };
    expect(garbled.bookings.map((booking) => booking.bookingId)).toEqual(expect.arrayContaining(idsOf(personas.thomas.cpr, 'SOLTEQ_TAND')));
    expect(garbled.bookings).toHaveLength(idsOf(personas.thomas.cpr, 'SOLTEQ_TAND').length + 1);
    expect(recorder.count('appointments', 'search')).toBe(5);
  });

  it('answers a malformed body under the malformed fault', async () => {
    faults.setSource('SOLTEQ_TAND', { kind: 'malformed' });
    const response = await post(dental, JSON.stringify({ personId: personas.thomas.cpr }));
    await expect(response.json()).rejects.toThrow();
  });
});
