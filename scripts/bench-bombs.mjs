// The hostile files of test/hostile/package.ts (loaded with TypeScript's transpiler): for each kind of bomb, the
// refusal time and peak memory of one `juesuan check` in a new process (target: under 10 s and 1 GB each), and the
// refusal line. Also the worst package that passes the pre-scan: a sheet part just under the part limit. Figures only.
// Run alone: `npm run build:cli && node scripts/bench-bombs.mjs`; `npm run bench` runs it last.
import { createRequire } from 'module';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const ts = require('typescript');
const Module = require('module');
if (!Module._extensions['.ts']) {
  Module._extensions['.ts'] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(out.outputText, filename);
  };
}
const { BOMBS, bombPart, workbookParts, zipOf, SHEET_HEAD, SHEET_TAIL } = require(path.join(root, 'test/hostile/package.ts'));
const { READING_LIMITS } = require(path.join(root, 'dist/host/package-scan.js'));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-bombs-'));
const cases = [
  ...BOMBS.map((b) => ({ name: b.name, what: b.what, bytes: b.bytes })),
  {
    name: '空白但未超限.xlsx',
    what: `a sheet of spaces just under the ${READING_LIMITS.partBytes / 1048576} MB part limit, declared honestly (passes the pre-scan: the full reader's cost)`,
    bytes: () => zipOf(workbookParts([['公开08', bombPart('xl/worksheets/sheet1.xml', SHEET_HEAD, ' '.repeat(1024), READING_LIMITS.partBytes - 2 * 1048576, SHEET_TAIL)]])),
  },
];

const child = `
  const { main } = require(${JSON.stringify(path.join(root, 'dist/cli/main.js'))});
  let err = '';
  const t0 = process.hrtime.bigint();
  main(['check', process.argv[1]], { out: () => {}, err: (t) => (err += t) }).then((code) => {
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(JSON.stringify({ code, ms, peakMB: process.resourceUsage().maxRSS / 1024, line: err.trim().split('\\n')[0] }));
  });`;

console.log('');
console.log('Hostile files: one `juesuan check` per file in a new process (target: refused under 10 s and 1 GB)');
const rows = [];
for (const c of cases) {
  const file = path.join(tmp, c.name);
  const bytes = c.bytes();
  fs.writeFileSync(file, bytes);
  let r;
  try {
    r = JSON.parse(execFileSync(process.execPath, ['-e', child, file], { encoding: 'utf8', maxBuffer: 1 << 24 }));
  } catch (e) {
    r = { code: 'crash', ms: NaN, peakMB: NaN, line: String(e.message).split('\n')[0] };
  }
  rows.push(r);
  console.log(`${c.name.padEnd(12)} ${(bytes.length / 1024).toFixed(0).padStart(6)} KB  exit ${r.code}  ${(r.ms / 1000).toFixed(2).padStart(6)} s  peak ${r.peakMB.toFixed(0).padStart(5)} MB  ${c.what}`);
  console.log(`    ${r.line.replace(file, c.name)}`);
}
fs.rmSync(tmp, { recursive: true, force: true });
