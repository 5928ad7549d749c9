/** Payload 3 is ESM-only: tests run as native ES modules (NODE_OPTIONS=--experimental-vm-modules). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2022',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'es6' },
      },
    ],
  },
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/payload.config.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFiles: ['<rootDir>/tests/helpers/setupEnv.ts'],
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // Generous: a hung test still fails, and the heaviest tests (a hundred members submitting at once
  // through FerretDB) took over a minute on this 2-core machine on a slow day.
  testTimeout: 180_000,
  // The default output, and how long the tests on MongoDB took (issue #19).
  reporters: ['default', '<rootDir>/tests/helpers/databaseTimeReporter.cjs'],
  // One worker: the machine has two cores, and the HTTP and browser tests start servers of their own.
  maxWorkers: 1,
}
