import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBenchmark } from './benchmark';
import { defaultProfiledScenario, formatProfileSummary, profileGateway, profiledScenario } from './cpu-profile';
import { profiles } from './profiles';
import { formatReport } from './report';

/**
 * `npm run bench [-- --quick] [-- --profile [--scenario NAME]]`: runs every scenario against our gateway and its
 * baselines in rotated rounds, prints the tables and writes bench/results/latest.json (a quick
 * run writes quick.json, so it never replaces the numbers the README quotes). With --profile it
 * profiles our gateway under a warm scenario instead, the overview unless named
 * (bench/results/profile/, or profile-quick/).
 */
async function main(args: string[]): Promise<void> {
  // Strict: an unknown option or a missing value is an error, never ignored.
  const { values } = parseArgs({ args, options: { quick: { type: 'boolean' }, profile: { type: 'boolean' }, scenario: { type: 'string' } } });
  if (values.scenario !== undefined && !values.profile) throw new Error('--scenario NAME goes with --profile');
  const profile = values.quick ? profiles.quick : profiles.default;
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const directory = join(__dirname, 'results');
  if (values.profile) {
    const profiled = await profileGateway(profile, join(directory, profile.name === 'quick' ? 'profile-quick' : 'profile'), log, profiledScenario(values.scenario ?? defaultProfiledScenario));
    process.stdout.write(formatProfileSummary(profiled));
    return;
  }
  const result = await runBenchmark(profile, log);
  await mkdir(directory, { recursive: true });
  const file = join(directory, profile.name === 'quick' ? 'quick.json' : 'latest.json');
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(formatReport(result));
  log(`wrote ${file}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
