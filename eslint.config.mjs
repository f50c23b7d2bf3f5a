// @ts-check
/**
 * `npm run lint`: typescript-eslint's recommended rules, no import cycle between files (type-only imports included,
 * see eslint-rules/no-import-cycle.cjs), and the layering: the engine (src/core) never imports a host, the pane,
 * the playground or the CLI, nor anything that needs Node or a browser.
 */
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import noImportCycle from './eslint-rules/no-import-cycle.cjs';

const OUTSIDE_CORE = ['**/host/**', '**/excel/**', '**/taskpane/**', '**/playground/**', '**/cli/**', '**/commands/**', '**/wps/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    // Directives written for rules an editor may run (no-control-regex, …) are not errors when this config lacks them.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: {
      'local/no-import-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: OUTSIDE_CORE, message: 'src/core 是与宿主无关的引擎：不得引用宿主、任务窗格、试用页或命令行。' }],
          paths: ['fs', 'path', 'node:fs', 'node:path', 'react', 'react-dom', '@fluentui/react-components'].map((name) => ({ name, message: 'src/core 不得依赖 Node 或浏览器界面库。' })),
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-this-alias': 'off' },
  },
);
