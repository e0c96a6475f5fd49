import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { serveOnLoopback } from './loopback-service';
import { Agent, request } from 'undici';
import { auditEvents } from '../gateway/audit/audit-plugin';
import { migrate } from '../gateway/audit/migrate';
import { connect } from '../gateway/audit/sql';
import { AuditStore } from '../gateway/audit/store';
import { AuditWriter } from '../gateway/audit/writer';
import type { SubgraphName } from '../lib/config';
import { Disclosures, disclosuresExtension, readDisclosureReport } from '../lib/disclosures';
import type { RunningService } from '../lib/http-server';
import { internalContextHeader } from '../lib/internal-context';
import { benchCprHeader, citizenIdOf, sealContext } from './citizen-context';
import { overviewQuery } from './operations';

/**
 * The floor: a hand-written client that calls the subgraphs directly in the fewest sequential
 * rounds an operation needs, with no parsing, validation or query planning. It computes the
 * citizen's id itself, so round one asks every subgraph for its area at once (the gateway first
 * has to ask for `me`), and round two resolves each area's references as soon as that area is in.
 * It calls the subgraphs with our gateway's HTTP client (undici's `request` on a keep-alive Agent,
 * gateway/engine.ts), so the two differ in what they do, not in how they fetch.
 */
type Row = Record<string, unknown>;
type SubgraphUrls = Record<SubgraphName, string>;
interface Subgraphs {
  urls: SubgraphUrls;
  agent: Agent;
}

/** What one request of the floor gathers: whose records the subgraphs' answers held, when it records them. */
interface FloorRequest {
  cpr: string;
  disclosures?: Disclosures;
}

/** One `_entities` call for a list of references of one type, sealed for that subgraph as the gateway does; any error fails the request. */
async function entities({ urls, agent }: Subgraphs, subgraph: SubgraphName, { cpr, disclosures }: FloorRequest, typename: string, ids: string[], selection: string): Promise<(Row | null)[]> {
  const url = urls[subgraph];
  const response = await request(url, {
    dispatcher: agent,
    method: 'POST',
    headers: { 'content-type': 'application/json', [internalContextHeader]: await sealContext(cpr, subgraph) },
    body: JSON.stringify({
      query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`,
      variables: { representations: ids.map((id) => ({ __typename: typename, id })) },
    }),
  });
  const body = (await response.body.json()) as {
    data?: { _entities: (Row | null)[] } | null;
    errors?: { extensions?: { code?: unknown } }[];
    extensions?: Record<string, unknown>;
  };
  if (response.statusCode !== 200 || body.errors || !body.data) {
    throw new Error(`${typename} from ${subgraph}: HTTP ${response.statusCode} ${body.errors?.map((error) => error.extensions?.code).join(', ') ?? ''}`);
  }
  if (disclosures) {
    // As the gateway: an answer that does not say whose records it holds is not passed on.
    const report = readDisclosureReport(body.extensions?.[disclosuresExtension]);
    if (!report) throw new Error(`${typename} from ${subgraph}: no disclosures reported`);
    disclosures.addReport(report);
  }
  return body.data._entities;
}

/** Round two for one area: each row's reference stub (`{ id }`) becomes the resolved entity. */
async function resolveReferences(
  rows: Row[] | null,
  field: string,
  fetchEntities: (ids: string[]) => Promise<(Row | null)[]>,
): Promise<Row[] | null> {
  const idOf = (row: Row) => (row[field] as { id: string } | null)?.id;
  const ids = [...new Set((rows ?? []).flatMap((row) => idOf(row) ?? []))];
  if (!rows || ids.length === 0) return rows;
  const found = await fetchEntities(ids);
  const byId = new Map(ids.map((id, position) => [id, found[position]]));
  return rows.map((row) => ({ ...row, [field]: byId.get(idOf(row) ?? '') ?? null }));
}

/** The overview in two rounds, answered in the gateway's shape so the two can be compared. */
async function overviewFloor(subgraphs: Subgraphs, request: FloorRequest): Promise<unknown> {
  const id = citizenIdOf(request.cpr);
  const area = async (name: SubgraphName, selection: string) => {
    const [citizen] = await entities(subgraphs, name, request, 'Citizen', [id], `${name} { ${selection} }`);
    return (citizen?.[name] ?? null) as Row[] | null;
  };
  const [cases, benefits, payments, appointments, proxies] = await Promise.all([
    area('cases', 'id title progress'),
    area('benefits', 'id name case { id }').then((rows) =>
      resolveReferences(rows, 'case', (ids) => entities(subgraphs, 'cases', request, 'Case', ids, 'id title')),
    ),
    area('payments', 'id amount { amount currency } paymentDate benefit { id }').then((rows) =>
      resolveReferences(rows, 'benefit', (ids) => entities(subgraphs, 'benefits', request, 'Benefit', ids, 'id name')),
    ),
    area('appointments', 'id title startsAt contact { office }'),
    area('proxies', 'id holder { name } cards'),
  ]);
  return { me: { id, cases, benefits, payments, appointments, proxies } };
}

/** A hand-written plan per operation text; a scenario whose operation has none gets no floor. */
const floorPlans = new Map<string, (subgraphs: Subgraphs, request: FloorRequest) => Promise<unknown>>([[overviewQuery, overviewFloor]]);

export const hasFloorPlan = (query: string): boolean => floorPlans.has(query);

export interface Floor {
  /** The operation's `data` for the citizen, by its hand-written plan. */
  answer(query: string, cpr: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Records each answer's disclosures as our gateway does, and answers only once they are stored. */
interface Recorder {
  record(cpr: string, disclosures: Disclosures): Promise<void>;
  close(): Promise<void>;
}

/**
 * The least a gateway that records must do beside answering: one event per citizen whose records
 * the answer holds, built and written by the gateway's own code (`auditEvents`, the batching writer,
 * the one-statement append) into the bench's audit database, awaited before the answer leaves.
 */
async function auditRecorder(databaseUrl: string | undefined): Promise<Recorder> {
  const db = await connect(databaseUrl);
  await migrate(db);
  const writer = new AuditWriter(new AuditStore(db));
  return {
    async record(cpr, disclosures) {
      const subjectId = citizenIdOf(cpr);
      const by = { requestId: randomUUID(), callerKind: 'citizen', actorId: subjectId, operation: null };
      await Promise.all(auditEvents(by, subjectId, disclosures.perCitizen(), []).map((event) => writer.write(event)));
    },
    close: () => db.close(),
  };
}

/** The floor's plans over these subgraphs, on one pool of kept-alive connections; recording when given a recorder. */
export function createFloor(urls: SubgraphUrls, recorder?: Recorder): Floor {
  const subgraphs = { urls, agent: new Agent() };
  return {
    async answer(query, cpr) {
      const plan = floorPlans.get(query);
      if (!plan) throw new Error('no floor plan for this operation');
      const request: FloorRequest = { cpr, disclosures: recorder ? new Disclosures() : undefined };
      const data = await plan(subgraphs, request);
      if (recorder && request.disclosures) await recorder.record(cpr, request.disclosures);
      return data;
    },
    async close() {
      await subgraphs.agent.close();
      await recorder?.close();
    },
  };
}

async function readJson(request: IncomingMessage): Promise<{ query?: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query?: string };
}

/**
 * The floor behind a bare HTTP handler, so the load generator drives it exactly as it drives the
 * gateways (the same local hop in front of it): the citizen comes in `x-bench-cpr`. Recording, it
 * stores each answer's disclosures in the audit database our gateway uses before answering.
 */
export async function startFloorServer(urls: SubgraphUrls, recording?: { databaseUrl: string | undefined }): Promise<RunningService> {
  const floor = createFloor(urls, recording ? await auditRecorder(recording.databaseUrl) : undefined);
  const server = createServer((incoming, response) => {
    const answer = async () => {
      const { query } = await readJson(incoming);
      const cpr = incoming.headers[benchCprHeader];
      if (typeof cpr !== 'string') throw new Error('no citizen');
      return { data: await floor.answer(query ?? '', cpr) };
    };
    answer().then(
      (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      (error: unknown) =>
        response.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: (error as Error).message }] })),
    );
  });
  return serveOnLoopback(server, () => floor.close());
}
