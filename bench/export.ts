import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personas, syntheticCpr } from '../mocks/fixtures/personas';
import { mintCitizenToken } from '../mocks/identity/dev-issuer';
import { dropAuditDatabase, freshAuditDatabase } from '../test/support/stack';
import type { BackendInfo, BackendMethods, BackendOptions } from './backend-process';
import { forkChild } from './child-process';
import { compileBench } from './compiled';
import { ourGateway } from './systems';
import type { TargetInfo, TargetMethods, TargetOptions } from './target-process';
import { benchOptions } from './options';

/**
 * `npm run bench:export [-- --records 10000]`: one citizen with that many records (cases,
 * benefits, payments, appointments in equal parts) exports their data as JSON and as CSV through
 * our gateway, alone in its process; the gateway's RSS is sampled every 50 ms from before the
 * request until the export is READY. Thomas's export (a few dozen items) runs first as the
 * baseline: bounded memory means the big export's peak is near the small one's. Writes
 * bench/results/export.json.
 */
interface ExportRun {
  citizen: string;
  format: 'JSON' | 'CSV';
  items: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
  status: string;
}

const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;

async function main(args: string[]): Promise<void> {
  const records = Number(benchOptions(args, { records: '10000' }).records);
  if (!Number.isInteger(records) || records < 1) throw new Error('--records takes a positive whole number');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const bigCpr = syntheticCpr(0);
  const build = await compileBench();
  const backend = await forkChild<BackendOptions, BackendInfo, BackendMethods>(build.modulePath('backend-process'), {
    syntheticCitizens: 0,
    upstreamLatencyMs: 20,
    bigCitizen: { cpr: bigCpr, records },
  });
  const databaseUrl = await freshAuditDatabase().catch(() => undefined);
  const exportDir = await mkdtemp(join(tmpdir(), 'bench-export-'));
  const { info } = backend;
  const target = await forkChild<TargetOptions, TargetInfo, TargetMethods>(build.modulePath('target-process'), ourGateway(info, databaseUrl, { env: { EXPORT_DIR: exportDir, EXPORTS_PER_DAY: '100' } }));
  const graphql = async <T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(target.info.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };

  const exportOnce = async (citizen: string, cpr: string, format: 'JSON' | 'CSV'): Promise<ExportRun> => {
    const token = await mintCitizenToken(cpr, { issuer: info.issuerUrl });
    const before = (await target.call('usage')).rssBytes;
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, (await target.call('usage')).rssBytes);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })().catch(() => undefined);
    const started = performance.now();
    const { requestExport } = await graphql<{ requestExport: { id: string } }>(token, 'mutation ($format: ExportFormat!) { requestExport(format: $format) { id } }', { format });
    let status = 'QUEUED';
    let items = 0;
    try {
    while (status === 'QUEUED' || status === 'RUNNING') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { me } = await graphql<{ me: { exports: { id: string; status: string; files: { items: number }[] }[] } }>(token, '{ me { exports { id status failure files { items } } } }');
      const found = me.exports.find((each) => each.id === requestExport.id)!;
      status = found.status;
      items = found.files.reduce((sum, file) => sum + file.items, 0);
      if (status === 'FAILED') log(`export failed: ${JSON.stringify(found)}`);
    }
    } finally {
      sampling = false;
      await sampler;
    }
    const seconds = (performance.now() - started) / 1000;
    const run = { citizen, format, items, seconds: Math.round(seconds * 100) / 100, rssBeforeMb: mb(before), rssPeakMb: mb(peak), rssGrowthMb: mb(peak - before), status };
    log(`${citizen} ${format}: ${status}, ${items} items in ${run.seconds} s; gateway RSS ${run.rssBeforeMb} → peak ${run.rssPeakMb} MB (+${run.rssGrowthMb})`);
    return run;
  };

  const runs: ExportRun[] = [];
  try {
    runs.push(await exportOnce('thomas', personas.thomas.cpr, 'JSON'));
    runs.push(await exportOnce(`synthetic (${records} records)`, bigCpr, 'JSON'));
    runs.push(await exportOnce(`synthetic (${records} records)`, bigCpr, 'CSV'));
  } finally {
    await target.stop();
    await backend.stop();
    if (databaseUrl) await dropAuditDatabase(databaseUrl);
    await build.remove();
    await rm(exportDir, { recursive: true, force: true });
  }
  const results = join(__dirname, 'results');
  await mkdir(results, { recursive: true });
  const result = {
    date: new Date().toISOString(),
    records,
    upstreamLatencyMs: 20,
    auditStore: databaseUrl ? 'postgresql' : 'embedded PGlite',
    node: process.version,
    runs,
  };
  await writeFile(join(results, 'export.json'), `${JSON.stringify(result, null, 2)}\n`);
  log('wrote bench/results/export.json');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
