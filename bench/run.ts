import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBenchmark } from './benchmark';
import { profiles } from './profiles';
import { formatReport } from './report';

/**
 * `npm run bench [-- --quick]`: runs every scenario against our gateway and its baselines,
 * prints the tables and writes bench/results/latest.json (a quick run writes quick.json, so it
 * never replaces the numbers the README quotes).
 */
async function main(args: string[]): Promise<void> {
  const unknown = args.filter((arg) => arg !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')} (only --quick)`);
  const profile = args.includes('--quick') ? profiles.quick : profiles.default;
  const result = await runBenchmark(profile, (line) => process.stderr.write(`bench: ${line}\n`));
  const directory = join(__dirname, 'results');
  await mkdir(directory, { recursive: true });
  const file = join(directory, profile.name === 'quick' ? 'quick.json' : 'latest.json');
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(formatReport(result));
  process.stderr.write(`bench: wrote ${file}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
