import { personas } from './fixtures/personas';
import { startSimulator, type RunningSimulator } from './simulator';

describe('the upstream simulator over HTTP', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.recorder.reset());

  const post = (path: string, body: unknown) =>
    fetch(`${simulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it("answers a case search with the citizen's cases", async () => {
    const response = await post('/sagsindeks/v1/sager/soeg', { cpr: personas.thomas.cpr });
    const { sager } = (await response.json()) as { sager: { primaerPart: { cpr: string } }[] };
    expect(sager.length).toBeGreaterThan(0);
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
    expect(await response.text()).not.toContain('15037212');
  });

  it('answers 404 at an unknown address', async () => {
    expect((await post('/nothing/here', {})).status).toBe(404);
  });

  it('counts every call per index', async () => {
    await post('/sagsindeks/v1/sager/soeg', { cpr: personas.thomas.cpr });
    await post('/sagsindeks/v1/sager/hent', { ider: ['SAG-T751-0001'] });
    await post('/betalinger/v1/betalinger/soeg', { cpr: personas.thomas.cpr });
    expect(simulator.recorder.snapshot()).toEqual({ cases: 2, payments: 1 });
  });
});
