import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { apiSchemaPath, composeSupergraph, subgraphSdlPath, supergraphPath } from '../schema/compose';

/** `npm run compose`: writes each subgraph's SDL, the supergraph and its public API schema; all are committed. */
async function main(): Promise<void> {
  const { supergraphSdl, apiSdl, subgraphSdls } = await composeSupergraph();
  for (const [name, sdl] of Object.entries(subgraphSdls)) await writeFile(subgraphSdlPath(name), sdl);
  await writeFile(supergraphPath, supergraphSdl);
  await writeFile(apiSchemaPath, apiSdl);
  process.stdout.write(`wrote ${supergraphPath}, ${apiSchemaPath} and ${Object.keys(subgraphSdls).length} subgraph schemas\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
