import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { composeSupergraph, subgraphSdlPath, supergraphPath } from '../schema/compose';

/** `npm run compose`: writes each subgraph's SDL and the supergraph; both are committed. */
async function main(): Promise<void> {
  const { supergraphSdl, subgraphSdls } = await composeSupergraph();
  for (const [name, sdl] of Object.entries(subgraphSdls)) await writeFile(subgraphSdlPath(name), sdl);
  await writeFile(supergraphPath, supergraphSdl);
  process.stdout.write(`wrote ${supergraphPath} and ${Object.keys(subgraphSdls).length} subgraph schemas\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
