import { http, HttpResponse, type RequestHandler } from 'msw';
import { z } from 'zod';
import { batchLookupSchema, citizenSearchSchema } from '../../lib/index-wire';
import { personIndex } from '../../lib/person.contract';
import { benefitsIndex } from '../../subgraphs/benefits/upstream.contract';
import { casesIndex } from '../../subgraphs/cases/upstream.contract';
import { paymentsIndex } from '../../subgraphs/payments/upstream.contract';
import {
  createRequestSchema,
  holderAnswerSchema,
  holderSearchSchema,
  proxiesIndex,
  revokeRequestSchema,
  type CreateRequest,
  type WireProxy,
} from '../../subgraphs/proxies/upstream.contract';
import { proxy as registeredProxy, registerProxy, type Dataset, type IndexLookup } from '../fixtures/dataset';
import { createSourceHandlers } from '../sources';
import type { CallKind, CallRecorder, IndexName } from './call-recorder';
import type { Faults } from './faults';

/** How one index answers: its paths, the list's name in the answer, and its records by citizen and by id. */
interface IndexTable {
  name: IndexName;
  search?: string;
  batch: string;
  listKey: string;
  lookup: IndexLookup<object>;
}

function tables({ lookup }: Dataset): IndexTable[] {
  return [
    { ...casesIndex, listKey: 'sager', lookup: lookup.cases },
    { ...benefitsIndex, listKey: 'ydelser', lookup: lookup.benefits },
    { ...paymentsIndex, listKey: 'betalinger', lookup: lookup.payments },
    // Digital Fuldmagt's search finds the proxies where the citizen is the one represented.
    { ...proxiesIndex, listKey: 'fuldmagter', lookup: lookup.proxies },
    // The CPR register is looked up by CPR number only, so its "ids" are CPR numbers.
    { ...personIndex, listKey: 'personer', lookup: lookup.persons },
  ];
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

interface Route<T> {
  index: IndexName;
  kind: CallKind;
  path: string;
  body: z.ZodType<T>;
  answer(body: T): Response;
}

/**
 * One POST endpoint of an index. Every call reaching it is recorded first (tests assert exact
 * upstream costs); then any injected fault; then a body it cannot read is refused without
 * being echoed, since it may carry a CPR number.
 */
function post<T>(baseUrl: string, recorder: CallRecorder, faults: Faults | undefined, route: Route<T>): RequestHandler {
  return http.post(`${baseUrl}${route.path}`, async ({ request }) => {
    recorder.record(route.index, route.kind);
    const fault = await faults?.apply(route.index);
    if (fault) return fault;
    const body = route.body.safeParse(await readJson(request));
    if (!body.success) return HttpResponse.json({ fejl: 'Ugyldig forespørgsel' }, { status: 400 });
    return route.answer(body.data);
  });
}

/** Controls of the simulator itself, not of any index, for tests and people trying the stack. */
export const simulatorControls = {
  /** Closes the case in the body, `{ sagId }`, as its authority would: a proxy bound to it then ends. */
  closeCase: '/simulator/v1/sager/afslut',
} as const;

const closeCaseSchema = z.object({ sagId: z.string().min(1) });

/**
 * msw handlers for every simulated index: a search by the citizen's CPR (in the body) and a batch
 * look-up by ids (unknown ids are left out), the appointment source systems each in its own
 * format (mocks/sources), Digital Fuldmagt's search by holder and its write API (grant, the
 * holder's acceptance or refusal, revocation), and the simulator's
 * controls. The same handlers serve tests in-process (`setupServer`) and the
 * HTTP simulator. `baseUrl` '*' matches any origin.
 */
export function createIndexHandlers(dataset: Dataset, recorder: CallRecorder, baseUrl = '*', faults?: Faults): RequestHandler[] {
  const route = <T>(definition: Route<T>) => post(baseUrl, recorder, faults, definition);
  const indexRoutes = tables(dataset).flatMap(({ name, search, batch, listKey, lookup }) => [
    route({
      index: name,
      kind: 'batch',
      path: batch,
      body: batchLookupSchema,
      answer: ({ ider }) => HttpResponse.json({ [listKey]: ider.flatMap((id) => lookup.byId.get(id) ?? []) }),
    }),
    ...(search
      ? [
          route({
            index: name,
            kind: 'search',
            path: search,
            body: citizenSearchSchema,
            answer: ({ cpr }) => HttpResponse.json({ [listKey]: lookup.byCpr.get(cpr) ?? [] }),
          }),
        ]
      : []),
  ]);

  const revoke = route({
    index: 'proxies',
    kind: 'change',
    path: proxiesIndex.revoke,
    body: revokeRequestSchema,
    answer: ({ fuldmagtId, cpr }) => {
      const proxy = dataset.lookup.proxies.byId.get(fuldmagtId);
      // Only the principal may revoke; like a batch look-up, another's or an unknown proxy is simply not in the answer.
      if (proxy?.fuldmagtsgiver.cpr !== cpr) return HttpResponse.json({ fuldmagter: [] });
      proxy.tilbagekaldt ??= new Date().toISOString();
      proxy.gyldigTil ??= proxy.tilbagekaldt.slice(0, 10);
      return HttpResponse.json({ fuldmagter: [proxy] });
    },
  });

  // Digital Fuldmagt's write API: a grant is registered pending, and only its holder answers it.
  const grantsByKey = new Map<string, { content: string; fuldmagtId: string }>();
  let serial = 1000;
  const newProxyId = () => {
    do serial += 1;
    while (dataset.lookup.proxies.byId.has(`FM-${serial}`));
    return `FM-${serial}`;
  };
  /** What a grant says, to tell a retry (same key, same content) from a key used again for another. */
  const contentOf = (body: CreateRequest) => JSON.stringify([body.haver.type, body.haver.id, [...body.kort].sort(), body.gyldigFra, body.gyldigTil, body.sagId]);
  const create = route({
    index: 'proxies',
    kind: 'change',
    path: proxiesIndex.create,
    body: createRequestSchema,
    answer: (body) => {
      // Nobody holds a power of attorney for themself.
      if (body.haver.id === body.cpr) return HttpResponse.json({ fejl: 'Ugyldig forespørgsel' }, { status: 400 });
      const key = body.idempotensnoegle === null ? null : `${body.cpr}:${body.idempotensnoegle}`;
      const earlier = key === null ? undefined : grantsByKey.get(key);
      if (earlier) {
        if (earlier.content !== contentOf(body)) return HttpResponse.json({ fuldmagter: [], fejlkode: 'NOEGLE_GENBRUGT' });
        return HttpResponse.json({ fuldmagter: [dataset.lookup.proxies.byId.get(earlier.fuldmagtId)!] });
      }
      const record = registeredProxy({
        fuldmagtId: newProxyId(),
        fuldmagtsgiver: { cpr: body.cpr },
        fuldmagtshaver: body.haver,
        type: 'FULDMAGT',
        kort: [...new Set(body.kort)],
        gyldigFra: body.gyldigFra,
        gyldigTil: body.gyldigTil,
        sagId: body.sagId,
        accepteret: null,
      });
      registerProxy(dataset, record);
      if (key !== null) grantsByKey.set(key, { content: contentOf(body), fuldmagtId: record.fuldmagtId });
      return HttpResponse.json({ fuldmagter: [record] });
    },
  });

  /** The holder's answer to a pending proxy; another's or an unknown proxy is not in the answer, one already answered comes back as it is. */
  const answerAs = (path: string, field: 'accepteret' | 'afvist') =>
    route({
      index: 'proxies',
      kind: 'change',
      path,
      body: holderAnswerSchema,
      answer: ({ fuldmagtId, haverId }) => {
        const record: WireProxy | undefined = dataset.lookup.proxies.byId.get(fuldmagtId);
        if (record?.fuldmagtshaver.id !== haverId) return HttpResponse.json({ fuldmagter: [] });
        if (record.accepteret === null && record.afvist === null && record.tilbagekaldt === null) record[field] = new Date().toISOString();
        return HttpResponse.json({ fuldmagter: [record] });
      },
    });
  const accept = answerAs(proxiesIndex.accept, 'accepteret');
  const decline = answerAs(proxiesIndex.decline, 'afvist');

  const searchByHolder = route({
    index: 'proxies',
    kind: 'search',
    path: proxiesIndex.searchByHolder,
    body: holderSearchSchema,
    answer: ({ haverId }) => HttpResponse.json({ fuldmagter: dataset.proxies.filter((proxy) => proxy.fuldmagtshaver.id === haverId) }),
  });

  // Not an index call: neither recorded (tests assert exact index costs) nor subject to faults.
  const closeCase = http.post(`${baseUrl}${simulatorControls.closeCase}`, async ({ request }) => {
    const body = closeCaseSchema.safeParse(await readJson(request));
    if (!body.success) return HttpResponse.json({ fejl: 'Ugyldig forespørgsel' }, { status: 400 });
    const record = dataset.lookup.cases.byId.get(body.data.sagId);
    if (!record) return HttpResponse.json({ fejl: 'Ukendt sag' }, { status: 404 });
    record.fremdrift = 'Afsluttet';
    record.afsluttet = new Date().toISOString().slice(0, 10);
    return HttpResponse.json({ sager: [record] });
  });

  return [...indexRoutes, ...createSourceHandlers(dataset, recorder, baseUrl, faults), searchByHolder, revoke, create, accept, decline, closeCase];
}
