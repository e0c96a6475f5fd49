import { developmentKeys, settings } from './config';

const secretDefaults = new Set<string>(Object.values(developmentKeys));

/** The README's configuration table, generated from the settings so the two cannot drift. */
export function configTable(): string {
  const rows = Object.entries(settings).map(([name, setting]) => {
    const fallback = 'default' in setting ? setting.default : undefined;
    const shown = fallback === undefined ? '—' : secretDefaults.has(fallback) ? 'development key' : `\`${fallback}\``;
    return `| \`${name}\` | ${shown} | ${setting.services.join(', ')} | ${setting.doc} |`;
  });
  return ['| variable | default | read by | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export const tableStart = '<!-- config-table:start (npm run docs) -->';
export const tableEnd = '<!-- config-table:end -->';

export function withConfigTable(readme: string): string {
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  if (start < 0 || end < start) throw new Error('README has no configuration table markers');
  return `${readme.slice(0, start + tableStart.length)}\n${configTable()}\n${readme.slice(end)}`;
}
