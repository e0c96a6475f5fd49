import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import { personsResponseSchema } from '../../lib/person.contract';
import { casesResponseSchema } from '../../subgraphs/cases/upstream.contract';
import { createResponseSchema, proxiesIndex, proxiesResponseSchema } from '../../subgraphs/proxies/upstream.contract';
import {
  ACCOUNTANT_PROXY_ID,
  createDataset,
  GUARDIAN_PROXY_ID,
  PARTIAL_GUARDIAN_CASES_PROXY_ID,
  PARTIAL_GUARDIANSHIP_PROXY_ID,
  THOMAS_TRANSPORT_CASE_ID,
} from '../fixtures/dataset';
import { organisations, personas } from '../fixtures/personas';
import { CallRecorder } from './call-recorder';
import { createIndexHandlers, simulatorControls } from './handlers';

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

  it('answer a search by holder with every proxy that person holds, for any citizen, recorded as a proxies search', async () => {
    const response = await post('/fuldmagt/v1/fuldmagter/soeg-haver', { haverId: personas.partialGuardian.cpr });
    const { fuldmagter } = proxiesResponseSchema.parse(await response.json());
    expect(fuldmagter.map((proxy) => proxy.fuldmagtId)).toEqual([PARTIAL_GUARDIANSHIP_PROXY_ID, PARTIAL_GUARDIAN_CASES_PROXY_ID]);
    expect([recorder.count('proxies', 'search'), recorder.total()]).toEqual([1, 1]);
  });

  it("answer a search by holder with an organisation's proxies by its CVR number", async () => {
    const response = await post('/fuldmagt/v1/fuldmagter/soeg-haver', { haverId: organisations.accountant.cvr });
    const { fuldmagter } = proxiesResponseSchema.parse(await response.json());
    expect(fuldmagter).toEqual([expect.objectContaining({ fuldmagtId: ACCOUNTANT_PROXY_ID, fuldmagtshaver: expect.objectContaining({ type: 'ORGANISATION' }) })]);
  });

  it('answer a search by a holder of nothing with an empty list, and refuse one without a holder with 400', async () => {
    expect(await (await post('/fuldmagt/v1/fuldmagter/soeg-haver', { haverId: personas.sara.cpr })).json()).toEqual({ fuldmagter: [] });
    expect((await post('/fuldmagt/v1/fuldmagter/soeg-haver', { haverId: '' })).status).toBe(400);
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
    await post('/sagsindeks/v1/sager/soeg', { cpr: personas.thomas.cpr });
    await post('/sagsindeks/v1/sager/hent', { ider: ['SAG-T751-0001'] });
    await post('/sagsindeks/v1/sager/hent', { ids: ['SAG-T751-0001'] });
    expect([recorder.count('cases', 'search'), recorder.count('cases', 'batch'), recorder.total()]).toEqual([1, 2, 3]);
  });

  it('answer only under their base URL', async () => {
    const elsewhere = new Request('https://elsewhere.example.invalid/sagsindeks/v1/sager/soeg', { method: 'POST', body: '{}' });
    expect(await getResponse(createIndexHandlers(dataset, recorder, origin), elsewhere)).toBeUndefined();
    expect(recorder.total()).toBe(0);
  });
});

describe("the simulator's control to close a case", () => {
  // Its own dataset: closing a case must not change what the other tests see.
  const closing = createDataset();
  const close = (body: unknown) =>
    getResponse(
      createIndexHandlers(closing, recorder, origin),
      new Request(`${origin}${simulatorControls.closeCase}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    );

  it('closes the case as of today and answers with it, without counting as an index call', async () => {
    const before = new Date().toISOString().slice(0, 10);
    const response = await close({ sagId: THOMAS_TRANSPORT_CASE_ID });
    const after = new Date().toISOString().slice(0, 10);
    const { sager } = casesResponseSchema.parse(await response!.json());
    expect(sager).toEqual([expect.objectContaining({ sagId: THOMAS_TRANSPORT_CASE_ID, fremdrift: 'Afsluttet' })]);
    expect([before, after]).toContain(sager[0].afsluttet);
    expect(closing.lookup.cases.byId.get(THOMAS_TRANSPORT_CASE_ID)).toMatchObject({ fremdrift: 'Afsluttet', afsluttet: sager[0].afsluttet });
    expect(recorder.total()).toBe(0);
  });

  it('answers 404 for an unknown case and 400 for a body without a case id', async () => {
    expect((await close({ sagId: 'SAG-NOPE' }))?.status).toBe(404);
    expect((await close({ id: THOMAS_TRANSPORT_CASE_ID }))?.status).toBe(400);
  });
});

describe("Digital Fuldmagt's write API", () => {
  // Its own dataset and handlers: grants must not change what the other tests see.
  const registry = createDataset();
  const handlers = createIndexHandlers(registry, recorder, origin);
  const call = async (path: string, body: unknown) => {
    const response = await getResponse(handlers, new Request(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    return { status: response!.status, body: (await response!.json()) as unknown };
  };
  const grant = {
    cpr: personas.thomas.cpr,
    haver: { type: 'PERSON', id: personas.niece.cpr, navn: personas.niece.name },
    kort: ['SAGER'],
    gyldigFra: '2026-12-01',
    gyldigTil: null,
    sagId: THOMAS_TRANSPORT_CASE_ID,
    idempotensnoegle: null,
  };
  const created = async (body: unknown) => createResponseSchema.parse((await call(proxiesIndex.create, body)).body);

  it('registers a grant as pending, findable by principal and by holder, each write counted as a change', async () => {
    const { fuldmagter } = await created(grant);
    expect(fuldmagter).toEqual([expect.objectContaining({ fuldmagtsgiver: { cpr: personas.thomas.cpr }, type: 'FULDMAGT', accepteret: null, afvist: null, sagId: THOMAS_TRANSPORT_CASE_ID })]);
    const id = fuldmagter[0].fuldmagtId;
    expect(registry.lookup.proxies.byCpr.get(personas.thomas.cpr)!.map((proxy) => proxy.fuldmagtId)).toContain(id);
    const held = proxiesResponseSchema.parse((await call(proxiesIndex.searchByHolder, { haverId: personas.niece.cpr })).body);
    expect(held.fuldmagter.map((proxy) => proxy.fuldmagtId)).toContain(id);
    expect(recorder.count('proxies', 'change')).toBe(1);
  });

  it('answers a repeat with the same key with the same proxy, and refuses the key for another grant', async () => {
    const keyed = { ...grant, idempotensnoegle: 'retry-0001' };
    const first = await created(keyed);
    const again = await created(keyed);
    expect(again.fuldmagter[0].fuldmagtId).toBe(first.fuldmagter[0].fuldmagtId);
    expect(registry.proxies.filter((proxy) => proxy.fuldmagtId === first.fuldmagter[0].fuldmagtId)).toHaveLength(1);
    expect(await created({ ...keyed, kort: ['YDELSER'] })).toEqual({ fuldmagter: [], fejlkode: 'NOEGLE_GENBRUGT' });
  });

  it('refuses a grant to the principal themself, or without cards', async () => {
    expect((await call(proxiesIndex.create, { ...grant, haver: { ...grant.haver, id: personas.thomas.cpr } })).status).toBe(400);
    expect((await call(proxiesIndex.create, { ...grant, kort: [] })).status).toBe(400);
  });

  it('lets only the holder accept a pending proxy, once', async () => {
    const id = (await created(grant)).fuldmagter[0].fuldmagtId;
    expect((await call(proxiesIndex.accept, { fuldmagtId: id, haverId: personas.lawyer.cpr })).body).toEqual({ fuldmagter: [] });
    const accepted = proxiesResponseSchema.parse((await call(proxiesIndex.accept, { fuldmagtId: id, haverId: personas.niece.cpr })).body).fuldmagter[0];
    expect(accepted.accepteret).toEqual(expect.any(String));
    const again = proxiesResponseSchema.parse((await call(proxiesIndex.accept, { fuldmagtId: id, haverId: personas.niece.cpr })).body).fuldmagter[0];
    expect(again.accepteret).toBe(accepted.accepteret);
  });

  it('lets the holder decline a pending proxy, which can then not be accepted', async () => {
    const id = (await created(grant)).fuldmagter[0].fuldmagtId;
    const declined = proxiesResponseSchema.parse((await call(proxiesIndex.decline, { fuldmagtId: id, haverId: personas.niece.cpr })).body).fuldmagter[0];
    expect(declined.afvist).toEqual(expect.any(String));
    const after = proxiesResponseSchema.parse((await call(proxiesIndex.accept, { fuldmagtId: id, haverId: personas.niece.cpr })).body).fuldmagter[0];
    expect(after.accepteret).toBeNull();
  });

  it('leaves a revoked proxy unaccepted', async () => {
    const id = (await created(grant)).fuldmagter[0].fuldmagtId;
    await call(proxiesIndex.revoke, { fuldmagtId: id, cpr: personas.thomas.cpr });
    const after = proxiesResponseSchema.parse((await call(proxiesIndex.accept, { fuldmagtId: id, haverId: personas.niece.cpr })).body).fuldmagter[0];
    expect(after).toMatchObject({ accepteret: null, tilbagekaldt: expect.any(String) });
  });
});
