import { SARA_YOUTH_CASE_ID } from '../../mocks/fixtures/dataset';
import { personas, type PersonaKey } from '../../mocks/fixtures/personas';
import { mintToken } from '../../mocks/identity/dev-issuer';
import { postGraphQL } from '../support/graphql-client';
import { startStack, type Stack } from '../support/stack';

type Me = { me: { cases: { id: string }[]; appointments: { id: string; sourceSystem: string }[] } | null };

describe('parents acting for their children, from the CPR register and without a proxy', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const asParent = async (parent: PersonaKey, child: PersonaKey, query: string) =>
    postGraphQL<Me>(stack.gatewayUrl, query, {
      token: await mintToken({ kind: 'proxy', holderCpr: personas[parent].cpr, subjectCpr: personas[child].cpr }, { issuer: stack.issuer.url }),
    });

  it("let a father read his 12-year-old son's appointments", async () => {
    const response = await asParent('thomas', 'emil', '{ me { appointments { id sourceSystem } } }');
    expect(response.body.errors).toBeUndefined();
    const ownAppointments = stack.simulator.dataset.appointments.filter((item) => item.borger.cpr === personas.emil.cpr && item.type === 'AFTALE');
    expect(response.body.data!.me!.appointments.map((appointment) => appointment.id).sort()).toEqual(ownAppointments.map((item) => item.aftaleId).sort());
  });

  it("keep from a mother her 16-year-old daughter's own case, which the youth rule already shows the daughter", async () => {
    const response = await asParent('mother', 'sara', '{ me { cases { id } appointments { id } } }');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.me!.cases.map((kase) => kase.id)).not.toContain(SARA_YOUTH_CASE_ID);
    expect(response.body.data!.me!.appointments.length).toBeGreaterThan(0);
  });

  it("name the parent in the child's access log as a parent", async () => {
    await asParent('thomas', 'emil', '{ me { appointments { id } } }');
    const log = await postGraphQL<{ me: { accessLog: { entries: { reader: string; who: string }[] } } }>(stack.gatewayUrl, '{ me { accessLog { entries { reader who } } } }', {
      token: await mintToken({ kind: 'citizen', cpr: personas.emil.cpr }, { issuer: stack.issuer.url }),
    });
    expect(log.body.errors).toBeUndefined();
    expect(log.body.data!.me.accessLog.entries).toContainEqual({ reader: 'PARENT', who: 'Din forælder Thomas Testesen' });
  });

  it('refuse someone who has neither custody nor a proxy', async () => {
    const response = await asParent('thomas', 'sara', '{ me { appointments { id } } }');
    expect(response.status).toBe(403);
    expect(response.body.errors![0].extensions!.code).toBe('PROXY_NOT_VALID');
  });
});
