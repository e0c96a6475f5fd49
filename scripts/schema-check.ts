import { readFile } from 'node:fs/promises';
import { apiSchemaPath, checkSchema, deliberateChanges, deliberateChangesPath, releasedSchemaPath } from '../schema/schema-check';

/**
 * `npm run schema:check [-- --released <file> --current <file> --deliberate <file>]`: fails (exit 1)
 * on a breaking change from the last released API schema that is not a deliberate one, deprecated
 * at least six months ago (schema/schema-check.ts). Run in CI before the tests.
 */
function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  const released = await readFile(option('released', releasedSchemaPath), 'utf8');
  const current = await readFile(option('current', apiSchemaPath), 'utf8');
  const { changes } = deliberateChanges.parse(JSON.parse(await readFile(option('deliberate', deliberateChangesPath), 'utf8')));
  const result = await checkSchema(released, current, changes);
  const line = (text: string) => process.stdout.write(`${text}\n`);
  for (const change of result.safe) line(`  safe       ${change.message}`);
  for (const change of result.dangerous) line(`  dangerous  ${change.message} (${change.criticality.reason ?? 'may break some clients'})`);
  for (const { change, entry } of result.accepted) line(`  deliberate ${change.message} (deprecated ${entry.deprecatedOn}: ${entry.reason})`);
  for (const entry of result.unused) line(`  note       listed but not changed: ${entry.path}`);
  for (const { change, why } of result.refused) line(`  BREAKING   ${change.message}: ${why}`);
  if (result.refused.length > 0) {
    line(`schema check failed: ${result.refused.length} breaking change(s). Deprecate first; remove no earlier than six months later, listed in ${deliberateChangesPath}.`);
    process.exit(1);
  }
  line('schema check passed: no undeclared breaking change from the released schema');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
