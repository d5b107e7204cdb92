/** Jest in native ESM mode (NODE_OPTIONS=--experimental-vm-modules), TypeScript through ts-jest. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
  reporters: ['default', '<rootDir>/scripts/count-reporter.cjs'],
  // Real go builds, registries and qemu: generous, but a hang still ends.
  testTimeout: 600000,
  maxWorkers: 2,
  // One temp root per run (TMPDIR), removed at the end: nothing piles up in /tmp across runs.
  globalSetup: '<rootDir>/scripts/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/scripts/jest-global-teardown.mjs',
};
