import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { say } from '../../lib/i18n/messages';
import { clients, personas } from '../../mocks/fixtures/personas';
import { mintToken, type MintOptions } from '../../mocks/identity/dev-issuer';
import { postGraphQL } from '../../test/support/graphql-client';
import { persistedDocumentsPath, persistedOperations, registeredOperations } from '../../test/support/persisted';
import { startStack, type Stack } from '../../test/support/stack';
import { operations } from './operations';
import { createChatbotToolServer, type ChatbotToolServerOptions } from './server';
import { danishAmount, danishDay, problemText } from './texts';

type Context = {
  citizenContext: {
    openCases: { title: string; status: string; statusText: string; contact: { office: string; phone: string | null; email: string | null; openingHours: string | null } }[];
    nextAppointments: { title: string; startsAt: string; place: string | null; changeLink: string | null }[];
    nextPayment: { amount: { amount: string; currency: string }; date: string | null; dateMissingReason: string | null; paidBy: string } | null;
  };
};

const manifest = { operations: registeredOperations };

describe('the chatbot tool server (MCP), against the whole stack in production mode', () => {
  let stack: Stack;
  const open: { close(): Promise<void> }[] = [];
  const chatbotToken = (cpr: string, options: MintOptions = {}) =>
    mintToken({ kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: cpr }, { issuer: stack.issuer.url, ...options });

  /** The SDK's own client, linked in memory to a tool server for one citizen session. */
  async function connect(token: string, extra: Partial<ChatbotToolServerOptions> = {}): Promise<Client> {
    const server = createChatbotToolServer({ gatewayUrl: stack.gatewayUrl, token, ...extra });
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'test-chatbot-platform', version: '0.0.0' });
    await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
    open.push(client, server);
    return client;
  }
  const call = async (client: Client, name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  const textOf = (result: CallToolResult) => result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
  /** What the gateway itself answers the chatbot, in Danish, through the registered operation. */
  const gatewayContext = async (token: string) => {
    const response = await postGraphQL<Context>(stack.gatewayUrl, manifest.operations.ChatbotCitizenContext, { token, headers: { 'accept-language': 'da' } });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.citizenContext;
  };

  beforeAll(async () => {
    // Production mode with the allow-list: the tools' operations must be registered to run at all.
    stack = await startStack({ env: { NODE_ENV: 'production', PERSISTED_OPERATIONS_PATH: persistedDocumentsPath } });
  });
  afterAll(async () => {
    for (const each of open) await each.close();
    await stack.close();
  });

  it('runs only registered operations, by their manifest id', () => {
    for (const [name, id] of Object.entries(operations)) expect(persistedOperations[name]?.id).toBe(id);
  });

  it('lists the four tools, each with a Danish description', async () => {
    const client = await connect(await chatbotToken(personas.thomas.cpr));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['aabne_sager', 'hvad_betyder_status', 'naeste_aftaler', 'naeste_udbetaling']);
    for (const tool of tools) expect(tool.description).toMatch(/[æøå]|borger/i);
  });

  it("gives thomas his open cases in Danish, as the gateway answers them, and nothing that identifies him", async () => {
    const token = await chatbotToken(personas.thomas.cpr);
    const expected = (await gatewayContext(token)).openCases;
    expect(expected.length).toBeGreaterThan(0);
    const result = await call(await connect(token), 'aabne_sager');
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({
      sager: expected.map((kase) => ({ titel: kase.title, status: kase.status, statusTekst: kase.statusText, kontakt: kase.contact })),
    });
    const text = textOf(result);
    expect(text).toMatch(/^Du har \d+ åbne? sag(er)?:/);
    for (const kase of expected) {
      expect(text).toContain(kase.title);
      expect(text).toContain(kase.statusText);
      expect(kase.statusText).toBe(say('da', `caseProgress.${kase.status}` as 'caseProgress.DECIDED'));
    }
    const everything = JSON.stringify(result);
    expect(everything).not.toContain(personas.thomas.cpr);
    expect(everything).not.toMatch(/SAG-|YD-|BET-|AFT-|cit_/);
  });

  it('sends only the citizen token it was given, asks for Danish, and runs one registered operation per tool', async () => {
    const token = await chatbotToken(personas.thomas.cpr);
    const seen: { headers: Headers; body: { operationName: string } }[] = [];
    const spy: typeof fetch = async (input, init) => {
      seen.push({ headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) });
      return fetch(input, init);
    };
    const client = await connect(token, { fetch: spy });
    await call(client, 'aabne_sager');
    await call(client, 'naeste_udbetaling');
    await call(client, 'hvad_betyder_status', { status: 'DECIDED' });
    expect(seen.map((request) => request.body.operationName)).toEqual(['ChatbotOpenCases', 'ChatbotNextPayment']);
    for (const request of seen) {
      expect(request.headers.get('authorization')).toBe(`Bearer ${token}`);
      expect(request.headers.get('accept-language')).toBe('da');
    }
  });

  it("gives thomas his next payment as the gateway knows it", async () => {
    const token = await chatbotToken(personas.thomas.cpr);
    const expected = (await gatewayContext(token)).nextPayment;
    // The fixture gives thomas a dated payout from Aarhus Kommune.
    expect(expected).not.toBeNull();
    if (!expected) return;
    const result = await call(await connect(token), 'naeste_udbetaling');
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    expect(result.structuredContent).toEqual({
      udbetaling: {
        beloeb: expected.amount.amount,
        valuta: expected.amount.currency,
        dato: expected.date,
        udenDatoFordi: expected.date ? null : expected.dateMissingReason,
        udbetaler: expected.paidBy,
      },
    });
    expect(text).toContain(danishAmount(expected.amount.amount, expected.amount.currency));
    expect(text).toBe(`Din næste udbetaling er ${danishAmount(expected.amount.amount, expected.amount.currency)} fra ${expected.paidBy} ${danishDay(expected.date!)}.`);
  });

  /** A gateway that answers with this body, to reach answers the fixture does not give. */
  const answering = (body: unknown): typeof fetch => async () =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/graphql-response+json' } });

  it('says why a payment has no date', async () => {
    const reason = say('da', 'paymentDate.financeSystemSilent');
    const client = await connect('token', {
      fetch: answering({
        data: { citizenContext: { nextPayment: { amount: { amount: '1234.5', currency: 'DKK' }, date: null, dateMissingReason: reason, dateGap: 'FINANCE_SYSTEM_SILENT', paidBy: 'Silkeborg Kommune' } } },
      }),
    });
    const result = await call(client, 'naeste_udbetaling');
    expect(textOf(result)).toBe(`Din næste udbetaling er 1.234,50 kr. fra Silkeborg Kommune. Datoen kendes ikke. ${reason}`);
  });

  it('says payments cannot be shown when their source did not answer, not that there is none', async () => {
    const client = await connect('token', {
      fetch: answering({
        data: { citizenContext: { nextPayment: null } },
        errors: [{ message: 'Udbetalinger kan ikke hentes', path: ['citizenContext', 'nextPayment'], extensions: { code: 'UPSTREAM_UNAVAILABLE', area: 'payments' } }],
      }),
    });
    const result = await call(client, 'naeste_udbetaling');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('Udbetalinger kan ikke vises lige nu. Prøv igen senere.');
  });

  it('gives thomas his next appointments in Danish time, and says deadlines are not shown', async () => {
    const token = await chatbotToken(personas.thomas.cpr);
    const expected = (await gatewayContext(token)).nextAppointments;
    const result = await call(await connect(token), 'naeste_aftaler');
    expect(result.isError).toBeFalsy();
    const aftaler = (result.structuredContent as { aftaler: { titel: string; tidspunkt: string }[] }).aftaler;
    expect(aftaler.map((aftale) => [aftale.titel, aftale.tidspunkt])).toEqual(expected.map((appointment) => [appointment.title, appointment.startsAt]));
    const text = textOf(result);
    for (const appointment of expected) expect(text).toContain(appointment.title);
    if (expected.length) expect(text).toMatch(/kl\. \d\d\.\d\d/);
    expect(text).toContain('Jeg kan ikke se dine frister');
  });

  it("gives another citizen's token that citizen's data only", async () => {
    const thomas = await gatewayContext(await chatbotToken(personas.thomas.cpr));
    const oleToken = await chatbotToken(personas.ole.cpr);
    const ole = await gatewayContext(oleToken);
    const client = await connect(oleToken);
    const cases = await call(client, 'aabne_sager');
    const payment = await call(client, 'naeste_udbetaling');
    expect((cases.structuredContent as { sager: { titel: string }[] }).sager.map((sag) => sag.titel)).toEqual(ole.openCases.map((kase) => kase.title));
    const oleTitles = new Set(ole.openCases.map((kase) => kase.title));
    for (const kase of thomas.openCases) if (!oleTitles.has(kase.title)) expect(textOf(cases)).not.toContain(kase.title);
    expect((payment.structuredContent as { udbetaling: { beloeb: string } | null }).udbetaling?.beloeb ?? null).toBe(ole.nextPayment?.amount.amount ?? null);
    // Ole has no dated payout ahead (the gateway's nextPayment gives dated payouts only).
    expect(ole.nextPayment).toBeNull();
    expect(textOf(payment)).toBe('Der er ingen kendt kommende udbetaling til dig.');
    expect(thomas.openCases.length).toBeGreaterThan(ole.openCases.length);
    const everything = JSON.stringify([cases, payment]);
    expect(everything).not.toContain(personas.ole.cpr);
    expect(everything).not.toContain(personas.thomas.cpr);
  });

  it.each([
    ['an expired token', async () => chatbotToken(personas.thomas.cpr, { expiresIn: -120 })],
    ['a token that is not valid', async () => 'not-a-jwt'],
    ['a token signed by someone else', async () => (await chatbotToken(personas.thomas.cpr)).replace(/.{8}$/, 'AAAAAAAA')],
  ])('answers %s with a tool error saying the login has expired, without a stack, a CPR or the token', async (_, mint) => {
    const token = await mint();
    const client = await connect(token);
    for (const tool of ['aabne_sager', 'naeste_aftaler', 'naeste_udbetaling']) {
      const result = await call(client, tool);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toBe(problemText.login);
      expect(textOf(result)).toMatch(/login er udløbet/);
      const everything = JSON.stringify(result);
      expect(everything).not.toMatch(/\bat .*\(|\.ts:\d+|Error:/);
      expect(everything).not.toContain(personas.thomas.cpr);
      expect(everything).not.toContain(token);
      expect(result.structuredContent).toBeUndefined();
    }
  });

  it('says the gateway cannot be reached without naming it', async () => {
    const client = await connect(await chatbotToken(personas.thomas.cpr), { gatewayUrl: 'http://127.0.0.1:9/graphql', timeoutMs: 2000 });
    const result = await call(client, 'aabne_sager');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(problemText.unavailable);
  });

  it('explains DECIDED in Danish from the graph\'s own status words, with no call to the gateway', async () => {
    let calls = 0;
    const counting: typeof fetch = async (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    const client = await connect('any-token', { fetch: counting });
    const decided = await call(client, 'hvad_betyder_status', { status: 'DECIDED' });
    expect(decided.isError).toBeFalsy();
    expect(textOf(decided)).toBe(
      'Sag med status "Afgjort" (DECIDED): Myndigheden har truffet en afgørelse i sagen, men sagen er ikke afsluttet endnu. Kontakt myndigheden, hvis du har spørgsmål til afgørelsen.',
    );
    // The word the citizen saw works too, and may mean a case or a benefit status.
    const seen = await call(client, 'hvad_betyder_status', { status: 'under behandling' });
    expect((seen.structuredContent as { betydninger: { omraade: string; status: string }[] }).betydninger.map((entry) => `${entry.omraade}:${entry.status}`)).toEqual([
      'sag:INFORMATION_GATHERED',
      'ydelse:IN_PROGRESS',
    ]);
    const granted = await call(client, 'hvad_betyder_status', { status: 'GRANTED', omraade: 'ydelse' });
    expect(textOf(granted)).toContain('Bevilget');
    const unknown = await call(client, 'hvad_betyder_status', { status: 'MAYBE' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toContain('Jeg kender ikke status "MAYBE"');
    expect(calls).toBe(0);
  });
});
