import { readFile } from 'node:fs/promises';
import { composeSupergraph, subgraphSdlPath, supergraphPath } from './compose';

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

  it.each(['cases', 'benefits', 'payments', 'appointments', 'proxies'])(
    'match the committed SDL of the %s subgraph',
    async (name) => {
      expect(await readFile(subgraphSdlPath(name), 'utf8')).toBe(composition.subgraphSdls[name]);
    },
  );
});
