import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { RunningService } from '../lib/http-server';
import { personas, syntheticCpr } from '../mocks/fixtures/personas';
import type { BackendInfo, BackendMethods, BackendOptions } from './backend-process';
import { forkChild, type Child } from './child-process';
import { benchCprHeader } from './citizen-context';
import { startFloorServer } from './floor-client';
import { overviewQuery } from './operations';
import { startStockGateway } from './stock-gateway';
import type { TargetInfo, TargetMethods, TargetOptions } from './target-process';

/**
 * Hive Gateway as a baseline: it must do the work the other systems do, for the citizen it is
 * asked about and no other. Its subgraph requests for different citizens have the same URL and
 * body (the citizen travels in a header), which Hive's deduplication of in-flight requests would
 * merge unless the sealed context is part of its key.
 *
 * Checked once (by hand): with the context put on in an `onFetch` plugin hook instead of
 * `propagateHeaders.fromClientToSubgraphs`, thomas's overview still passes, and "40 citizens at
 * once" fails with 39 of the 40 answered with someone else's overview; restored, it passes.
 */
// Stock Apollo Gateway runs in this process: no usage reports, no cloud metadata probes.
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

const supergraphPath = 'schema/supergraph.graphql';
const concurrentCitizens = 40;

async function overviewOf(service: { url: string }, cpr: string): Promise<unknown> {
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [benchCprHeader]: cpr },
    body: JSON.stringify({ query: overviewQuery }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`HTTP ${response.status} ${JSON.stringify(body.errors)}`);
  return body.data;
}

describe('Hive Gateway with the Rust query planner, as a benchmark baseline', () => {
  let backend: Child<BackendInfo, BackendMethods>;
  let hive: Child<TargetInfo, TargetMethods>;
  let stock: RunningService;
  let floor: RunningService;

  beforeAll(async () => {
    // The benchmark's backend, with as many synthetic citizens as the concurrent test asks for.
    backend = await forkChild<BackendOptions, BackendInfo, BackendMethods>(join(__dirname, 'backend-process.ts'), {
      syntheticCitizens: concurrentCitizens,
      upstreamLatencyMs: 20,
    });
    const { info } = backend;
    const subgraphUrls = info.subgraphUrls.optimised;
    // Hive in its process as the benchmark runs it: its planner is loaded with `import()`, which
    // jest's module VM cannot run.
    [hive, stock, floor] = await Promise.all([
      forkChild<TargetOptions, TargetInfo, TargetMethods>(join(__dirname, 'target-process.ts'), {
        kind: 'hive',
        subgraphUrls,
        simulatorUrl: info.simulatorUrl,
        issuerUrl: info.issuerUrl,
        jwksUrl: info.jwksUrl,
        databaseUrl: undefined,
      }),
      startStockGateway(supergraphPath, subgraphUrls),
      startFloorServer(subgraphUrls),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([hive?.stop(), stock?.close(), floor?.close()]);
    await backend?.stop();
  });

  it("answers thomas's overview exactly as the floor and stock Apollo Gateway do", async () => {
    const expected = await overviewOf(floor, personas.thomas.cpr);
    expect(await overviewOf(hive.info, personas.thomas.cpr)).toEqual(expected);
    expect(await overviewOf(stock, personas.thomas.cpr)).toEqual(expected);
  });

  it('gives each of 40 citizens asking at once their own overview, and no one else’s', async () => {
    const cprs = Array.from({ length: concurrentCitizens }, (_, n) => syntheticCpr(n));
    // The floor first, one citizen at a time: what each must get, and their records then cached in
    // the subgraphs, so that 40 at once try Hive's sharing, not whether two shared cores fetch 40
    // cold overviews within the subgraphs' upstream deadline (they do not, floor included).
    const expected: unknown[] = [];
    for (const cpr of cprs) expected.push(await overviewOf(floor, cpr));
    const answers = await Promise.all(cprs.map((cpr) => overviewOf(hive.info, cpr)));
    const notTheirOwn = cprs.filter((_, n) => !isDeepStrictEqual(answers[n], expected[n]));
    expect(notTheirOwn).toEqual([]);
  }, 30_000);
});
