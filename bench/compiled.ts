import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The bench's child processes (the systems under test and the backend) compiled to JavaScript as
 * the image compiles the services (tsconfig.build.json: tsc, no source maps), into a directory of
 * the run's own, and run with plain `node`: under `@swc-node/register` every Error's stack went
 * through source-map-support, which inflated the CPU of whoever builds stacks per request.
 */
export interface Build {
  /** The compiled tree: `<root>/gateway/server.js` and so on, as /app/dist in the image. */
  root: string;
  /** The compiled module of bench/ by name, e.g. `target-process`. */
  modulePath(name: string): string;
  /** How the children run, for the results. */
  description: string;
  remove(): Promise<void>;
}

const repositoryRoot = resolve(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc');

/**
 * `checkout`: another commit's working tree (a `git worktree`, for `npm run bench:ab`), compiled
 * with its own bench/tsconfig.build.json; it resolves packages from this repository's node_modules.
 */
export async function compileBench(log: (line: string) => void = () => undefined, checkout = repositoryRoot): Promise<Build> {
  const dir = await mkdtemp(join(tmpdir(), 'borger-bench-'));
  const started = Date.now();
  try {
    if (!existsSync(join(checkout, 'node_modules'))) await symlink(join(repositoryRoot, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    // Type checking is `npm run typecheck`'s job; the emitted JavaScript is the same without it.
    await promisify(execFile)(process.execPath, [tsc, '-p', join(checkout, 'bench', 'tsconfig.build.json'), '--outDir', dir, '--noCheck'], { cwd: checkout });
    // Packages resolve from the compiled files as from /app/dist in the image: a node_modules above them.
    await symlink(join(repositoryRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    const { stdout } = error as { stdout?: string };
    throw new Error(`compiling the bench's processes failed: ${stdout || (error as Error).message}`);
  }
  log(`compiled the bench's processes${checkout === repositoryRoot ? '' : ` of ${checkout}`} with tsc in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    root: dir,
    modulePath: (name) => join(dir, 'bench', `${name}.js`),
    description: 'compiled with tsc (tsconfig.build.json, no source maps), run with plain node',
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
