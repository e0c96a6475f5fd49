import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The citizen page's build (`web/build.ts` runs it for `npm start`). No React plugin: Vite's own
 * transform (Oxc) compiles TSX with React's automatic runtime, which is all the page needs.
 */
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: resolve(here, 'dist'), emptyOutDir: true },
});
