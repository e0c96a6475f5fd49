import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed clients and the persisted-document manifest (`npm run codegen`): every operation the
 * project's clients run is a document in clients/operations; the output in clients/generated is
 * committed, and `clients/operations/codegen.test.ts` checks that it is in step. The manifest
 * `clients/generated/persisted-documents.json` (sha256 hash → document) is the production allow-list.
 */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['clients/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'clients/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: { useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
