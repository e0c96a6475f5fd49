import { readFileSync, writeFileSync } from 'node:fs';
import { withConfigTable } from '../lib/config-table';

/** `npm run docs`: regenerates the README's configuration table from lib/config.ts. */
writeFileSync('README.md', withConfigTable(readFileSync('README.md', 'utf8')));
