import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SubgraphName } from '../lib/config';
import type { RunningService } from '../lib/http-server';
import { internalContextHeader } from '../lib/internal-context';
import { benchCprHeader, citizenIdOf, sealContext } from './citizen-context';
import { overviewQuery } from './operations';

/**
 * The floor: a hand-written client that calls the subgraphs directly in the fewest sequential
 * rounds an operation needs, with no parsing, validation or query planning. It computes the
 * citizen's id itself, so round one asks every subgraph for its area at once (the gateway first
 * has to ask for `me`), and round two resolves each area's references as soon as that area is in.
 */
type Row = Record<string, unknown>;
type SubgraphUrls = Record<SubgraphName, string>;

/** One `_entities` call for a list of references of one type, sealed for that subgraph as the gateway does; any error fails the request. */
async function entities(urls: SubgraphUrls, subgraph: SubgraphName, cpr: string, typename: string, ids: string[], selection: string): Promise<(Row | null)[]> {
  const url = urls[subgraph];
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [internalContextHeader]: await sealContext(cpr, subgraph) },
    body: JSON.stringify({
      query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`,
      variables: { representations: ids.map((id) => ({ __typename: typename, id })) },
    }),
  });
  const body = (await response.json()) as { data?: { _entities: (Row | null)[] } | null; errors?: unknown[] };
  if (!response.ok || body.errors || !body.data) throw new Error(`${typename} from ${url}: HTTP ${response.status}`);
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
async function overviewFloor(urls: SubgraphUrls, cpr: string): Promise<unknown> {
  const id = citizenIdOf(cpr);
  const area = async (name: SubgraphName, selection: string) => {
    const [citizen] = await entities(urls, name, cpr, 'Citizen', [id], `${name} { ${selection} }`);
    return (citizen?.[name] ?? null) as Row[] | null;
  };
  const [cases, benefits, payments, appointments, proxies] = await Promise.all([
    area('cases', 'id title progress'),
    area('benefits', 'id name case { id }').then((rows) =>
      resolveReferences(rows, 'case', (ids) => entities(urls, 'cases', cpr, 'Case', ids, 'id title')),
    ),
    area('payments', 'id amount { amount currency } paymentDate benefit { id }').then((rows) =>
      resolveReferences(rows, 'benefit', (ids) => entities(urls, 'benefits', cpr, 'Benefit', ids, 'id name')),
    ),
    area('appointments', 'id title startsAt contact { office }'),
    area('proxies', 'id holder { name } cards'),
  ]);
  return { me: { id, cases, benefits, payments, appointments, proxies } };
}

/** A hand-written plan per operation text; a scenario whose operation has none gets no floor. */
const floorPlans = new Map<string, (urls: SubgraphUrls, cpr: string) => Promise<unknown>>([[overviewQuery, overviewFloor]]);

export const hasFloorPlan = (query: string): boolean => floorPlans.has(query);

async function readJson(request: IncomingMessage): Promise<{ query?: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query?: string };
}

/**
 * The floor behind a bare HTTP handler, so the load generator drives it exactly as it drives the
 * gateways (the same local hop in front of it): the citizen comes in `x-bench-cpr`.
 */
export async function startFloorServer(urls: SubgraphUrls): Promise<RunningService> {
  const server = createServer((request, response) => {
    const answer = async () => {
      const plan = floorPlans.get((await readJson(request)).query ?? '');
      const cpr = request.headers[benchCprHeader];
      if (!plan || typeof cpr !== 'string') throw new Error('no floor plan for this operation, or no citizen');
      return { data: await plan(urls, cpr) };
    };
    answer().then(
      (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      (error: unknown) =>
        response.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: (error as Error).message }] })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
