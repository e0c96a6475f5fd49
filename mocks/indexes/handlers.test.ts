import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { personsResponseSchema } from '../../lib/person.contract';
import { casesResponseSchema } from '../../subgraphs/cases/upstream.contract';
import { proxiesResponseSchema } from '../../subgraphs/proxies/upstream.contract';
import { createDataset, GUARDIAN_PROXY_ID, THOMAS_TRANSPORT_CASE_ID } from '../fixtures/dataset';
import { personas } from '../fixtures/personas';
import { CallRecorder } from './call-recorder';
import { createIndexHandlers } from './handlers';

const origin = 'https://serviceplatformen.example.invalid';
const dataset = createDataset();
const recorder = new CallRecorder();
const server = setupServer(...createIndexHandlers(dataset, recorder, origin));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => recorder.reset());
afterAll(() => server.close());

const post = async (path: string, body: unknown) =>
  fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the index handlers in-process', () => {
  it("answer a search for the guardian's proxies over karen without any server", async () => {
    const response = await post('/fuldmagt/v1/fuldmagter/soeg', { cpr: personas.karen.cpr });
    const { fuldmagter } = proxiesResponseSchema.parse(await response.json());
    expect(fuldmagter.map((proxy) => proxy.fuldmagtId)).toEqual([GUARDIAN_PROXY_ID]);
  });

  it("answer a case search with exactly the citizen's cases, valid by the contract", async () => {
    const response = await post('/sagsindeks/v1/sager/soeg', { cpr: personas.thomas.cpr });
    const { sager } = casesResponseSchema.parse(await response.json());
    expect(sager.map((record) => record.sagId)).toEqual(dataset.cases.filter((record) => record.primaerPart.cpr === personas.thomas.cpr).map((record) => record.sagId));
  });

  it('answer a search for a citizen with no records with an empty list', async () => {
    const response = await post('/betalinger/v1/betalinger/soeg', { cpr: personas.lawyer.cpr });
    expect(await response.json()).toEqual({ betalinger: [] });
  });

  it('look people up in the CPR register by CPR number', async () => {
    const response = await post('/cpr/v1/personer/hent', { ider: [personas.karen.cpr, '0101010000'] });
    const { personer } = personsResponseSchema.parse(await response.json());
    expect(personer).toEqual([expect.objectContaining({ cpr: personas.karen.cpr, adressebeskyttet: true })]);
  });

  it('answer a batch look-up in the order asked', async () => {
    const response = await post('/sagsindeks/v1/sager/hent', { ider: [THOMAS_TRANSPORT_CASE_ID, 'SAG-T751-0001'] });
    const { sager } = casesResponseSchema.parse(await response.json());
    expect(sager.map((record) => record.sagId)).toEqual([THOMAS_TRANSPORT_CASE_ID, 'SAG-T751-0001']);
  });

  it('refuse an empty batch look-up with 400', async () => {
    expect((await post('/ydelsesindeks/v1/ydelser/hent', { ider: [] })).status).toBe(400);
  });

  it('record each call by index and kind, a refused one too', async () => {
    await post('/aftaleindeks/v1/aftaler/soeg', { cpr: personas.thomas.cpr });
    await post('/aftaleindeks/v1/aftaler/hent', { ider: ['AFT-T751-0001'] });
    await post('/aftaleindeks/v1/aftaler/hent', { ids: ['AFT-T751-0001'] });
    expect([recorder.count('appointments', 'search'), recorder.count('appointments', 'batch'), recorder.total()]).toEqual([1, 2, 3]);
  });

  it('answer only under their base URL', async () => {
    const elsewhere = new Request('https://elsewhere.example.invalid/sagsindeks/v1/sager/soeg', { method: 'POST', body: '{}' });
    expect(await getResponse(createIndexHandlers(dataset, recorder, origin), elsewhere)).toBeUndefined();
    expect(recorder.total()).toBe(0);
  });
});
