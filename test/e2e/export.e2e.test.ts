import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Client } from 'pg';
import { citizenId } from '../../lib/pseudonym';
import { clients, personas } from '../../mocks/fixtures/personas';
import { mintToken } from '../../mocks/identity/dev-issuer';
import { postGraphQL } from '../support/graphql-client';
import { tokenFor } from '../support/personas';
import { startStack, type Stack } from '../support/stack';

interface ExportFile {
  area: string | null;
  items: number;
  url: string;
}
interface Export {
  id: string;
  format: 'JSON' | 'CSV';
  status: string;
  createdAt: string;
  expiresAt: string | null;
  url: string | null;
  files: ExportFile[];
  failure: string | null;
}
interface ExportItem {
  area: string;
  id: string;
  sourceSystem: string;
  sourceSystemName: string;
  dataOwner: { code: string; name: string };
  retrievedAt: string;
  record: Record<string, unknown>;
}
interface ExportDocument {
  citizenId: string;
  itemCount: number;
  areas: { area: string; itemCount: number; items: ExportItem[] }[];
}

const exportFields = 'id format status createdAt expiresAt url files { area items url } failure';
const requestExport = `mutation ($format: ExportFormat!) { requestExport(format: $format) { ${exportFields} } }`;
const listExports = `{ me { exports { ${exportFields} } } }`;
const everything = '{ me { cases(first: 500) { id } benefits(first: 500) { id } payments(first: 500) { id } appointments(first: 500) { id } deadlines(first: 500) { id } proxies(first: 500) { id } } }';
const areaNames = ['cases', 'benefits', 'payments', 'appointments', 'deadlines', 'proxies'] as const;

describe('exporting one\'s own data', () => {
  let stack: Stack;
  let db: Client;
  let dir: string;
  let thomas: string;
  let ready: Export;
  const thomasId = () => citizenId(personas.thomas.cpr, Buffer.from(stack.keys.pseudonym, 'base64url'));

  const until = async (token: string, id: string): Promise<Export> => {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const listed = await postGraphQL<{ me: { exports: Export[] } }>(stack.gatewayUrl, listExports, { token });
      expect(listed.body.errors).toBeUndefined();
      const found = listed.body.data!.me.exports.find((each) => each.id === id)!;
      if (found.status !== 'QUEUED' && found.status !== 'RUNNING') return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('export not finished in 30 s');
  };
  const download = (url: string, token?: string) => fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-e2e-'));
    stack = await startStack({ env: { EXPORT_DIR: dir } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    thomas = await tokenFor(stack, 'thomas');
    const requested = await postGraphQL<{ requestExport: Export }>(stack.gatewayUrl, requestExport, { token: thomas, variables: { format: 'JSON' } });
    expect(requested.body.errors).toBeUndefined();
    expect(requested.body.data!.requestExport).toMatchObject({ format: 'JSON', url: null, files: [] });
    expect(['QUEUED', 'RUNNING']).toContain(requested.body.data!.requestExport.status);
    ready = await until(thomas, requested.body.data!.requestExport.id);
  });

  afterAll(async () => {
    await db.end();
    await stack.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('becomes READY with a download link that holds no CPR number, for 24 hours', () => {
    expect(ready.status).toBe('READY');
    expect(ready.url).toBe(`${new URL(stack.gatewayUrl).origin}/exports/${ready.id}.json`);
    for (const persona of Object.values(personas)) expect(ready.url).not.toContain(persona.cpr);
    const hours = (Date.parse(ready.expiresAt!) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
  });

  it('serves thomas a document valid against the published schema, with every item he sees and its provenance', async () => {
    const response = await download(ready.url!, thomas);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const document = (await response.json()) as ExportDocument;

    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile('docs/export.schema.json', 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(validate(document)).toBe(true);

    expect(document.citizenId).toBe(thomasId());
    const seen = await postGraphQL<{ me: Record<string, { id: string }[]> }>(stack.gatewayUrl, everything, { token: thomas });
    expect(seen.body.errors).toBeUndefined();
    let total = 0;
    for (const name of areaNames) {
      const area = document.areas.find((each) => each.area === name)!;
      const expected = seen.body.data!.me[name].map((item) => item.id);
      expect(area.items.map((item) => item.id)).toEqual(expected);
      expect(area.itemCount).toBe(expected.length);
      total += expected.length;
      for (const item of area.items) {
        expect(item.sourceSystem).not.toBe('');
        expect(item.dataOwner.name).not.toBe('');
        expect(Number.isNaN(Date.parse(item.retrievedAt))).toBe(false);
      }
    }
    expect(total).toBeGreaterThan(5);
    expect(document.itemCount).toBe(total);
    const cases = document.areas.find((each) => each.area === 'cases')!.items;
    expect(cases[0]).toMatchObject({ sourceSystem: 'SF1470', dataOwner: { code: expect.any(String) } });
    // An appointment names the IT system it came from, as the graph does.
    const appointment = document.areas.find((each) => each.area === 'appointments')!.items[0];
    expect(appointment.sourceSystem).toBe(appointment.record.sourceSystem);
    // No CPR number anywhere in it.
    const text = JSON.stringify(document);
    for (const persona of Object.values(personas)) expect(text).not.toContain(persona.cpr);
  });

  it('records the export as one disclosure listing the areas, not one per page', async () => {
    const rows = (
      await db.query<{ operation: string; subject_id: string; areas: string[]; entity_ids: string[]; purpose: string | null; outcome: string }>(
        "SELECT operation, subject_id, areas, entity_ids, purpose, outcome FROM audit_events WHERE operation = 'DataExport'",
      )
    ).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject_id: thomasId(), purpose: 'data-export', outcome: 'disclosed' });
    expect(rows[0].areas).toEqual(expect.arrayContaining(['appointments', 'benefits', 'cases', 'payments', 'proxies']));
    expect(rows[0].entity_ids.length).toBeGreaterThan(5);
    // Thomas sees it in his access log.
    const log = await postGraphQL<{ me: { accessLog: { entries: { purpose: string | null; areas: string[] }[] } } }>(
      stack.gatewayUrl,
      '{ me { accessLog(first: 50) { entries { purpose areas } } } }',
      { token: thomas },
    );
    expect(log.body.data!.me.accessLog.entries.filter((entry) => entry.purpose === 'data-export')).toHaveLength(1);
  });

  it('answers 404 to another citizen and 401 without a token', async () => {
    const karen = await tokenFor(stack, 'karen');
    expect((await download(ready.url!, karen)).status).toBe(404);
    const anonymous = await download(ready.url!);
    expect(anonymous.status).toBe(401);
    // A proxy holder acting for thomas reads his data, never his export.
    const lawyer = await mintToken({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
    expect((await download(ready.url!, lawyer)).status).toBe(404);
    expect((await download(`${new URL(stack.gatewayUrl).origin}/exports/00000000-0000-4000-8000-000000000000.json`, thomas)).status).toBe(404);
  });

  it('refuses a proxy and a chatbot acting for thomas', async () => {
    const lawyer = await mintToken({ kind: 'proxy', holderCpr: personas.lawyer.cpr, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
    const byProxy = await postGraphQL(stack.gatewayUrl, requestExport, { token: lawyer, variables: { format: 'JSON' } });
    expect(byProxy.body.data ?? null).toBeNull();
    expect(byProxy.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const chatbot = await mintToken({ kind: 'chatbot', clientId: clients.chatbot.clientId, subjectCpr: personas.thomas.cpr }, { issuer: stack.issuer.url });
    const byChatbot = await postGraphQL(stack.gatewayUrl, requestExport, { token: chatbot, variables: { format: 'JSON' } });
    expect(byChatbot.body.data ?? null).toBeNull();
    expect(byChatbot.body.errors?.length).toBeGreaterThan(0);
  });

  it('writes one CSV per area with provenance columns', async () => {
    const requested = await postGraphQL<{ requestExport: Export }>(stack.gatewayUrl, requestExport, { token: thomas, variables: { format: 'CSV' } });
    expect(requested.body.errors).toBeUndefined();
    // One at a time.
    const second = await postGraphQL(stack.gatewayUrl, requestExport, { token: thomas, variables: { format: 'CSV' } });
    expect(second.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const csv = await until(thomas, requested.body.data!.requestExport.id);
    expect(csv.status).toBe('READY');
    expect(csv.url).toBeNull();
    expect(csv.files.map((file) => file.area)).toEqual([...areaNames]);
    const cases = csv.files.find((file) => file.area === 'cases')!;
    expect(cases.url).toBe(`${new URL(stack.gatewayUrl).origin}/exports/${csv.id}/cases.csv`);
    const response = await download(cases.url, thomas);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0].startsWith('sourceSystem,sourceSystemName,dataOwnerCode,dataOwnerName,retrievedAt,stale,id,title')).toBe(true);
    expect(lines).toHaveLength(cases.items + 1);
    expect(lines[1].startsWith('SF1470,Sags- og Dokumentindeks,')).toBe(true);
    expect((await download(cases.url, await tokenFor(stack, 'karen'))).status).toBe(404);
  });

  it('pages a list after its last id, as the export reads it', async () => {
    const all = await postGraphQL<{ me: { cases: { id: string }[] } }>(stack.gatewayUrl, '{ me { cases(first: 500) { id } } }', { token: thomas });
    const ids = all.body.data!.me.cases.map((each) => each.id);
    expect(ids.length).toBeGreaterThan(2);
    const next = await postGraphQL<{ me: { cases: { id: string }[] } }>(stack.gatewayUrl, 'query ($after: ID) { me { cases(first: 1, after: $after) { id } } }', {
      token: thomas,
      variables: { after: ids[0] },
    });
    expect(next.body.data!.me.cases.map((each) => each.id)).toEqual([ids[1]]);
    const unknown = await postGraphQL(stack.gatewayUrl, '{ me { cases(first: 1, after: "SAG-NOPE") { id } } }', { token: thomas });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers 404 once the export has expired, and lists it EXPIRED', async () => {
    // As if 24 hours had passed: the export's description says when it expires, and is read on every request.
    const metaPath = join(dir, thomasId(), `${ready.id}.meta.json`);
    const meta = JSON.parse(await readFile(metaPath, 'utf8')) as { expiresAt: string };
    await writeFile(metaPath, JSON.stringify({ ...meta, expiresAt: new Date(Date.now() - 1000).toISOString() }));
    expect((await download(ready.url!, thomas)).status).toBe(404);
    expect(await until(thomas, ready.id)).toMatchObject({ status: 'EXPIRED', url: null, files: [] });
  });
});
