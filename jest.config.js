/** Tests run the TypeScript sources through swc, which must emit decorator metadata for type-graphql. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/lib', '<rootDir>/gateway', '<rootDir>/subgraphs', '<rootDir>/mocks', '<rootDir>/schema', '<rootDir>/deploy', '<rootDir>/bench', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
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
  // jest on Node 20 cannot require them, so swc compiles them too.
  transformIgnorePatterns: ['/node_modules/(?!(jose|until-async)/).+\\.js$'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 20000,
};
