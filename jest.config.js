/** Tests run the TypeScript sources through swc, which must emit decorator metadata for type-graphql. */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/lib', '<rootDir>/gateway', '<rootDir>/subgraphs', '<rootDir>/mocks', '<rootDir>/schema', '<rootDir>/deploy', '<rootDir>/bench', '<rootDir>/test', '<rootDir>/clients'],
  transform: {
    '^.+\\.(ts|js|mjs)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // jose 6 and some of msw's dependencies ship ES modules only (as .mjs, or as .js: jose, until-async);
  // jest cannot require them, so swc compiles them too.
  transformIgnorePatterns: ['/node_modules/(?!(jose|until-async)/).+\\.js$'],
  setupFiles: ['reflect-metadata'],
};

/**
 * The tests that talk to Redis or PostgreSQL, or start a redis-server of their own: a folder (all
 * its tests) or one file. They run behind a global setup that checks the services once, so a
 * machine without them gets one message instead of a failure per suite; the others run anywhere,
 * and a run of them alone does no check at all (jest runs a project's global setup only when one
 * of its tests is selected).
 */
const needServices = ['test/e2e/', 'bench/', 'lib/cache/redis-store.test.ts', 'gateway/audit/migrate.test.ts', 'gateway/audit/store.test.ts', 'gateway/audit/sql.test.ts', 'gateway/consent/consent-store.test.ts', 'clients/chatbot-mcp/server.test.ts', 'clients/partner-example/'];
const escape = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
  // A global option: jest ignores it inside a project.
  testTimeout: 20000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...needServices.map((path) => `<rootDir>/${escape(path)}`)],
    },
    {
      ...shared,
      displayName: 'services',
      testMatch: needServices.map((path) => (path.endsWith('/') ? `<rootDir>/${path}**/*.test.ts` : `<rootDir>/${path}`)),
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
