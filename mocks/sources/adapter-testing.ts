import type { RequestHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import sourceConfig from '../../config/appointment-sources.json';
import { createLogger } from '../../lib/logger';
import { Upstream } from '../../lib/upstream';
import type { SourceAdapter, SourceItem } from '../../subgraphs/appointments/sources/source';
import type { Dataset } from '../fixtures/dataset';
import type { SimulatedAppointment } from '../fixtures/generator';
import { personas, type Persona } from '../fixtures/personas';
import { CallRecorder } from '../indexes/call-recorder';
import { Faults } from '../indexes/faults';

/*
 * What the source adapters' tests (subgraphs/appointments/sources/*.test.ts) share: the facts a
 * simulated record must be read back to, and the tests of asking a system through its simulator,
 * which are the same for every system whatever its format. It lives with the simulators rather
 * than beside the adapters because it loads msw and mocks/: the build compiles, and the image
 * ships, every file under subgraphs/ that is not a test.
 */

/** What a system says about an item beyond the simulated record: who organises it, and whether it names a contact. */
export interface SystemFacts {
  organiser: SourceItem['organiser'];
  /** Left out: the record's own contact. */
  contact?: SourceItem['contact'];
}

/** The facts of a simulated record, as an adapter must give them back, with what its system says differently. */
export function factsOf(record: SimulatedAppointment, system: SystemFacts): SourceItem {
  return {
    sourceId: record.aftaleId,
    kind: record.type === 'FRIST' ? 'DEADLINE' : 'APPOINTMENT',
    title: record.titel,
    startsAt: record.start,
    endsAt: record.slut,
    place: record.sted === null ? null : { name: record.sted.navn, address: record.sted.adresse },
    citizenMunicipality: record.myndighed.kode,
    contact: record.kontakt,
    changeLink: record.aendringslink,
    // The simulated truth holds no cancel link, so no simulator writes one: each adapter's own tests give one.
    cancelLink: null,
    caseId: record.sagId,
    sharingObjected: record.delingFrabedt,
    consequence: record.konsekvens,
    ...system,
  };
}

/**
 * The dataset with records generated beside it, for a system no persona uses: the simulators
 * answer from it as from any other citizen's.
 */
export function withRecords(dataset: Dataset, records: readonly SimulatedAppointment[]): Dataset {
  const appointments = [...dataset.appointments, ...records];
  const byCpr = new Map(dataset.lookup.appointments.byCpr);
  for (const record of records) byCpr.set(record.borger.cpr, [...(byCpr.get(record.borger.cpr) ?? []), record]);
  const byId = new Map(appointments.map((record) => [record.aftaleId, record]));
  return { ...dataset, appointments, lookup: { ...dataset.lookup, appointments: { byCpr, byId } } };
}

/** One of a persona's items, as a row for `it.each`: `$persona`, `$system`, `$type` and `$id` name the test. */
export interface PersonaRow {
  persona: string;
  system: string;
  type: SimulatedAppointment['type'];
  id: string;
  record: SimulatedAppointment;
}

/** The personas' items that the adapter under test reads (`ours`), persona by persona in the dataset's order. */
export function personaRows(dataset: Dataset, ours: (record: SimulatedAppointment) => boolean): PersonaRow[] {
  return Object.values(personas).flatMap((persona) =>
    (dataset.lookup.appointments.byCpr.get(persona.cpr) ?? [])
      .filter(ours)
      .map((record) => ({ persona: persona.key, system: record.kildesystem, type: record.type, id: record.aftaleId, record })),
  );
}

/** A citizen to ask about, by the name the tests give them. */
export type Citizen = Pick<Persona, 'key' | 'cpr'>;

/** One source system to ask through its simulator, and what is known of it. */
export interface AskedSystem {
  /** The system asked, as configured in config/appointment-sources.json, and the one faults are set for. */
  system: string;
  /** Its adapter. */
  adapter: SourceAdapter;
  /** The simulator's handlers (every system of the format, when several share one). */
  createHandlers(dataset: Dataset, recorder: CallRecorder, baseUrl: string, faults: Faults): RequestHandler[];
  /** What the simulator answers from. */
  dataset: Dataset;
  /** A record's facts, as the adapter must read them back. */
  facts(record: SimulatedAppointment): SourceItem;
  /** What the system holds, for the tests' names: "hospital appointments", and one of them: "appointment". */
  items: string;
  item: string;
  /** Citizens it holds items for (faults are tried on the first), and one it holds none for. */
  citizensWithItems: readonly Citizen[];
  citizenWithout: Citizen;
  /** The body it expects, for a citizen. */
  body(cpr: string): unknown;
  /** Bodies it cannot read, each carrying the CPR number (which its refusal must not echo). */
  badBodies(cpr: string): readonly string[];
  /** Its refusal, in its own words (in part). */
  refusal: Record<string, unknown>;
  /** Another system, whose faults must not reach this one. */
  neighbour: string;
}

/** The simulated system being asked, for the tests particular to its format. */
export interface Asking {
  origin: string;
  /** The system's configured path. */
  path: string;
  /** The simulator, for a test to answer in a way of its own (`server.use`; undone after each test). */
  server: SetupServer;
  /** The adapter's fetch of a citizen's items, through an upstream of its own. */
  fetchFor(cpr: string): Promise<unknown[]>;
  /** A body posted straight to the system, past the adapter. */
  post(body: string): Promise<Response>;
}

/**
 * The tests of asking a source system, the same for every one: a citizen's items and no one
 * else's in one call with the CPR number in the body, nothing for a citizen it does not know, an
 * unreadable body refused unechoed, an unreadable item among good ones under the `garbage` fault,
 * and a failure of the whole system under its own faults or the appointments index's but not
 * under another system's. `particular` adds the tests of the system's own format.
 */
export function describeAskingTheSystem(source: AskedSystem, particular?: (asking: Asking) => void): void {
  const { system, adapter, dataset, facts, neighbour } = source;
  describe(`asking ${system}`, () => {
    const origin = 'https://serviceplatformen.example.invalid';
    const path = (sourceConfig.sources as Record<string, { path: string }>)[system].path;
    const recorder = new CallRecorder();
    const faults = new Faults();
    const server = setupServer(...source.createHandlers(dataset, recorder, origin, faults));
    const urls: string[] = [];
    server.events.on('request:start', ({ request }) => urls.push(request.url));
    const logger = createLogger('test', 'silent');
    const fetchFor = (cpr: string) => adapter.fetch(new Upstream({ area: 'appointments', source: system, baseUrl: origin, timeoutMs: 1000, logger }), cpr, Date.now() + 1000);
    const post = (body: string) => fetch(`${origin}${path}`, { method: 'POST', body });
    const held = (citizen: Citizen) => (dataset.lookup.appointments.byCpr.get(citizen.cpr) ?? []).filter((record) => record.kildesystem === system);
    const readAll = async (citizen: Citizen) => (await fetchFor(citizen.cpr)).map((item) => adapter.read(item));
    const [tried] = source.citizensWithItems;

    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    beforeEach(() => {
      recorder.reset();
      urls.length = 0;
    });
    afterEach(() => {
      faults.clear();
      server.resetHandlers();
    });
    afterAll(() => server.close());

    it.each(source.citizensWithItems)(`fetches $key's ${source.items} and no one else's, the CPR number in the body, in one call`, async (citizen) => {
      expect(adapter.system).toBe(system);
      expect(held(citizen).length).toBeGreaterThan(0);
      expect(await readAll(citizen)).toEqual(held(citizen).map(facts));
      expect(recorder.count('appointments', 'search')).toBe(1);
      expect(urls).toEqual([`${origin}${path}`]);
    });

    it(`fetches nothing for ${source.citizenWithout.key}, for whom it holds nothing`, async () => {
      expect(held(source.citizenWithout)).toEqual([]);
      expect(await fetchFor(source.citizenWithout.cpr)).toEqual([]);
    });

    it('refuses a body it cannot read with 400, in its own words, never echoing it', async () => {
      const bodies = source.badBodies(tried.cpr);
      expect(bodies.length).toBeGreaterThan(0);
      for (const body of bodies) {
        const answer = await post(body);
        const text = await answer.text();
        expect(answer.status).toBe(400);
        expect(text).not.toContain(tried.cpr);
        expect(JSON.parse(text)).toMatchObject(source.refusal);
      }
    });

    it(`under its own garbage fault, gets one unreadable ${source.item} among ${tried.key}'s good ones, and none under ${neighbour}'s`, async () => {
      faults.setSource(system, { kind: 'garbage' });
      const read = await readAll(tried);
      expect(read.filter((item) => item === null)).toHaveLength(1);
      expect(read.filter((item) => item !== null)).toEqual(held(tried).map(facts));
      faults.clear();
      faults.setSource(neighbour, { kind: 'garbage' });
      expect(await readAll(tried)).toEqual(held(tried).map(facts));
    });

    it(`fails as a whole under a fault of its own or of the appointments index, not under ${neighbour}'s`, async () => {
      // (An error status is asked of the handler itself: in-process msw never settles the body
      // cancel the upstream seam does on a non-2xx answer, mswjs/interceptors#799.)
      faults.setSource(system, { kind: 'error', status: 503 });
      const refused = await post(JSON.stringify(source.body(tried.cpr)));
      expect(refused.status).toBe(503);
      expect(await refused.text()).not.toContain(tried.cpr);
      faults.setSource(system, { kind: 'malformed' });
      await expect(fetchFor(tried.cpr)).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_BAD_RESPONSE', area: 'appointments' } });
      faults.clear();
      faults.setSource(neighbour, { kind: 'malformed' });
      expect(await fetchFor(tried.cpr)).toHaveLength(held(tried).length);
      faults.set('appointments', { kind: 'malformed' });
      await expect(fetchFor(tried.cpr)).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_BAD_RESPONSE' } });
    });

    particular?.({ origin, path, server, fetchFor, post });
  });
}
