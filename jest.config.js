// Three tiers, each a Jest project: `npm run test:unit|test:workflows|test:e2e`; and the
// projects outside `npm test`: long, drills, record.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@cjg/(domain|persistence|notifications|temporal)$': '<rootDir>/libs/$1/src/index.ts',
  '^@cjg/temporal/connection$': '<rootDir>/libs/temporal/src/connection/index.ts',
  '^@cjg/workflows$': '<rootDir>/workflows/index.ts',
  '^@cjg/workflows/(.*)$': '<rootDir>/workflows/$1',
  '^@cjg/activities$': '<rootDir>/activities/index.ts',
};

/**
 * NestJS 12, jose and a few of their dependencies ship ES modules only. Node loads them from
 * our CommonJS build (require(esm)), but Jest's module system cannot, so Jest compiles them to
 * CommonJS with swc like our own sources.
 */
const ESM_PACKAGES = [
  '@nestjs',
  'jose',
  'uid',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  '@tokenizer',
  'uint8array-extras',
  'load-esm',
  'path-to-regexp',
];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper,
  modulePathIgnorePatterns: [
    '<rootDir>/dist/',
    '<rootDir>/.toolchain/',
    '<rootDir>/.data/',
    '<rootDir>/apps/web/',
  ],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,activities,scripts}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'workflows',
      // The 10-year trajectory (test/long) runs here too; `npm run test:long` runs it alone.
      testMatch: ['<rootDir>/test/workflows/**/*.spec.ts', '<rootDir>/test/long/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/workflows/global-setup.ts',
    },
    {
      ...common,
      displayName: 'long',
      testMatch: ['<rootDir>/test/long/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/workflows/global-setup.ts',
    },
    {
      ...common,
      displayName: 'drills',
      testMatch: ['<rootDir>/test/drills/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
    {
      ...common,
      // `npm run histories:record`: records workflow histories for the replay test on the e2e
      // tier's stack (test/record); it records rather than tests, so `npm test` does not run it.
      displayName: 'record',
      testMatch: ['<rootDir>/test/record/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
    {
      ...common,
      // Its part that needs days to pass: on the time-skipping test server (test/record).
      displayName: 'record-workflows',
      testMatch: ['<rootDir>/test/record/**/*.workflow-spec.ts'],
      globalSetup: '<rootDir>/test/workflows/global-setup.ts',
    },
  ],
};
