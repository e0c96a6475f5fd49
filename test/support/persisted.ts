import { loadPersistedDocuments, persistedDocumentsPath, persistedOperationsByName } from '../../gateway/plugins/persisted-operations';

/** The generated manifest (`npm run codegen`), the production allow-list: PERSISTED_OPERATIONS_PATH in production-mode tests. */
export { persistedDocumentsPath };

/** The registered operations by name: their document id (`sha256:<hex>`) and text, as the manifest holds them. */
export const persistedOperations = persistedOperationsByName(loadPersistedDocuments(persistedDocumentsPath));

/** The registered operations by name, as a client sends them: by document id only. */
export const registeredOperations: Record<string, { documentId: string }> = Object.fromEntries(
  Object.entries(persistedOperations).map(([name, { id }]) => [name, { documentId: id }]),
);
