import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { loadPersistedDocuments, persistedDocumentsPath, persistedOperationsByName } from '../../gateway/plugins/persisted-operations';

/** The clients' operations (clients/operations/*.graphql) and the manifest codegen makes of them: the production allow-list. */
describe('the persisted operations', () => {
  const documents = loadPersistedDocuments(persistedDocumentsPath);
  const schema = buildSchema(readFileSync('schema/api.graphql', 'utf8'));

  it('are in the manifest under the sha256 of their text, and each is valid against the published schema', () => {
    expect(documents.size).toBeGreaterThan(0);
    for (const [id, query] of documents) {
      expect(id).toBe(`sha256:${createHash('sha256').update(query).digest('hex')}`);
      expect(validate(schema, parse(query)).map((error) => `${id}: ${error.message}`)).toEqual([]);
    }
  });

  it('are one document per file, named as the file, and the manifest holds exactly them', () => {
    const files = readdirSync('clients/operations').filter((name) => name.endsWith('.graphql'));
    const names = files.map((file) => {
      const operations = parse(readFileSync(join('clients/operations', file), 'utf8')).definitions.flatMap((definition) =>
        definition.kind === 'OperationDefinition' ? [definition.name?.value] : [],
      );
      expect(operations).toEqual([file.replace(/\.graphql$/, '')]);
      return operations[0];
    });
    expect(Object.keys(persistedOperationsByName(documents)).sort()).toEqual(names.sort());
  });

  it('are generated in step: `npm run codegen` gives the committed clients/generated', () => {
    // In a process of its own: the CLI's dependencies are ES modules that Jest's runtime does not load.
    const script = "require('@graphql-codegen/cli').generate({ ...require('./codegen.ts').default, silent: true }, false).then((outputs) => process.stdout.write(JSON.stringify(outputs)))";
    const outputs = JSON.parse(execFileSync('node', ['-r', '@swc-node/register', '-e', script], { encoding: 'utf8' })) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) expect(readFileSync(filename, 'utf8')).toBe(content);
  }, 60_000);
});
