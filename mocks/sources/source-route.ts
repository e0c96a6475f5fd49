import { http, HttpResponse, type JsonBodyType, type RequestHandler } from 'msw';
import type { z } from 'zod';
import type { CallRecorder } from '../indexes/call-recorder';
import type { Faults } from '../indexes/faults';

/** One source system's search endpoint, as its simulator answers it. */
export interface SourceRoute<B> {
  /** The IT system, as configured in config/appointment-sources.json. */
  system: string;
  /** Its configured path. */
  path: string;
  /** The request body the system expects (it carries the CPR number). */
  body: z.ZodType<B>;
  cprOf(body: B): string;
  /** The system's refusal of a body it cannot read, in its own words: never the body itself. */
  refusal: JsonBodyType;
  /** The citizen's items in the system's shape, with one unreadable item among them when `garbage`. */
  answer(cpr: string, garbage: boolean): Response;
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/**
 * A source system's search (POST, CPR in the body). Every call is recorded as an appointments
 * search (tests assert exact upstream costs), then any fault for the system (or for the
 * appointments index) applies; a body the system cannot read is refused with 400, unechoed.
 */
export function sourceHandler<B>(baseUrl: string, recorder: CallRecorder, faults: Faults | undefined, route: SourceRoute<B>): RequestHandler {
  return http.post(`${baseUrl}${route.path}`, async ({ request }) => {
    recorder.record('appointments', 'search');
    const fault = await faults?.apply('appointments', route.system);
    if (fault) return fault;
    const body = route.body.safeParse(await readJson(request));
    if (!body.success) return HttpResponse.json(route.refusal, { status: 400 });
    return route.answer(route.cprOf(body.data), faults?.garbage('appointments', route.system) ?? false);
  });
}

/** The items with `bad` put among them (second, or alone when there are none). */
export function withGarbage<T>(items: readonly T[], bad: T, garbage: boolean): T[] {
  if (!garbage) return [...items];
  const at = Math.min(1, items.length);
  return [...items.slice(0, at), bad, ...items.slice(at)];
}
