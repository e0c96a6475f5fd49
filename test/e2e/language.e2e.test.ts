import { THOMAS_CASH_BENEFIT_CASE_ID } from '../../mocks/fixtures/dataset';
import { personas } from '../../mocks/fixtures/personas';
import { mintToken } from '../../mocks/identity/dev-issuer';
import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

type Overview = {
  me: {
    cases: { id: string; kle: { code: string; name: string }; progress: string; progressText: string }[];
    benefits: { name: string; status: string; statusText: string; case: { id: string } | null }[];
  };
};
const overview = '{ me { cases { id kle { code name } progress progressText } benefits { name status statusText case { id } } } }';

describe('the language of an answer', () => {
  let stack: Stack;
  let thomas: string;
  beforeAll(async () => {
    stack = await startStack();
    thomas = await tokenFor(stack, 'thomas');
  });
  afterAll(() => stack.close());

  const cashBenefitCase = (data: Overview) => data.me.cases.find((kase) => kase.id === THOMAS_CASH_BENEFIT_CASE_ID)!;
  const cashBenefit = (data: Overview) => data.me.benefits.find((benefit) => benefit.case?.id === THOMAS_CASH_BENEFIT_CASE_ID)!;

  it("is Danish when the client names none: thomas's overview", async () => {
    const response = await postGraphQL<Overview>(stack.gatewayUrl, overview, { token: thomas });
    expect(response.headers.get('content-language')).toBe('da');
    expect(cashBenefitCase(response.body.data!)).toMatchObject({
      kle: { code: '32.24.04', name: 'Hjælp til forsørgelse (kontanthjælp mv.)' },
      progress: 'DECIDED',
      progressText: 'Afgjort',
    });
    expect(cashBenefit(response.body.data!)).toMatchObject({ name: 'Hjælp til forsørgelse (kontanthjælp mv.)', status: 'GRANTED', statusText: 'Bevilget' });
  });

  it("is English with Accept-Language: en, the codes beside the texts unchanged", async () => {
    const response = await postGraphQL<Overview>(stack.gatewayUrl, overview, { token: thomas, headers: { 'accept-language': 'en' } });
    expect(response.headers.get('content-language')).toBe('en');
    expect(cashBenefitCase(response.body.data!)).toMatchObject({
      kle: { code: '32.24.04', name: 'Support for maintenance (cash benefit etc.)' },
      progress: 'DECIDED',
      progressText: 'Decided',
    });
    expect(cashBenefit(response.body.data!)).toMatchObject({ status: 'GRANTED', statusText: 'Granted' });
  });

  it('is Danish for a language the graph does not speak', async () => {
    const response = await postGraphQL<Overview>(stack.gatewayUrl, overview, { token: thomas, headers: { 'accept-language': 'fr-FR, de;q=0.8' } });
    expect(response.headers.get('content-language')).toBe('da');
    expect(cashBenefitCase(response.body.data!).progressText).toBe('Afgjort');
  });

  it('can be chosen by a persisted operation through the language variable', async () => {
    const response = await postGraphQL<Overview>(stack.gatewayUrl, overview, { token: thomas, variables: { language: 'en' } });
    expect(response.headers.get('content-language')).toBe('en');
    expect(cashBenefitCase(response.body.data!).progressText).toBe('Decided');
  });

  it('costs no index call to change: texts are written after the cache', async () => {
    await postGraphQL(stack.gatewayUrl, overview, { token: thomas });
    stack.simulator.recorder.reset();
    await postGraphQL(stack.gatewayUrl, overview, { token: thomas, headers: { 'accept-language': 'en' } });
    expect(stack.simulator.recorder.total()).toBe(0);
  });

  describe("amir's withheld notice", () => {
    const withheld = '{ me { benefitsWithheld { reason minimumAge message kle { code name } } } }';
    type Withheld = { me: { benefitsWithheld: { reason: string; minimumAge: number; message: string }[] } };

    it('reads naturally in Danish', async () => {
      const response = await postGraphQL<Withheld>(stack.gatewayUrl, withheld, { token: await tokenFor(stack, 'amir') });
      expect(response.body.data!.me.benefitsWithheld[0]).toMatchObject({
        reason: 'AGE_LIMIT',
        minimumAge: 18,
        message:
          'Nogle af dine oplysninger om "Hjælp til forsørgelse (kontanthjælp mv.)" vises først, når du er fyldt 18 år. Kontakt kommunen, hvis du har brug for dem nu.',
      });
    });

    it('reads naturally in English', async () => {
      const response = await postGraphQL<Withheld>(stack.gatewayUrl, withheld, { token: await tokenFor(stack, 'amir'), headers: { 'accept-language': 'en' } });
      expect(response.body.data!.me.benefitsWithheld[0].message).toBe(
        'Some of your records about "Support for maintenance (cash benefit etc.)" are shown from age 18. Contact the municipality if you need them now.',
      );
    });
  });

  describe("the lawyer's line in thomas's access log", () => {
    const log = '{ me { accessLog(first: 50) { entries { reader who } } } }';
    type Log = { me: { accessLog: { entries: { reader: string; who: string }[] } } };
    beforeAll(async () => {
      const lawyer = await mintToken({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
      await postGraphQL(stack.gatewayUrl, '{ me { cases { id } } }', { token: lawyer });
    });

    it('names the proxy in Danish', async () => {
      const response = await postGraphQL<Log>(stack.gatewayUrl, log, { token: thomas });
      expect(response.body.data!.me.accessLog.entries).toContainEqual({ reader: 'PROXY', who: 'Din fuldmagtshaver Advokat Lise Lovmand' });
    });

    it('names the proxy in English', async () => {
      const response = await postGraphQL<Log>(stack.gatewayUrl, log, { token: thomas, headers: { 'accept-language': 'en' } });
      expect(response.body.data!.me.accessLog.entries).toContainEqual({ reader: 'PROXY', who: 'Your proxy Advokat Lise Lovmand' });
    });
  });

  describe("an appointment whose source gave no contact", () => {
    const appointments = '{ me { appointments { contactIsGeneral contactNote } } }';
    type Appointments = { me: { appointments: { contactIsGeneral: boolean; contactNote: string | null }[] } };
    const notes = async (headers: Record<string, string> = {}) => {
      const response = await postGraphQL<Appointments>(stack.gatewayUrl, appointments, { token: thomas, headers });
      return response.body.data!.me.appointments.filter((appointment) => appointment.contactIsGeneral).map((appointment) => appointment.contactNote);
    };

    it("says in Danish that the contact is the authority's general one", async () => {
      const said = await notes();
      expect(said.length).toBeGreaterThan(0);
      for (const note of said) expect(note).toBe('Aftalens kildesystem oplyser ingen kontakt. Her er myndighedens generelle kontakt.');
    });

    it('says it in English', async () => {
      for (const note of await notes({ 'accept-language': 'en' })) {
        expect(note).toBe("The appointment's source system gives no contact. This is the authority's general contact.");
      }
    });
  });

  describe("the chatbot's citizen context", () => {
    const context = '{ citizenContext { openCases { title status statusText } } }';
    type Context = { citizenContext: { openCases: { title: string; status: string; statusText: string }[] } };
    const openCases = async (headers: Record<string, string> = {}) => {
      const chatbot = await mintToken({ kind: 'chatbot', clientId: 'aarhus-borgerbot', subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
      return (await postGraphQL<Context>(stack.gatewayUrl, context, { token: chatbot, headers })).body.data!.citizenContext.openCases;
    };

    it("explains where thomas's cash benefit case stands in Danish", async () => {
      expect(await openCases()).toContainEqual({ title: 'Kontanthjælp', status: 'DECIDED', statusText: 'Afgjort' });
    });

    it('explains it in English, the source title rendered by the glossary', async () => {
      expect(await openCases({ 'accept-language': 'en' })).toContainEqual({ title: 'Cash benefit', status: 'DECIDED', statusText: 'Decided' });
    });
  });

  describe('a refused area', () => {
    const payments = async (headers: Record<string, string> = {}) => {
      const lawyer = await mintToken({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
      const response = await postGraphQL(stack.gatewayUrl, '{ me { payments { id } } }', { token: lawyer, headers });
      return response.body.errors![0];
    };

    it('is explained in Danish, its code unchanged', async () => {
      expect(await payments()).toMatchObject({ message: 'Du har ikke adgang til dette område.', extensions: { code: 'FORBIDDEN_AREA', area: 'payments' } });
    });

    it('is explained in English', async () => {
      expect(await payments({ 'accept-language': 'en' })).toMatchObject({ message: 'You have no access to this area.', extensions: { code: 'FORBIDDEN_AREA' } });
    });
  });

  it('explains a refused token in the language asked for, before any caller is known', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ me { id } }', { token: 'forged.token.value', headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-language')).toBe('en');
    expect(response.body.errors![0]).toMatchObject({ message: 'The access token is malformed.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('explains a request refused before GraphQL reads it in the language asked for', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'da' },
      body: JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(70_000)}` }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0].message).toBe('Forespørgslens indhold er for stort.');
  });
});
