/**
 * Core, CLI and adapter tests run in node; pane component tests opt into jsdom with a docblock.
 * The timeout only catches a hang: the pane tests render Fluent in jsdom through many steps and
 * took 3.5 s idle but over jest's default 5 s on a loaded CI machine. Speed is the bench's job.
 */
module.exports = {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/build-addin.js',
  testTimeout: 60_000,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
