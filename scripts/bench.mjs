#!/usr/bin/env node
// npm run bench — prints, in one run, for every fixture and for synthetic 支出决算表 workbooks of 5k, 50k and 200k
// coded rows: the median .xlsx parse time, the median check time and their ratio after warm-up runs; the same for the
// first parse and check of a new process (one `juesuan check`) and that process's peak memory; the growth from one
// size to the next. Then, through the fake Excel request context (test/excel/fake-excel.ts, loaded with TypeScript's
// transpiler), the syncs and bytes per request of reading and marking a 10-sheet workbook and of reading a 200k-row
// sheet under Excel on the web's limits (5 MB per request, 5 million cells per read).
// Then the browser playground in Chromium (playwright-core, Debian's /usr/bin/chromium) on the same synthetic workbooks
// at 5k, 50k and 200k rows: load time, 一键审核 time, click-on-a-finding-to-selection time, the longest main-thread task
// during each (PerformanceObserver longtask) and peak memory (page JS heap by CDP Performance.getMetrics, and the
// browser's whole process tree by proportional set size). `--playground` runs only that section (it builds dist/addin when missing).
// Beside the engine figures, the check time of the engine at an earlier commit (`--baseline <commit>`, default
// 6f04ab8, the engine before issue 16's recognition), built from `git archive` into a temporary directory, side by
// side with today's: warm, each in a process of its own, and in a new process.
// `--quick` skips 200k. Figures only; no test asserts a timing.
import { createRequire } from 'module';
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { readXlsx } = require(path.join(root, 'dist/host/xlsx-read.js'));
const { checkWorkbook } = require(path.join(root, 'dist/core/engine.js'));
const ExcelJS = require('exceljs');

const sizes = process.argv.includes('--quick') ? [5000, 50000] : [5000, 50000, 200000];
const playgroundOnly = process.argv.includes('--playground');
const baselineArg = process.argv.indexOf('--baseline');
const BASELINE = baselineArg > 0 ? process.argv[baselineArg + 1] : '6f04ab8';

/** The engine of an earlier commit, compiled from `git archive` with this checkout's node_modules. */
function buildBaseline(commit) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-baseline-'));
  const archive = execFileSync('git', ['-C', root, 'archive', commit, 'src', 'tsconfig.json', 'tsconfig.cli.json', 'package.json']);
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.cli.json')], { stdio: 'inherit' });
  return { dir, engine: path.join(dir, 'dist/core/engine.js') };
}

let baseline = null;

/** A 支出决算表 with `rows` 项 rows under 类/款 rows; every sum holds in integer cents, except one cent in every 997th 款. */
async function syntheticWorkbook(rows, file, { errorInLastKuan = false } = {}) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['支出决算表']).commit();
  ws.addRow([null, null, null, null, null, null, null, '公开03表']).commit();
  ws.addRow(['部门：基准测试单位', null, null, '2025年度', null, null, null, '金额单位：万元']).commit();
  ws.addRow(['项目', null, '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']).commit();
  ws.addRow(['功能分类科目编码', '科目名称']).commit();
  ws.addRow(['栏次', null, 1, 2, 3, 4, 5, 6]).commit();
  const perKuan = 99; // 项 codes 01–99: a 100th would be 8 digits, not a 项 code
  const kuanPerLei = 10;
  const leiCount = Math.ceil(rows / (perKuan * kuanPerLei));
  const body = [];
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const totals = [0, 0];
  let made = 0;
  for (let l = 0; l < leiCount && made < rows; l++) {
    const lei = String(201 + l);
    const leiRow = { code: lei, name: `类${lei}`, v: [0, 0] };
    body.push(leiRow);
    for (let k = 0; k < kuanPerLei && made < rows; k++) {
      const kuan = lei + String(k + 1).padStart(2, '0');
      const kuanRow = { code: kuan, name: `款${kuan}`, v: [0, 0] };
      body.push(kuanRow);
      for (let x = 0; x < perKuan && made < rows; x++, made++) {
        const basic = Math.floor(rand() * 1000000);
        const project = Math.floor(rand() * 100000);
        body.push({ code: kuan + String(x + 1).padStart(2, '0'), name: `项${x}`, v: [basic, project] });
        kuanRow.v[0] += basic; kuanRow.v[1] += project;
      }
      leiRow.v[0] += kuanRow.v[0]; leiRow.v[1] += kuanRow.v[1];
      if ((body.length % 997) < 1) kuanRow.v[0] += 1; // a 尾数误差 now and then
    }
    totals[0] += leiRow.v[0]; totals[1] += leiRow.v[1];
  }
  // The playground bench clicks a finding at the bottom of the sheet: one 款 100 元 off its 项 (an error).
  if (errorInLastKuan) body.filter((r) => r.code.length === 5).pop().v[0] += 10000;
  const money = (c) => c / 100;
  const write = (label, code, v) => {
    const row = ws.addRow([code, label, money(v[0] + v[1]), money(v[0]), money(v[1]), 0, 0, 0]);
    for (let c = 3; c <= 8; c++) row.getCell(c).numFmt = '#,##0.00';
    row.commit();
  };
  write('合计', null, totals);
  for (const r of body) write(r.name, r.code, r.v);
  ws.addRow(['注：本表反映部门本年度各项支出情况。']).commit();
  await wb.commit();
  return made;
}

function ms(t) {
  return Number(t) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Parses and checks one file `warmups` times unmeasured, then `runs` times; reports the medians, and the figures of
 * a new process (measureFresh). A collection is forced once before the warm-ups, never between runs: V8's forced full
 * collection reduces memory by discarding the compiled code of every function, so each run after one would pay
 * compilation again (parse and check 4× slower than in a pane or a batch run, where nothing forces it).
 */
async function measure(file, label, runs, warmups) {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const parses = [];
  const checks = [];
  let grid;
  let result;
  global.gc?.();
  for (let i = 0; i < warmups + runs; i++) {
    grid = null;
    result = null;
    const t0 = process.hrtime.bigint();
    grid = await readXlsx(bytes, path.basename(file));
    const t1 = process.hrtime.bigint();
    result = checkWorkbook(grid);
    const t2 = process.hrtime.bigint();
    if (i < warmups) continue;
    parses.push(ms(t1 - t0));
    checks.push(ms(t2 - t1));
  }
  const cells = grid.sheets.reduce((s, sh) => s + sh.rowCount * sh.colCount, 0);
  const parse = median(parses);
  const check = median(checks);
  return {
    label, runs, warmups, sizeKB: (bytes.length / 1024).toFixed(0), cells, parse, check, ratio: check / parse, findings: result.findings.length,
    fresh: measureFresh(file), oldFresh: measureFresh(file, baseline.engine), side: sideBySide(file, runs, warmups),
  };
}

/**
 * The warm check of the baseline engine and of today's, each in a process of its own (two engines in one process
 * share decimal.js and the grid's shapes, and the second to run paid for the first's compiled code), alternating
 * old, new, old, new; each figure is the lower of its two medians, the less disturbed by other load on the machine.
 */
function sideBySide(file, runs, warmups) {
  const once = (engine) => {
    const script = `
      const { readXlsx } = require(${JSON.stringify(path.join(root, 'dist/host/xlsx-read.js'))});
      const { checkWorkbook } = require(${JSON.stringify(engine)});
      const bytes = new Uint8Array(require('fs').readFileSync(${JSON.stringify(file)}));
      (async () => {
        const times = [];
        for (let i = 0; i < ${warmups + runs}; i++) {
          const grid = await readXlsx(bytes, 'x.xlsx');
          const t0 = process.hrtime.bigint();
          checkWorkbook(grid);
          if (i >= ${warmups}) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        times.sort((a, b) => a - b);
        console.log(times[Math.floor(times.length / 2)]);
      })();`;
    return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  };
  const olds = [];
  const news = [];
  for (let i = 0; i < 2; i++) {
    olds.push(once(baseline.engine));
    news.push(once(path.join(root, 'dist/core/engine.js')));
  }
  return { old: Math.min(...olds), now: Math.min(...news) };
}

/** The first parse and the first check in a new process, as one `juesuan check` of one file pays them. */
function measureFresh(file, engine = path.join(root, 'dist/core/engine.js')) {
  const script = `
    const { readXlsx } = require(${JSON.stringify(path.join(root, 'dist/host/xlsx-read.js'))});
    const { checkWorkbook } = require(${JSON.stringify(engine)});
    const bytes = new Uint8Array(require('fs').readFileSync(${JSON.stringify(file)}));
    (async () => {
      const t0 = process.hrtime.bigint();
      const grid = await readXlsx(bytes, 'x.xlsx');
      const t1 = process.hrtime.bigint();
      checkWorkbook(grid);
      const t2 = process.hrtime.bigint();
      console.log(JSON.stringify([Number(t1 - t0) / 1e6, Number(t2 - t1) / 1e6, process.resourceUsage().maxRSS / 1024]));
    })();`;
  const [parse, check, peakMB] = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  return { parse, check, peakMB };
}

function printTable(rows) {
  const head = ['workbook', 'KB', 'cells', 'runs', 'parse ms', 'check ms', 'check/parse', 'new process: parse ms', 'check ms', 'check/parse', 'peak MB', 'findings'];
  const data = rows.map((r) => [
    r.label, r.sizeKB, String(r.cells), `${r.warmups}+${r.runs}`, r.parse.toFixed(1), r.check.toFixed(1), r.ratio.toFixed(3),
    r.fresh.parse.toFixed(0), r.fresh.check.toFixed(0), (r.fresh.check / r.fresh.parse).toFixed(3), r.fresh.peakMB.toFixed(0), String(r.findings),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...data.map((d) => d[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const d of data) console.log(line(d));
}

if (!playgroundOnly) await benchEngineAndExcel();
await benchPlayground();

async function benchEngineAndExcel() {
baseline = buildBaseline(BASELINE);
const fixtures = fs.readdirSync(path.join(root, 'samples')).filter((f) => f.endsWith('.xlsx')).sort();
const results = [];
for (const name of fixtures) results.push(await measure(path.join(root, 'samples', name), name, 7, 15));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-'));
let previous = null;
const growth = [];
const runsFor = (n) => (n <= 5000 ? [5, 5] : n <= 50000 ? [3, 1] : [2, 0]);
for (const n of sizes) {
  const file = path.join(tmp, `synthetic-${n}.xlsx`);
  await syntheticWorkbook(n, file);
  const r = await measure(file, `synthetic ${n} rows`, ...runsFor(n));
  results.push(r);
  const times = (a, b) => `×${(a / b).toFixed(1)}`;
  if (previous) {
    growth.push(`${previous.n} → ${n} rows (×${n / previous.n}): parse ${times(r.parse, previous.r.parse)}, check ${times(r.check, previous.r.check)}; ` +
      `new process: parse ${times(r.fresh.parse, previous.r.fresh.parse)}, check ${times(r.fresh.check, previous.r.fresh.check)}, peak memory ${times(r.fresh.peakMB, previous.r.fresh.peakMB)}`);
  }
  previous = { n, r };
}
console.log('Per workbook: medians of `runs` parses and checks after `warm-ups` unmeasured ones (as in the pane or a batch');
console.log('run, where the code is compiled by then), and the first parse and check in a new process (one `juesuan check`).');
printTable(results);
console.log('');
console.log(`Check time side by side: the engine at ${BASELINE} and today's, warm (each in a process of its own) and in a new process.`);
{
  const head = ['workbook', `warm ${BASELINE} ms`, 'warm now ms', 'now/old', `new process ${BASELINE} ms`, 'new process now ms', 'now/old'];
  const pct = (a, b) => `${a >= b ? '+' : ''}${((a / b - 1) * 100).toFixed(0)} %`;
  const data = results.map((r) => [r.label, r.side.old.toFixed(1), r.side.now.toFixed(1), pct(r.side.now, r.side.old), r.oldFresh.check.toFixed(0), r.fresh.check.toFixed(0), pct(r.fresh.check, r.oldFresh.check)]);
  const widths = head.map((h, i) => Math.max(h.length, ...data.map((d) => d[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const d of data) console.log(line(d));
}
console.log('');
for (const g of growth) console.log(`growth ${g}`);
console.log(`peak memory: "peak MB" is the max RSS of the new process that parsed and checked the workbook once; this process, which kept every run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
fs.rmSync(tmp, { recursive: true, force: true });
fs.rmSync(baseline.dir, { recursive: true, force: true });

// ── The Excel host through the fake request context ────────────────────────────────────────────────────────────
/** Loads .ts files (the fake context and the Office.js host) by transpiling them; no build step for the bench. */
function registerTs() {
  const ts = require('typescript');
  const Module = require('module');
  Module._extensions['.ts'] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(out.outputText, filename);
  };
}
registerTs();
const { FakeDocument, FakeExcel, FakeSheet, supportsUpTo } = require(path.join(root, 'test/excel/fake-excel.ts'));
const { tenSheetDocument, finding } = require(path.join(root, 'test/excel/helpers.ts'));
const { ExcelHost, MAX_BYTES_PER_REQUEST, MAX_CELLS_PER_READ } = require(path.join(root, 'src/excel/excel-host.ts'));
const webLimits = { maxPayloadBytes: MAX_BYTES_PER_REQUEST, maxCellsPerRead: MAX_CELLS_PER_READ };
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const describeLog = (log) =>
  log.map((l) => `${kb(Math.max(l.requestBytes, l.responseBytes))}`).join(', ');
// A refused sync is a round trip Excel on the web answers with an error (or, over the cell limit, with null values).
const refusedIn = (log) => log.filter((l) => l.refused !== undefined || l.nullValues > 0).length;

console.log('');
console.log('Excel host (fake context, web limits 5 MB per request, 5 000 000 cells per read)');
{
  const doc = tenSheetDocument();
  const excel = new FakeExcel(doc, webLimits);
  const host = new ExcelHost({ run: excel.run, isSetSupported: supportsUpTo('1.18') });
  const t0 = performance.now();
  await host.readWorkbook();
  const readLog = excel.log.slice();
  const findings = doc.sheets.flatMap((s, i) => [finding(s.name, 'C4', 'error'), finding(s.name, 'D7', 'rounding'), finding(s.name, `B${10 + i}`, 'warning')]);
  await host.applyHighlights(findings);
  const markLog = excel.log.slice(readLog.length);
  console.log(`10 sheets × 32 rows × 8 columns: read ${readLog.length} syncs, ${refusedIn(readLog)} refused (largest request/response per sync: ${describeLog(readLog)}); ` +
    `mark ${findings.length} findings ${markLog.length} syncs (${describeLog(markLog)}); ${(performance.now() - t0).toFixed(0)} ms`);
}
{
  const rows = 200_000;
  const cols = 8;
  const doc = new FakeDocument();
  const sheet = new FakeSheet('支出明细');
  const letters = 'ABCDEFGH';
  sheet.cells.set('A1', { value: '支出决算表' });
  for (let r = 2; r <= rows + 1; r++) {
    sheet.cells.set(`A${r}`, { value: String(2010000 + r) });
    sheet.cells.set(`B${r}`, { value: `项目${r}` });
    for (let c = 2; c < cols; c++) sheet.cells.set(`${letters[c]}${r}`, { value: r * 10 + c + 0.25, numFmt: '#,##0.00' });
  }
  doc.sheets.push(sheet);
  const excel = new FakeExcel(doc, webLimits);
  const host = new ExcelHost({ run: excel.run, isSetSupported: supportsUpTo('1.18') });
  const t0 = performance.now();
  const wb = await host.readWorkbook();
  const log = excel.log;
  const maxReq = Math.max(...log.map((l) => l.requestBytes));
  const maxRes = Math.max(...log.map((l) => l.responseBytes));
  console.log(`one sheet, ${rows} rows × ${cols} columns (${rows * cols} cells): read ${log.length} syncs, ${refusedIn(log)} refused, ` +
    `largest request ${kb(maxReq)}, largest response ${(maxRes / 1048576).toFixed(2)} MB (limit 5 MB), ` +
    `${wb.sheets[0].rowCount} rows read; ${(performance.now() - t0).toFixed(0)} ms`);
  console.log(`  responses per sync: ${log.map((l) => `${(l.responseBytes / 1048576).toFixed(2)} MB`).join(', ')}`);
}
}

// ── The browser playground in Chromium ────────────────────────────────────────────────────────────────────────────
/**
 * Memory of a process and its descendants (Linux /proc), in MB: the proportional set size (shared pages divided
 * among the processes sharing them, so Chromium's shared libraries are not counted once per process); 0 without /proc.
 */
function treePssMB(pid) {
  let kb = 0;
  const seen = new Set();
  const walk = (p) => {
    if (seen.has(p)) return;
    seen.add(p);
    try {
      const rollup = fs.readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      kb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      for (const t of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        if (kids) kids.split(/\s+/).forEach((k) => walk(Number(k)));
      }
    } catch {
      /* the process ended meanwhile */
    }
  };
  walk(pid);
  return kb / 1024;
}

async function benchPlayground() {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) {
    console.log(`\nplayground: skipped (no Chromium at ${chromiumPath})`);
    return;
  }
  const dist = path.join(root, 'dist/addin');
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
    console.log('\nplayground: building dist/addin (npm run build)…');
    execFileSync(path.join(root, 'node_modules/.bin/webpack'), ['--mode', 'production'], { cwd: root, stdio: 'inherit' });
  }
  const { chromium } = require('playwright-core');
  const { serve } = await import(path.join(root, 'scripts/serve.mjs'));
  const server = await serve(dist, 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-pg-'));
  const rows = [];
  console.log('');
  console.log('Browser playground in Chromium (synthetic 支出决算表; one fresh browser per size)');
  for (const n of sizes) {
    const file = path.join(tmpDir, `synthetic-${n}.xlsx`);
    await syntheticWorkbook(n, file, { errorInLastKuan: true });
    // A flag Chromium ignores, to find this browser's process (and so its process tree) for the memory figure.
    const marker = `--juesuan-bench=${process.pid}-${n}`;
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [marker, '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
    });
    try {
      rows.push(await benchPlaygroundSize(browser, origin, file, n, findPid(marker)));
    } catch (e) {
      rows.push({ n, failed: e instanceof Error ? e.message.split('\n')[0] : String(e) });
    } finally {
      await browser.close();
    }
  }
  server.close();
  fs.rmSync(tmpDir, { recursive: true, force: true });
  const head = ['rows', 'KB', 'load ms', 'longest task', '一键审核 ms', 'longest task', 'click→selected ms', 'longest task', 'page JS heap peak MB', 'browser PSS peak MB', 'findings'];
  const data = rows.map((r) =>
    r.failed
      ? [String(r.n), '', `failed: ${r.failed}`, '', '', '', '', '', '', '', '']
      : [String(r.n), r.kb, r.load.toFixed(0), r.loadTask.toFixed(0), r.check.toFixed(0), r.checkTask.toFixed(0), r.click.toFixed(0), r.clickTask.toFixed(0), r.heapMB.toFixed(0), r.rssMB.toFixed(0), String(r.findings)],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...data.map((d) => d[i].length)));
  const line = (cells) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const d of data) console.log(line(d));
  console.log('"longest task" is the longest main-thread task (longtask entries, ≥ 50 ms; 0 = none) from the start of that step to its end;');
  console.log('load = file chosen → grid shown; 一键审核 = click → 审核完成; click→selected = click on the last finding → its cell selected and shown.');
}

/** The process whose command line holds `marker`, closest to the root (the browser, not a child that copied it). */
function findPid(marker) {
  const pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => a - b);
  for (const p of pids) {
    try {
      if (fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').includes(marker)) return p;
    } catch {
      /* gone */
    }
  }
  return null;
}

async function benchPlaygroundSize(browser, origin, file, n, pid) {
  const context = await browser.newContext();
  // Nothing may leave the origin, as in the e2e tests.
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await context.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let heapPeak = 0;
  let rssPeak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        heapPeak = Math.max(heapPeak, heap / 1048576);
      } catch {
        /* the page is busy or closing */
      }
      if (pid) rssPeak = Math.max(rssPeak, treePssMB(pid));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const now = () => page.evaluate(() => performance.now());
  const longest = (from, to) =>
    page.evaluate(([a, b]) => Math.max(0, ...window.__longtasks.filter(([s, d]) => s + d > a && s < b).map(([, d]) => d)), [from, to]);
  try {
    await page.goto(`${origin}/taskpane.html`);
    await page.getByLabel('打开工作簿文件').waitFor();
    // By path: Chromium reads the file itself, as when a person picks it (a buffer would be decoded by script in
    // the page, a long task that is the bench's, not the playground's).
    const t0 = await now();
    await page.getByLabel('打开工作簿文件').setInputFiles(file);
    await page.getByTestId('grid').waitFor({ timeout: 600_000 });
    await page.getByTestId('reading').waitFor({ state: 'detached', timeout: 600_000 });
    const t1 = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))));
    const loadTask = await longest(t0, t1);

    const t2 = await now();
    await page.getByRole('button', { name: '一键审核' }).click();
    await page.getByTestId('notice').filter({ hasText: '审核完成' }).waitFor({ timeout: 600_000 });
    const t3 = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))));
    const checkTask = await longest(t2, t3);
    const findings = await page.locator('button[aria-label^="选中 "]').count();

    // The last finding in the list: its row is far down the sheet, so selecting it scrolls the grid.
    const click = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const buttons = [...document.querySelectorAll('button[aria-label^="选中 "]')];
          const target = buttons[buttons.length - 1];
          if (!target) return reject(new Error('no finding to click'));
          const cell = target.getAttribute('aria-label').split('!').pop();
          const start = performance.now();
          const done = () => document.querySelector(`td[data-address="${cell}"][data-selected="true"]`);
          const obs = new MutationObserver(() => {
            if (done()) {
              obs.disconnect();
              requestAnimationFrame(() => resolve([start, performance.now()]));
            }
          });
          obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-selected'] });
          target.click();
          setTimeout(() => (obs.disconnect(), reject(new Error('the cell was not selected within 60 s'))), 60_000);
        }),
    );
    await new Promise((r) => setTimeout(r, 300)); // let a task that ends after the selection be recorded
    const clickTask = await longest(click[0], click[1]);
    return { n, kb: (fs.statSync(file).size / 1024).toFixed(0), load: t1 - t0, loadTask, check: t3 - t2, checkTask, click: click[1] - click[0], clickTask, heapMB: heapPeak, rssMB: rssPeak, findings };
  } finally {
    sampling = false;
    await sampler;
    await context.close();
  }
}

// ── Hostile files: refusal time and peak memory of each kind of bomb ───────────────────────────────────────────
await import('./bench-bombs.mjs');
