/** Test helpers shared by every suite: fixture loading and scoring against the truth files kept in the repo. */
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'worker_threads';
import ExcelJS from 'exceljs';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { checkWorkbook } from '../src/core/engine';
import { CheckResult } from '../src/core/findings';
import { WorkbookGrid } from '../src/core/grid';
import { readXlsx } from '../src/host/xlsx-read';

/** Each workbook is kept once, in samples/ (where `npm run demo` and the playground find it). */
export const SAMPLES = path.join(__dirname, '..', 'samples');
/** Their truth files and the repo's copy of the shared scorer. */
export const FIXTURES = path.join(__dirname, 'fixtures');

export function fixturePath(name: string): string {
  return path.join(name.endsWith('.xlsx') ? SAMPLES : FIXTURES, name);
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(fixturePath(name)));
}

const cache = new Map<string, Promise<WorkbookGrid>>();

/** A fresh grid each call (tests mutate grids to make broken cases). */
export async function loadFixture(name: string): Promise<WorkbookGrid> {
  return readXlsx(fixtureBytes(name), name);
}

/** The same fixture read once per test file, for read-only use. */
export function sharedFixture(name: string): Promise<WorkbookGrid> {
  if (!cache.has(name)) cache.set(name, loadFixture(name));
  return cache.get(name)!;
}

export function readTruth(name: string): any {
  return JSON.parse(fs.readFileSync(fixturePath(name), 'utf8'));
}

/** The contract JSON the CLI prints for a result. */
export function contractJson(result: CheckResult): object {
  return { file: result.file, sheets: result.sheets, findings: result.findings };
}

export interface Score {
  summary: string;
  pass: boolean;
  [k: string]: unknown;
}

let scorer: { port: MessagePort; flag: Int32Array; worker: Worker } | null = null;

/** The scorer's worker thread (test/score-worker.mjs), started once per test file; it does not keep jest alive. */
function scorerThread(): NonNullable<typeof scorer> {
  if (!scorer) {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const worker = new Worker(path.join(__dirname, 'score-worker.mjs'), { workerData: { port: port2, signal }, transferList: [port2] });
    worker.unref();
    port1.unref();
    scorer = { port: port1, flag: new Int32Array(signal), worker };
  }
  return scorer;
}

/**
 * Scores a result against a truth file with the shared scorer's own `scoreOutput` (a copy is kept in test/fixtures),
 * in-process: the call waits on the scorer's thread, so tests keep a plain synchronous call.
 */
export function score(truthName: string, result: CheckResult, thresholds: string[] = []): Score {
  const { port, flag } = scorerThread();
  Atomics.store(flag, 0, 0);
  port.postMessage({ truth: readTruth(truthName), output: JSON.parse(JSON.stringify(contractJson(result))), argv: thresholds });
  if (Atomics.wait(flag, 0, 0, 60_000) === 'timed-out') throw new Error('评分线程 60 秒无响应');
  const reply = receiveMessageOnPort(port)?.message as { result?: Score; error?: string } | undefined;
  if (!reply?.result) throw new Error(`评分失败：${reply?.error ?? '没有结果'}`);
  return reply.result;
}

export async function checkFixture(name: string): Promise<CheckResult> {
  return checkWorkbook(await loadFixture(name));
}

/** Extra cell kinds the plain grid writer does not know. */
type Extra = { rich?: string; error?: string; formulaOnly?: string; date?: Date; numFmt?: string };

export interface XlsxOptions {
  hiddenCols?: Record<string, number[]>;
  protect?: string[];
  extras?: Record<string, Record<string, Extra>>;
  hiddenSheets?: string[];
}

/**
 * Writes a grid as an .xlsx with exceljs (values, number formats, merges, hidden rows), plus what the options add:
 * error values, formulas without results, rich text, hidden columns and sheets, protection.
 */
export async function gridToXlsx(wb: WorkbookGrid, o: XlsxOptions = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const sheet of wb.sheets) {
    const ws = book.addWorksheet(sheet.name);
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const t = ws.getCell(r + 1, c + 1);
        if (cell.formula) t.value = { formula: cell.formula, result: cell.formulaWithoutValue ? undefined : (cell.value as number) } as ExcelJS.CellValue;
        else t.value = cell.value as ExcelJS.CellValue;
        if (cell.numFmt) t.numFmt = cell.numFmt;
      }),
    );
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const r of sheet.hiddenRows) ws.getRow(r + 1).hidden = true;
    for (const c of o.hiddenCols?.[sheet.name] ?? []) ws.getColumn(c + 1).hidden = true;
    for (const [addr, x] of Object.entries(o.extras?.[sheet.name] ?? {})) {
      const t = ws.getCell(addr);
      if (x.rich !== undefined) t.value = { richText: [{ text: x.rich.slice(0, 2), font: { bold: true } }, { text: x.rich.slice(2) }] };
      if (x.error !== undefined) t.value = { error: x.error } as ExcelJS.CellErrorValue;
      if (x.formulaOnly !== undefined) t.value = { formula: x.formulaOnly } as ExcelJS.CellFormulaValue;
      if (x.date !== undefined) t.value = x.date;
      if (x.numFmt !== undefined) t.numFmt = x.numFmt;
    }
    if (o.protect?.includes(sheet.name)) await ws.protect('密码', {});
    if (o.hiddenSheets?.includes(sheet.name)) ws.state = 'hidden';
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-test-'));
}
