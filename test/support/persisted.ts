import { loadPersistedDocuments, persistedDocumentsPath, persistedOperationsByName } from '../../gateway/plugins/persisted-operations';

/** The generated manifest (`npm run codegen`), the production allow-list: PERSISTED_OPERATIONS_PATH in production-mode tests. */
export { persistedDocumentsPath };

/** The registered operations by name: their document id (`sha256:<hex>`) and text, as the manifest holds them. */
export const persistedOperations = persistedOperationsByName(loadPersistedDocuments(persistedDocumentsPath));

/** The registered operations' texts by name, as a client sending text sends them. */
export const registeredQueries: Record<string, string> = Object.fromEntries(
  Object.entries(persistedOperations).map(([name, { query }]) => [name, query]),
);
