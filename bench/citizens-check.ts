import { isDeepStrictEqual } from 'node:util';
import type { Floor } from './floor-client';
import { overviewQuery } from './operations';

/** How many different citizens ask at once, before a system is measured. */
export const concurrentCitizens = 40;

type Answer = { data: unknown } | { failure: string };

/** The answer's data, or what went wrong by error code (never the body: it may name the citizen). */
async function overview(url: string, headers: Record<string, string>): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: overviewQuery }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    if (response.ok && !body.errors) return { data: body.data };
    return { failure: body.errors?.map((error) => String(error.extensions?.code)).join('+') ?? `HTTP ${response.status}` };
  } catch (error) {
    return { failure: (error as Error).name };
  }
}

const tally = (failures: string[]) =>
  Object.entries(failures.reduce<Record<string, number>>((counts, code) => ({ ...counts, [code]: (counts[code] ?? 0) + 1 }), {}))
    .map(([code, count]) => `${count}× ${code}`)
    .join(', ');

/**
 * Fresh citizens ask the system for their overview all at once, nothing of theirs cached yet; each
 * must get exactly what the floor answers for them. Batching, caching or deduplication that mixed
 * up citizens would show here, and a system doing less work than the others would not be measured.
 * The failure names the system and how many citizens were answered wrongly, never who.
 */
export async function checkConcurrentCitizens(system: string, url: string, credentials: Record<string, string>[], cprs: string[], floor: Floor): Promise<void> {
  const answers = await Promise.all(credentials.map((headers) => overview(url, headers)));
  // The reference one citizen at a time, so it does not depend on how the floor copes with forty at once.
  const expected: Answer[] = [];
  for (const cpr of cprs) expected.push(await floor.answer(overviewQuery, cpr).then((data) => ({ data }), (error: Error) => ({ failure: error.message })));
  const failures = answers.flatMap((answer) => ('failure' in answer ? [answer.failure] : []));
  const floorFailures = expected.flatMap((answer) => ('failure' in answer ? [answer.failure] : []));
  if (floorFailures.length > 0) {
    throw new Error(
      `the floor could not answer ${floorFailures.length} of ${cprs.length} citizens to check ${system} against (${tally(floorFailures)}), ` +
        `right after ${system} failed ${failures.length} of them${failures.length > 0 ? ` (${tally(failures)})` : ''}`,
    );
  }
  // Through JSON both, so objects parsed in different realms (undici's, fetch's, under jest) compare by content alone.
  const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
  const wrong = answers.filter((answer, n) => !('data' in answer) || !isDeepStrictEqual(plain(answer.data), plain((expected[n] as { data: unknown }).data))).length;
  if (wrong > 0) {
    throw new Error(
      `${system}: ${wrong} of ${cprs.length} citizens asking at once did not get the floor's answer for them ` +
        `(${failures.length} failed${failures.length > 0 ? `: ${tally(failures)}` : ''}; ${wrong - failures.length} got someone else's or a different overview)`,
    );
  }
}
