import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { settings } from '../lib/config';
import type { Floor } from './floor-client';
import { postGraphQL } from '../test/support/graphql-client';
import { overviewQuery } from './operations';

/** How many different citizens ask at once, before a system is measured. */
export const concurrentCitizens = 40;

type Answer = { data: unknown } | { failure: string };

/** Until a breaker a burst opened lets calls through again (its open time, BREAKER_OPEN_MS). */
export const breakersClosed = () => sleep(Number(settings.BREAKER_OPEN_MS.default) + 500);

/** The answer's data, or what went wrong by error code (never the body: it may name the citizen). */
async function overview(url: string, headers: Record<string, string>): Promise<Answer> {
  try {
    const { status, body } = await postGraphQL(url, overviewQuery, { headers });
    if (status === 200 && !body.errors) return { data: body.data };
    return { failure: body.errors?.map((error) => String(error.extensions?.code)).join('+') ?? `HTTP ${status}` };
  } catch (error) {
    return { failure: (error as Error).name };
  }
}

/**
 * Asks, and while `again` says the answer only met breakers, asks again once they let calls
 * through: at most three times, as a half-open breaker lets one probe through and refuses the
 * calls beside it.
 */
export async function askPastBreakers<T>(ask: () => Promise<T>, again: (answer: T) => boolean, settle: () => Promise<unknown> = breakersClosed): Promise<T> {
  let answer = await ask();
  for (let attempt = 1; attempt < 3 && again(answer); attempt += 1) {
    await settle();
    answer = await ask();
  }
  return answer;
}

const tally = (failures: string[]) =>
  Object.entries(failures.reduce<Record<string, number>>((counts, code) => ({ ...counts, [code]: (counts[code] ?? 0) + 1 }), {}))
    .map(([code, count]) => `${count}× ${code}`)
    .join(', ');

/**
 * Whether an answer holds nothing the floor's answer for that citizen lacks: every list item in it
 * is one of the floor's items, field for field. Items may be missing (a source past its deadline
 * leaves its own out); none may be added or changed.
 */
export function holdsOnlyTheirs(got: unknown, expected: unknown): boolean {
  if (Array.isArray(got)) return Array.isArray(expected) && got.every((item) => expected.some((theirs) => isDeepStrictEqual(item, theirs)));
  if (got && typeof got === 'object') {
    if (!expected || typeof expected !== 'object' || Array.isArray(expected)) return false;
    const keys = Object.keys(got);
    return keys.length === Object.keys(expected).length && keys.every((key) => holdsOnlyTheirs((got as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]));
  }
  return isDeepStrictEqual(got, expected);
}

/** The check found an answer wrong, as opposed to being unable to check. */
class CheckFailed extends Error {}

// Through JSON both, so objects parsed in different realms (undici's, fetch's, under jest) compare by content alone.
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/**
 * The floor's answer for each citizen, one at a time, so it does not depend on how the floor copes
 * with forty at once; if the burst left a subgraph's breaker open (the floor shares the subgraphs),
 * once it has closed. Says whether it waited for breakers.
 */
async function references(cprs: string[], floor: Floor, system: string, settle: () => Promise<unknown>): Promise<{ expected: unknown[]; waited: boolean }> {
  const reference = (cpr: string): Promise<Answer> => floor.answer(overviewQuery, cpr).then((data) => ({ data }), (error: Error) => ({ failure: error.message }));
  let waited = false;
  const answers: Answer[] = [];
  for (const cpr of cprs) {
    let answer = await reference(cpr);
    if ('failure' in answer && !waited) {
      waited = true;
      await settle();
      answer = await reference(cpr);
    }
    answers.push(answer);
  }
  const failures = answers.flatMap((answer) => ('failure' in answer ? [answer.failure] : []));
  if (failures.length > 0) {
    throw new Error(`the floor could not answer ${failures.length} of ${cprs.length} citizens to check ${system} against (${tally(failures)})`);
  }
  return { expected: answers.map((answer) => plain((answer as { data: unknown }).data)), waited };
}

/** Judges the answers given at once against the references, asking alone those that came back short. */
async function judge(
  system: string,
  url: string,
  credentials: Record<string, string>[],
  answers: Answer[],
  { expected, waited }: { expected: unknown[]; waited: boolean },
  settle: () => Promise<unknown>,
): Promise<number> {
  const count = credentials.length;
  const mixedUp = answers.filter((answer, n) => 'data' in answer && !holdsOnlyTheirs(plain(answer.data), expected[n])).length;
  if (mixedUp > 0) throw new CheckFailed(`${system}: ${mixedUp} of ${count} citizens asking at once got data that is not theirs`);
  const exact = (answer: Answer, n: number) => 'data' in answer && isDeepStrictEqual(plain(answer.data), expected[n]);
  const stillShort = (answer: Answer, n: number) => !exact(answer, n) && ('failure' in answer || holdsOnlyTheirs(plain(answer.data), expected[n]));
  const short = answers.flatMap((answer, n) => (exact(answer, n) ? [] : [n]));
  const failures = answers.flatMap((answer) => ('failure' in answer ? [answer.failure] : []));
  // The burst may have opened a source's circuit breaker: each citizen asks alone once it has closed again.
  if (short.length > 0 && !waited) await settle();
  let wrongAlone = 0;
  for (const n of short) {
    // A citizen still short asks again; one given data not theirs does not.
    const alone = await askPastBreakers(() => overview(url, credentials[n]!), (answer) => stillShort(answer, n), settle);
    if (!exact(alone, n)) wrongAlone += 1;
  }
  if (wrongAlone > 0) {
    throw new CheckFailed(
      `${system}: ${wrongAlone} of ${count} citizens did not get the floor's answer for them, asking alone after asking at once ` +
        `(at once: ${short.length} short${failures.length > 0 ? `, ${tally(failures)}` : ''})`,
    );
  }
  return count - short.length;
}

/**
 * Fresh citizens ask the system for their overview all at once, nothing of theirs cached yet.
 * Batching, caching or deduplication that mixed up citizens would show here: no answer may hold
 * anything that is not the citizen's own, as the floor answers it, or the run fails. Forty fresh
 * overviews at once can outrun the simulated sources' deadlines in the bench's one backend process,
 * so an answer may come back short (a source's items left out) or with an error; each such citizen
 * then asks alone, once breakers the burst opened have closed (up to three times while its answer
 * is short, as a half-open breaker refuses all but its probe), and must get exactly the floor's
 * answer. The floor's own reference, taken just after the burst, may be short too (a breaker the
 * burst opened leaves a source out without an error): before any failure is reported, the
 * references are taken again once breakers have closed and the answers judged once more. The
 * failure names the system and how many citizens were answered wrongly, never who. Returns how
 * many answers were complete at once.
 */
export async function checkConcurrentCitizens(
  system: string,
  url: string,
  credentials: Record<string, string>[],
  cprs: string[],
  floor: Floor,
  /** Waits until breakers the burst opened let calls through again. */
  settle: () => Promise<unknown> = breakersClosed,
): Promise<number> {
  const answers = await Promise.all(credentials.map((headers) => overview(url, headers)));
  try {
    return await judge(system, url, credentials, answers, await references(cprs, floor, system, settle), settle);
  } catch (error) {
    if (!(error instanceof CheckFailed)) throw error;
    await settle();
    return judge(system, url, credentials, answers, await references(cprs, floor, system, settle), settle);
  }
}
