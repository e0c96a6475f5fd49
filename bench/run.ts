import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBenchmark } from './benchmark';
import { defaultProfiledScenario, formatProfileSummary, profileGateway, profiledScenario } from './cpu-profile';
import { profiles } from './profiles';
import { formatReport } from './report';

const flags = ['--quick', '--profile'];

/**
 * `npm run bench [-- --quick] [-- --profile [--scenario NAME]]`: runs every scenario against our gateway and its
 * baselines in rotated rounds, prints the tables and writes bench/results/latest.json (a quick
 * run writes quick.json, so it never replaces the numbers the README quotes). With --profile it
 * profiles our gateway under a warm scenario instead, the overview unless named
 * (bench/results/profile/, or profile-quick/).
 */
async function main(args: string[]): Promise<void> {
  const named = args.indexOf('--scenario');
  const scenarioName = named === -1 ? defaultProfiledScenario : args[named + 1];
  if (named !== -1 && (!scenarioName || !args.includes('--profile'))) throw new Error('--scenario NAME goes with --profile');
  const unknown = args.filter((arg, index) => !flags.includes(arg) && (named === -1 || (index !== named && index !== named + 1)));
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')} (only ${flags.join(', ')}, --scenario NAME)`);
  const profile = args.includes('--quick') ? profiles.quick : profiles.default;
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const directory = join(__dirname, 'results');
  if (args.includes('--profile')) {
    const profiled = await profileGateway(profile, join(directory, profile.name === 'quick' ? 'profile-quick' : 'profile'), log, profiledScenario(scenarioName!));
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
