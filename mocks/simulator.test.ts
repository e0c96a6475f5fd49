import { casesResponseSchema } from '../subgraphs/cases/upstream.contract';
import { THOMAS_TRANSPORT_CASE_ID } from './fixtures/dataset';
import { personas } from './fixtures/personas';
import { simulatorControls } from './indexes/handlers';
import { startSimulator, type RunningSimulator } from './simulator';

describe('the upstream simulator over HTTP', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator({ port: 0 });
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.recorder.reset());

  const post = (path: string, body: unknown) =>
    fetch(`${simulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('listens on the free port it was given and reports it', () => {
    expect(simulator.port).toBeGreaterThan(0);
    expect(simulator.url).toBe(`http://127.0.0.1:${simulator.port}`);
  });

  it('answers a health check', async () => {
    expect((await fetch(`${simulator.url}/healthz`)).status).toBe(200);
  });

  it("answers a case search with thomas's cases and no one else's", async () => {
    const response = await post('/sagsindeks/v1/sager/soeg', { cpr: personas.thomas.cpr });
    const { sager } = casesResponseSchema.parse(await response.json());
    expect(sager.length).toBe(simulator.dataset.cases.filter((record) => record.primaerPart.cpr === personas.thomas.cpr).length);
    for (const record of sager) expect(record.primaerPart.cpr).toBe(personas.thomas.cpr);
  });

  it('answers a batch look-up with only the asked ids, leaving out unknown ones', async () => {
    const response = await post('/ydelsesindeks/v1/ydelser/hent', { ider: ['YD-T751-0001', 'YD-NOPE'] });
    const { ydelser } = (await response.json()) as { ydelser: { ydelseId: string }[] };
    expect(ydelser.map((record) => record.ydelseId)).toEqual(['YD-T751-0001']);
  });

  it('refuses a body it cannot read with 400 and does not echo it', async () => {
    const response = await post('/sagsindeks/v1/sager/soeg', { cpr: '15037212' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ fejl: expect.any(String) });
    expect(text).not.toContain('15037212');
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await fetch(`${simulator.url}/sagsindeks/v1/sager/soeg`, { method: 'POST', body: 'cpr=1503721233' });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('1503721233');
  });

  it('answers 404 at an unknown address', async () => {
    const response = await post('/nothing/here', {});
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ fejl: expect.any(String) });
  });

  it('counts every call per index', async () => {
    await post('/sagsindeks/v1/sager/soeg', { cpr: personas.thomas.cpr });
    await post('/sagsindeks/v1/sager/hent', { ider: ['SAG-T751-0001'] });
    await post('/betalinger/v1/betalinger/soeg', { cpr: personas.thomas.cpr });
    expect(simulator.recorder.snapshot()).toEqual({ cases: 2, payments: 1 });
    expect([simulator.recorder.count('cases', 'search'), simulator.recorder.count('cases', 'batch')]).toEqual([1, 1]);
  });

  it('closes a case on request, even on a bad day for the case index, without counting it as an index call', async () => {
    simulator.faults.set('cases', { kind: 'error', status: 503 });
    try {
      const response = await post(simulatorControls.closeCase, { sagId: THOMAS_TRANSPORT_CASE_ID });
      expect(response.status).toBe(200);
    } finally {
      simulator.faults.clear();
    }
    expect(simulator.dataset.lookup.cases.byId.get(THOMAS_TRANSPORT_CASE_ID)?.fremdrift).toBe('Afsluttet');
    expect(simulator.recorder.total()).toBe(0);
  });

  it('counts nothing for a health check or an unknown address', async () => {
    await fetch(`${simulator.url}/healthz`);
    await post('/nothing/here', {});
    expect(simulator.recorder.total()).toBe(0);
  });
});
