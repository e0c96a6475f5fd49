import { http, HttpResponse, type RequestHandler } from 'msw';
import { batchLookupSchema, citizenSearchSchema } from '../../lib/index-wire';
import { personIndex } from '../../lib/person.contract';
import { appointmentsIndex } from '../../subgraphs/appointments/upstream.contract';
import { benefitsIndex } from '../../subgraphs/benefits/upstream.contract';
import { casesIndex } from '../../subgraphs/cases/upstream.contract';
import { paymentsIndex } from '../../subgraphs/payments/upstream.contract';
import { proxiesIndex, revokeRequestSchema } from '../../subgraphs/proxies/upstream.contract';
import type { Dataset } from '../fixtures/dataset';
import type { CallKind, CallRecorder, IndexName } from './call-recorder';
import type { Faults } from './faults';

/** How one index answers: its paths, the list's name in the body, and its records' owner and id. */
interface IndexTable {
  name: IndexName;
  search?: string;
  batch: string;
  listKey: string;
  records: object[];
  ownerOf(record: never): string;
  idOf(record: never): string;
}

function tables(dataset: Dataset): IndexTable[] {
  return [
    { ...casesIndex, listKey: 'sager', records: dataset.cases, ownerOf: (r: Dataset['cases'][number]) => r.primaerPart.cpr, idOf: (r: Dataset['cases'][number]) => r.sagId },
    { ...benefitsIndex, listKey: 'ydelser', records: dataset.benefits, ownerOf: (r: Dataset['benefits'][number]) => r.modtager.cpr, idOf: (r: Dataset['benefits'][number]) => r.ydelseId },
    { ...paymentsIndex, listKey: 'betalinger', records: dataset.payments, ownerOf: (r: Dataset['payments'][number]) => r.modtager.cpr, idOf: (r: Dataset['payments'][number]) => r.betalingId },
    { ...appointmentsIndex, listKey: 'aftaler', records: dataset.appointments, ownerOf: (r: Dataset['appointments'][number]) => r.borger.cpr, idOf: (r: Dataset['appointments'][number]) => r.aftaleId },
    { ...proxiesIndex, listKey: 'fuldmagter', records: dataset.proxies, ownerOf: (r: Dataset['proxies'][number]) => r.fuldmagtsgiver.cpr, idOf: (r: Dataset['proxies'][number]) => r.fuldmagtId },
    { ...personIndex, listKey: 'personer', records: dataset.persons, ownerOf: (r: Dataset['persons'][number]) => r.cpr, idOf: (r: Dataset['persons'][number]) => r.cpr },
  ];
}

function groupBy(records: object[], keyOf: (record: never) => string): Map<string, object[]> {
  const groups = new Map<string, object[]>();
  for (const record of records) {
    const key = keyOf(record as never);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  return groups;
}

/** The index refuses a body it cannot read, without echoing it (it may carry a CPR number). */
const badRequest = () => HttpResponse.json({ fejl: 'Ugyldig forespørgsel' }, { status: 400 });

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/**
 * msw handlers for every simulated index: a search by the citizen's CPR (in the body) and a batch
 * look-up by ids. The same handlers serve tests in-process (`setupServer`) and the HTTP simulator.
 */
export function createIndexHandlers(dataset: Dataset, recorder: CallRecorder, baseUrl = '*', faults?: Faults): RequestHandler[] {
  return [...searchAndBatchHandlers(dataset, recorder, baseUrl, faults), revokeHandler(dataset, recorder, baseUrl)];
}

/** Digital Fuldmagt's revocation: the proxy ends today, for its principal only. */
function revokeHandler(dataset: Dataset, recorder: CallRecorder, baseUrl: string): RequestHandler {
  return http.post(`${baseUrl}${proxiesIndex.revoke}`, async ({ request }) => {
    const body = revokeRequestSchema.safeParse(await readJson(request));
    if (!body.success) return badRequest();
    recorder.record('proxies', 'change');
    const proxy = dataset.proxies.find(
      (record) => record.fuldmagtId === body.data.fuldmagtId && record.fuldmagtsgiver.cpr === body.data.cpr,
    );
    // Like the batch look-ups, an unknown id (or another principal's) simply is not in the answer.
    if (!proxy) return HttpResponse.json({ fuldmagter: [] });
    proxy.tilbagekaldt ??= new Date().toISOString();
    proxy.gyldigTil ??= proxy.tilbagekaldt.slice(0, 10);
    return HttpResponse.json({ fuldmagter: [proxy] });
  });
}

function searchAndBatchHandlers(dataset: Dataset, recorder: CallRecorder, baseUrl: string, faults?: Faults): RequestHandler[] {
  return tables(dataset).flatMap((table) => {
    const byOwner = groupBy(table.records, table.ownerOf);
    const byId = new Map(table.records.map((record) => [table.idOf(record as never), record]));
    const answer = async (kind: CallKind, records: object[]) => {
      recorder.record(table.name, kind);
      return (await faults?.apply(table.name)) ?? HttpResponse.json({ [table.listKey]: records });
    };
    const handlers: RequestHandler[] = [
      http.post(`${baseUrl}${table.batch}`, async ({ request }) => {
        const body = batchLookupSchema.safeParse(await readJson(request));
        if (!body.success) return badRequest();
        return answer('batch', body.data.ider.flatMap((id) => byId.get(id) ?? []));
      }),
    ];
    if (table.search) {
      handlers.push(
        http.post(`${baseUrl}${table.search}`, async ({ request }) => {
          const body = citizenSearchSchema.safeParse(await readJson(request));
          if (!body.success) return badRequest();
          return answer('search', byOwner.get(body.data.cpr) ?? []);
        }),
      );
    }
    return handlers;
  });
}
