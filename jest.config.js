/** Core, CLI and adapter tests run in node; pane component tests opt into jsdom with a docblock. */
module.exports = {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/build-addin.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
