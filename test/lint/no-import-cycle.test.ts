/**
 * The lint rule that keeps the code free of import cycles (eslint-rules/no-import-cycle.cjs) reports a cycle made
 * only of `import type` — the kind eslint-plugin-import skips — and stays quiet on a chain without one.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const rule = require('../../eslint-rules/no-import-cycle.cjs');

function lint(files: Record<string, string>, target: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-cycle-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const linter = new Linter({ cwd: dir });
  const file = path.join(dir, target);
  const messages = linter.verify(
    fs.readFileSync(file, 'utf8'),
    [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as never }, plugins: { local: { rules: { 'no-import-cycle': rule } } }, rules: { 'local/no-import-cycle': 'error' } }],
    file,
  );
  return messages.map((m) => m.message);
}

test('a cycle of type-only imports is reported, with its path', () => {
  const files = {
    'engine.ts': "import type { Context } from './context';\nimport { family } from './family';\nexport const run = (c: Context) => family(c);\n",
    'family.ts': "import type { Context } from './context';\nexport const family = (c: Context) => c;\n",
    'context.ts': 'export interface Context { n: number }\n',
  };
  // family.ts imports a type from engine.ts, which imports family.ts (the shape this project had).
  expect(lint({ ...files, 'family.ts': "import type { Run } from './engine';\nexport const family = (c: unknown) => c as Run;\n", 'engine.ts': "import { family } from './family';\nexport type Run = unknown;\nexport const run = (c: unknown) => family(c);\n" }, 'family.ts')).toEqual([
    expect.stringMatching(/Import cycle: family\.ts → engine\.ts → family\.ts/),
  ]);
  // A leaf the two share breaks it.
  expect(lint(files, 'engine.ts')).toEqual([]);
});
