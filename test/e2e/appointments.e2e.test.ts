import { personas } from '../../mocks/fixtures/personas';
import { mintToken } from '../../mocks/identity/dev-issuer';
import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

type Link = { url: string; isFallback: boolean };
type Appointment = {
  id: string;
  sourceSystem: string;
  provenance: { system: string; sourceId: string }[];
  responsibleAuthority: { code: string; name: string };
  contactIsGeneral: boolean;
  changeLink: Link;
  cancelLink: Link | null;
};
type Overview = {
  me: {
    appointments: Appointment[];
    appointmentsFreshness: { sources: { system: string; failed: boolean }[] };
    appointmentsWithheld: { reason: string; count: number }[];
    deadlines: { id: string; title: string; dueAt: string; consequence: string | null; sourceSystem: string; actLink: Link; case: { id: string } | null }[];
  };
};
const query = `{ me {
  appointments(first: 500) { id sourceSystem provenance { system sourceId } responsibleAuthority { code name } contactIsGeneral changeLink { url isFallback } cancelLink { url isFallback } }
  appointmentsFreshness { sources { system failed } }
  appointmentsWithheld { reason count }
  deadlines { id title dueAt consequence sourceSystem actLink { url isFallback } case { id } }
} }`;

describe("thomas's appointments and deadlines, gathered from the source systems", () => {
  let stack: Stack;
  let thomas: string;
  beforeAll(async () => {
    // No cache, so each test's fault reaches the source it targets.
    stack = await startStack({ env: { CACHE_ENABLED: 'false' } });
    thomas = await tokenFor(stack, 'thomas');
  });
  afterAll(() => stack.close());
  afterEach(() => stack.simulator.faults.clear());

  const overview = async () => {
    const response = await postGraphQL<Overview>(stack.gatewayUrl, query, { token: thomas });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.me;
  };

  it('come from at least five source systems, each appointment naming where it came from', async () => {
    const { appointments } = await overview();
    expect(new Set(appointments.map((appointment) => appointment.sourceSystem)).size).toBeGreaterThanOrEqual(5);
    for (const appointment of appointments) expect(appointment.provenance.map((origin) => origin.system)).toContain(appointment.sourceSystem);
  });

  it('show a hospital appointment as held by the hospital’s region, not the municipality', async () => {
    const hospital = (await overview()).appointments.filter((appointment) => appointment.sourceSystem === 'NSP');
    expect(hospital.length).toBeGreaterThan(0);
    for (const appointment of hospital) expect(appointment.responsibleAuthority).toEqual({ code: '1082', name: 'Region Midtjylland' });
  });

  it('carry only https links, on the hosts their source may use or the authority’s own page', async () => {
    const { appointments, deadlines } = await overview();
    const links = [...appointments.flatMap((appointment) => [appointment.changeLink, appointment.cancelLink ?? []].flat()), ...deadlines.map((deadline) => deadline.actLink)];
    for (const link of links) expect(new URL(link.url).protocol).toBe('https:');
  });

  it('never show the script a source sent as a change link: the authority’s self-service page instead, marked as a fallback', async () => {
    const { appointments } = await overview();
    const scripted = appointments.find((appointment) => appointment.id === 'AFT-T751-0003')!;
    expect(scripted.changeLink).toEqual({ url: 'https://www.aarhus.dk/borger/selvbetjening', isFallback: true });
  });

  it('mark the authority’s general contact where Jobnet gives none', async () => {
    const jobnet = (await overview()).appointments.filter((appointment) => appointment.sourceSystem === 'DFDG');
    expect(jobnet.length).toBeGreaterThan(0);
    for (const appointment of jobnet) expect(appointment.contactIsGeneral).toBe(true);
  });

  it('include his deadlines from Jobnet and citizen service: what is due, by when, what missing it means, where to act', async () => {
    const { deadlines } = await overview();
    expect(deadlines.map((deadline) => deadline.sourceSystem).sort()).toEqual(['DFDG', 'FRONTDESK']);
    expect(deadlines.find((deadline) => deadline.sourceSystem === 'DFDG')).toMatchObject({
      title: 'Opdater dit CV på Jobnet',
      consequence: 'Hvis du ikke opdaterer dit CV, kan det få betydning for din ydelse.',
      actLink: { url: expect.stringMatching(/^https:\/\/job\.jobnet\.dk\//), isFallback: false },
      case: { id: expect.any(String) },
    });
  });

  it('lose only the unreadable item when one source sends garbage, and say how many', async () => {
    const before = await overview();
    stack.simulator.faults.setSource('SOLTEQ_TAND', { kind: 'garbage' });
    const after = await overview();
    expect(after.appointments.map((appointment) => appointment.id).sort()).toEqual(before.appointments.map((appointment) => appointment.id).sort());
    expect(after.appointmentsWithheld).toContainEqual({ reason: 'UNREADABLE', count: 1 });
  });

  it('lose only that source’s appointments when a source fails, and say which one failed', async () => {
    stack.simulator.faults.setSource('NSP', { kind: 'error', status: 503 });
    const { appointments, appointmentsFreshness } = await overview();
    expect(appointments.filter((appointment) => appointment.sourceSystem === 'NSP')).toEqual([]);
    expect(appointments.length).toBeGreaterThan(0);
    expect(appointmentsFreshness.sources.filter((source) => source.failed).map((source) => source.system)).toEqual(['NSP']);
  });
});

describe('a proxy without the appointments card', () => {
  it('sees no deadlines either: they are kept with the appointments, under the same rules', async () => {
    const stack = await startStack();
    try {
      const lawyer = await mintToken({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
      const response = await postGraphQL<{ me: { deadlines: unknown } }>(stack.gatewayUrl, '{ me { deadlines { id } } }', { token: lawyer });
      expect(response.body.data!.me.deadlines).toBeNull();
      expect(response.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN_AREA', area: 'appointments' });
    } finally {
      await stack.close();
    }
  });
});
