/**
 * Two projects: `unit` (core, CLI, hosts, pane components in jsdom — fast, no build) and `browser` (what needs the
 * built add-in: Chromium in test/e2e and test/security, and the WPS packaging test). `npm test` runs both with one
 * summary; `npm run test:unit` and `npm run test:browser` run one. Only the browser project builds the add-in first
 * (its globalSetup runs only when one of its tests does).
 * The timeout only catches a hang: the pane tests render Fluent in jsdom through many steps and took 3.5 s idle but
 * over jest's default 5 s on a loaded CI machine. Speed is the bench's job.
 */
/** Suites that need the built add-in: Chromium on dist/addin, and the WPS packaging test on dist/wps. */
const BROWSER = ['<rootDir>/test/e2e/', '<rootDir>/test/security/', '<rootDir>/test/wps/packaging.test.ts'];

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

module.exports = {
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.test.ts', '**/*.test.tsx'], testPathIgnorePatterns: ['/node_modules/', ...BROWSER] },
    { ...shared, displayName: 'browser', testMatch: BROWSER.map((d) => (d.endsWith('.ts') ? d : `${d}**/*.test.ts`)), globalSetup: '<rootDir>/test/build-addin.js' },
  ],
};
