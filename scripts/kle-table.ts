import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * Checks or refreshes the Danish titles in config/kle.json from KL's emneplan XML (KLE-Emneplan,
 * as KLE-Online or KL's XML service delivers it; KLE is licensed by KL).
 *
 *   node -r @swc-node/register scripts/kle-table.ts <KLE-Emneplan.xml> --check
 *       lists every listed number whose title differs from the file, or that the file lacks; exit 1 if any.
 *   node -r @swc-node/register scripts/kle-table.ts <KLE-Emneplan.xml> --copy "<where the file came from>" [--add 32.06.04 ...]
 *       rewrites the Danish titles (and the edition) from the file; --add lists new numbers with their
 *       group and main group. A new number gets an empty English name, which lib/kle.test.ts refuses
 *       until someone writes one. Numbers the file lacks are never dropped: the script stops instead.
 *
 * English renderings are this project's own and are never touched.
 */

const tablePath = join(__dirname, '../config/kle.json');

interface Table {
  $comment: string;
  source: Record<string, string>;
  codes: Record<string, { da: string; en: string }>;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return entities[name] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every main group, group and topic in the emneplan: number → title. */
function titlesIn(xml: string): Map<string, string> {
  const titles = new Map<string, string>();
  const pattern = /<(Hovedgruppe|Gruppe|Emne)Nr>\s*([\d.]+)\s*<\/\1Nr>\s*<\1Titel>([^<]*)<\/\1Titel>/g;
  for (const [, , code, title] of xml.matchAll(pattern)) titles.set(code, decode(title));
  return titles;
}

/** "32.06.04" → "32", "32.06", "32.06.04". */
function withParents(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, index) => parts.slice(0, index + 1).join('.'));
}

/** The table as committed: one line a number, in number order. */
function serialise(table: Table): string {
  const codes = Object.keys(table.codes)
    .sort()
    .map((code) => `    ${JSON.stringify(code)}: ${JSON.stringify(table.codes[code]).replace(/^\{/, '{ ').replace(/\}$/, ' }').replace(/","/g, '", "').replace(/":"/g, '": "')}`);
  const source = Object.entries(table.source).map(([key, value]) => `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n  "$comment": ${JSON.stringify(table.$comment)},\n  "source": {\n${source.join(',\n')}\n  },\n  "codes": {\n${codes.join(',\n')}\n  }\n}\n`;
}

function option(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let index = args.indexOf(name); index !== -1; index = args.indexOf(name, index + 1)) {
    for (let next = index + 1; next < args.length && !args[next].startsWith('--'); next += 1) values.push(args[next]);
  }
  return values;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args[0];
  if (!file || file.startsWith('--')) throw new Error('usage: kle-table.ts <KLE-Emneplan.xml> (--check | --copy "<where the file came from>" [--add <number> ...])');
  const xml = await readFile(file, 'utf8');
  const edition = /<UdgivelsesDato>\s*([^<]+?)\s*<\/UdgivelsesDato>/.exec(xml)?.[1];
  const titles = titlesIn(xml);
  if (titles.size === 0) throw new Error(`${file}: no KLE numbers found; is it a KLE-Emneplan XML?`);
  const table = JSON.parse(await readFile(tablePath, 'utf8')) as Table;

  const wanted = [...new Set([...Object.keys(table.codes), ...option(args, '--add').flatMap(withParents)])].sort();
  const missing = wanted.filter((code) => !titles.has(code));
  const added = wanted.filter((code) => !table.codes[code]);
  const changed = wanted.filter((code) => titles.has(code) && table.codes[code] && table.codes[code].da !== titles.get(code));

  if (args.includes('--check')) {
    for (const code of missing) process.stdout.write(`${code}: not in ${basename(file)}\n`);
    for (const code of changed) process.stdout.write(`${code}: "${table.codes[code].da}" is "${titles.get(code)}" in ${basename(file)}\n`);
    process.stdout.write(`${wanted.length} numbers checked against KLE ${edition ?? '(no edition date)'}: ${missing.length} missing, ${changed.length} different\n`);
    if (missing.length > 0 || changed.length > 0) process.exitCode = 1;
    return;
  }

  if (missing.length > 0) throw new Error(`not in ${basename(file)}, decide by hand: ${missing.join(', ')}`);
  const [copy] = option(args, '--copy');
  if (!copy) throw new Error('--copy "<where the file came from>" is required, so the table names its source');
  for (const code of wanted) table.codes[code] = { da: titles.get(code)!, en: table.codes[code]?.en ?? '' };
  table.source = {
    ...table.source,
    edition: `KLE-Emneplan, UdgivelsesDato ${edition ?? 'unknown'}`,
    copy,
    method: `Danish titles generated by scripts/kle-table.ts from ${basename(file)}. English renderings are this project's, not KL's.`,
  };
  await writeFile(tablePath, serialise(table));
  process.stdout.write(`wrote ${tablePath}: ${wanted.length} numbers, ${changed.length} titles changed, ${added.length} added (write their English), KLE ${edition ?? '(no edition date)'}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
