import { personas } from '../../mocks/fixtures/personas';
import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

const overview = /* GraphQL */ `
  {
    me {
      id
      cases(first: 500) { id title kle { code name } progress openedOn closedOn responsibleAuthority { name } contact { office phone email openingHours } documents { id title date } }
      benefits(first: 500) { id name kle { code } period { from to } amount { amount currency } status paidBy case { id title } }
      payments(first: 500) { id kind amount { amount currency } paymentDate paymentDateMissingReason payingAuthority { name } benefit { id name } }
      appointments(first: 500) { id title startsAt sourceSystem contact { office } contactIsGeneral changeLink { url isFallback } provenance { system sourceId } responsibleAuthority { code name } case { id } }
      proxies(first: 500) { id holder { name kind } cards kind validFrom validTo boundCase { id } representedCitizen { id } }
    }
  }
`;

interface Overview {
  me: {
    id: string;
    cases: { id: string; documents: { id: string }[] | null }[];
    benefits: { id: string; case: { id: string; title: string } | null }[];
    payments: { id: string; paymentDate: string | null; paymentDateMissingReason: string | null; benefit: { id: string; name: string } | null }[];
    appointments: { id: string; sourceSystem: string; contactIsGeneral: boolean; contact: { office: string } }[];
    proxies: { id: string; cards: string[]; boundCase: { id: string } | null; representedCitizen: { id: string } }[];
  };
}

describe("a citizen's overview through the gateway", () => {
  let stack: Stack;
  let thomas: Awaited<ReturnType<typeof postGraphQL<Overview>>>;

  beforeAll(async () => {
    stack = await startStack({ env: { MAX_QUERY_COST: '100000' } }); // every list at its maximum of 500
    thomas = await postGraphQL<Overview>(stack.gatewayUrl, overview, { token: await tokenFor(stack, 'thomas') });
  });
  afterAll(() => stack.close());

  const own = (records: { [key: string]: unknown }[], owner: (record: never) => string) =>
    records.filter((record) => owner(record as never) === personas.thomas.cpr);

  it('answers with all five areas and no errors', () => {
    expect(thomas.status).toBe(200);
    expect(thomas.body.errors).toBeUndefined();
    const { cases, benefits, payments, appointments, proxies } = thomas.body.data!.me;
    for (const list of [cases, benefits, payments, appointments, proxies]) expect(list.length).toBeGreaterThan(0);
  });

  it("returns exactly thomas's records from each index", () => {
    const { dataset } = stack.simulator;
    const me = thomas.body.data!.me;
    const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();
    expect(ids(me.cases)).toEqual(own(dataset.cases, (c: { primaerPart: { cpr: string } }) => c.primaerPart.cpr).map((c) => c.sagId).sort());
    expect(ids(me.benefits)).toEqual(own(dataset.benefits, (b: { modtager: { cpr: string } }) => b.modtager.cpr).map((b) => b.ydelseId).sort());
    expect(ids(me.payments)).toEqual(own(dataset.payments, (p: { modtager: { cpr: string } }) => p.modtager.cpr).map((p) => p.betalingId).sort());
    const appointments = dataset.appointments.filter((appointment) => appointment.borger.cpr === personas.thomas.cpr && appointment.type === 'AFTALE');
    expect(ids(me.appointments)).toEqual(appointments.map((appointment) => appointment.aftaleId).sort());
  });

  it("resolves each benefit's case across subgraphs", () => {
    const { dataset } = stack.simulator;
    for (const benefit of thomas.body.data!.me.benefits) {
      const source = dataset.benefits.find((record) => record.ydelseId === benefit.id)!;
      expect(benefit.case?.id ?? null).toBe(source.sagId);
      if (benefit.case) expect(benefit.case.title).toEqual(expect.any(String));
    }
  });

  it("resolves each payment's benefit across subgraphs", () => {
    const { dataset } = stack.simulator;
    for (const payment of thomas.body.data!.me.payments) {
      const source = dataset.payments.find((record) => record.betalingId === payment.id)!;
      expect(payment.benefit?.id ?? null).toBe(source.ydelseId);
    }
  });

  it('shows a pseudonymous citizen id, never the CPR number', () => {
    expect(thomas.body.data!.me.id).toMatch(/^cit_/);
    expect(thomas.text).not.toContain(personas.thomas.cpr);
  });

  it('never shows a caseworker or the contents of a document', () => {
    const { dataset } = stack.simulator;
    for (const record of dataset.cases.filter((c) => c.primaerPart.cpr === personas.thomas.cpr)) {
      if (record.sagsbehandler) expect(thomas.text).not.toContain(record.sagsbehandler.navn);
      for (const document of record.dokumenter) expect(thomas.text).not.toContain(document.indhold);
    }
  });

  it('takes appointments from several source systems', () => {
    const systems = new Set(thomas.body.data!.me.appointments.map((appointment) => appointment.sourceSystem));
    expect(systems.size).toBeGreaterThanOrEqual(3);
  });

  it("falls back to the authority's general contact when the source gives none, and says so", () => {
    const general = thomas.body.data!.me.appointments.filter((appointment) => appointment.contactIsGeneral);
    expect(general.length).toBeGreaterThan(0);
    for (const appointment of general) expect(appointment.contact.office).toEqual(expect.any(String));
  });

  it("shows the lawyer's proxy as bound to one case, for thomas", () => {
    const me = thomas.body.data!.me;
    const bound = me.proxies.find((proxy) => proxy.boundCase !== null)!;
    expect(bound.cards.sort()).toEqual(['BENEFITS', 'CASES']);
    expect(bound.representedCitizen.id).toBe(me.id);
  });

  it('bounds a list by `first`', async () => {
    const response = await postGraphQL<Overview>(stack.gatewayUrl, '{ me { cases(first: 2) { id } } }', {
      token: await tokenFor(stack, 'thomas'),
    });
    expect(response.body.data!.me.cases).toHaveLength(2);
  });

  it('refuses a list size over 500 with a clear error on that area only', async () => {
    const response = await postGraphQL<Overview>(stack.gatewayUrl, '{ me { id cases(first: 501) { id } } }', {
      token: await tokenFor(stack, 'thomas'),
    });
    expect(response.body.data!.me.id).toEqual(expect.any(String));
    expect(response.body.data!.me.cases).toBeNull();
    expect(response.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
