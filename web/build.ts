import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm start` serves the built page from (ignored by git). */
export const defaultOutDir = resolve(__dirname, 'dist');

/** What the page is built from: its sources, its config and the generated client it imports. */
const sources = [resolve(__dirname, 'src'), resolve(__dirname, 'public'), resolve(__dirname, 'index.html'), resolve(__dirname, 'vite.config.mts'), resolve(__dirname, '../clients/generated')];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Whether a build is there and newer than everything it is built from, so a fresh clone or an edit builds again. */
export function isBuilt(outDir: string = defaultOutDir): boolean {
  const index = join(outDir, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestChange));
}

/** Builds the page with Vite's API (web/vite.config.mts) into outDir. */
export async function buildPage(outDir: string = defaultOutDir): Promise<void> {
  // Vite is an ES module; loaded only when a build is needed.
  const { build } = await import('vite');
  await build({ configFile: resolve(__dirname, 'vite.config.mts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}
