import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { personas } from '../mocks/fixtures/personas';
import { dropAuditDatabase, freshAuditDatabase } from '../test/support/stack';
import type { BackendInfo, BackendMethods, BackendOptions } from './backend-process';
import { forkChild } from './child-process';
import { compileBench } from './compiled';
import { drive } from './load';
import { overviewQuery } from './operations';
import { round } from './round';
import { credentialsFor, ourGateway } from './systems';
import type { TargetInfo, TargetMethods, TargetOptions } from './target-process';
import { benchOptions } from './options';

/**
 * `npm run bench:soak [-- --minutes 10]`: the endurance run, apart from the comparison runs. 100
 * clients ask thomas's overview of our gateway for the given minutes (default 10, after a 3 s
 * warm-up) while the gateway process's resident memory is sampled every 5 s; it reports errors and
 * the memory trend: a least-squares slope in MB per minute over all samples, and after warm-up (the
 * first tenth of the run, at least a minute when the run allows, while the heap grows to its
 * working size under load), where a leak would show. Nothing is asserted.
 */
const connections = 100;
const sampleEveryMs = 5_000;

function minutesFrom(args: string[]): number {
  const minutes = Number(benchOptions(args, { minutes: '10' }).minutes);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new Error('--minutes takes a positive number');
  return minutes;
}

function slopePerMinute(samples: { seconds: number; rssMb: number }[]): number {
  const n = samples.length;
  const meanX = samples.reduce((sum, sample) => sum + sample.seconds, 0) / n;
  const meanY = samples.reduce((sum, sample) => sum + sample.rssMb, 0) / n;
  const covariance = samples.reduce((sum, sample) => sum + (sample.seconds - meanX) * (sample.rssMb - meanY), 0);
  const variance = samples.reduce((sum, sample) => sum + (sample.seconds - meanX) ** 2, 0);
  return variance === 0 ? 0 : (covariance / variance) * 60;
}

async function main(args: string[]): Promise<void> {
  const durationSeconds = Math.round(minutesFrom(args) * 60);
  const warmUpSeconds = Math.min(Math.max(durationSeconds / 10, 60), durationSeconds / 2);
  const build = await compileBench();
  const backend = await forkChild<BackendOptions, BackendInfo, BackendMethods>(build.modulePath('backend-process'), {
    syntheticCitizens: 1,
    upstreamLatencyMs: 20,
  });
  const databaseUrl = await freshAuditDatabase();
  const target = await forkChild<TargetOptions, TargetInfo, TargetMethods>(build.modulePath('target-process'), ourGateway(backend.info, databaseUrl));
  try {
    const credentials = await credentialsFor('gateway', [personas.thomas.cpr], backend.info.issuerUrl);
    const load = { url: target.info.url, query: overviewQuery, connections, credentials };
    await drive({ ...load, durationSeconds: 3 });
    const samples: { seconds: number; rssMb: number }[] = [];
    const started = Date.now();
    let running = true;
    const sampling = (async () => {
      while (running) {
        const { rssBytes } = await target.call('usage');
        samples.push({ seconds: round((Date.now() - started) / 1000, 1), rssMb: round(rssBytes / 2 ** 20, 1) });
        await sleep(sampleEveryMs);
      }
    })();
    const result = await drive({ ...load, durationSeconds });
    running = false;
    await sampling;
    const report = {
      generatedAt: new Date().toISOString(),
      node: process.version,
      connections,
      durationSeconds,
      requests: result.requests,
      requestsPerSecond: result.requestsPerSecond,
      latencyMs: result.latencyMs,
      errors: result.errors,
      errorCodes: result.errorCodes,
      rssMb: { first: samples[0]?.rssMb, last: samples.at(-1)?.rssMb, max: Math.max(...samples.map((sample) => sample.rssMb)) },
      rssTrendMbPerMinute: round(slopePerMinute(samples), 2),
      warmUpSeconds,
      // The heap grows to its working size under load first; a leak shows as growth after that.
      rssTrendAfterWarmUpMbPerMinute: round(slopePerMinute(samples.filter((sample) => sample.seconds >= warmUpSeconds)), 2),
      samples,
    };
    const directory = join(__dirname, 'results');
    await mkdir(directory, { recursive: true });
    await writeFile(join(directory, 'soak.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      `soak: ${connections} clients, ${durationSeconds} s: ${result.requests} answers (${result.requestsPerSecond} req/s), ` +
        `${result.errors} errors, p99 ${result.latencyMs.p99} ms; RSS ${report.rssMb.first} → ${report.rssMb.last} MB ` +
        `(max ${report.rssMb.max}), trend ${report.rssTrendMbPerMinute} MB/min over all ${samples.length} samples, ` +
        `${report.rssTrendAfterWarmUpMbPerMinute} MB/min after the first ${warmUpSeconds} s\n`,
    );
  } finally {
    await target.stop();
    await backend.stop();
    await dropAuditDatabase(databaseUrl);
    await build.remove();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`soak failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
