import { readFile } from 'node:fs/promises';
import { apiSchemaPath, composeSupergraph, subgraphSdlPath, supergraphPath } from './compose';

describe('the committed schemas', () => {
  let composition: Awaited<ReturnType<typeof composeSupergraph>>;
  beforeAll(async () => {
    composition = await composeSupergraph();
  });

  it('compose without errors from the subgraphs in the code', () => {
    expect(composition.supergraphSdl).toContain('type Query');
  });

  it('match the committed supergraph (run `npm run compose` after a schema change)', async () => {
    expect(await readFile(supergraphPath, 'utf8')).toBe(composition.supergraphSdl);
  });

  it('match the committed API schema, the published one (run `npm run compose` after a schema change)', async () => {
    expect(await readFile(apiSchemaPath, 'utf8')).toBe(composition.apiSdl);
  });

  it('publish no federation machinery in the API schema', () => {
    expect(composition.apiSdl).not.toMatch(/join__|link__|@link|@join|@inaccessible/);
    expect(composition.apiSdl).toContain('type Query');
  });

  it.each(['cases', 'benefits', 'payments', 'appointments', 'proxies'])(
    'match the committed SDL of the %s subgraph',
    async (name) => {
      expect(await readFile(subgraphSdlPath(name), 'utf8')).toBe(composition.subgraphSdls[name]);
    },
  );
});
