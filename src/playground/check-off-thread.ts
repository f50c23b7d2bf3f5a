/**
 * The pane's check for the playground: the workbook goes to a Web Worker in slices, one short task each, and the
 * engine runs there (check-worker.ts). The recognitions the draft tab uses are made on this thread only when that
 * tab asks for them. Where a worker cannot be started the check runs here, as in the add-in.
 */
import { CheckedWorkbook, CheckOptions, WorkbookContext, checkInContext, recognizeSheet } from '../core/engine';
import { WorkbookGrid } from '../core/grid';
import { Recognition, isRecognition } from '../core/recognition';
import type { CheckReply, CheckRequest } from './check-worker';

/** Rows per message, as the reader sends them. */
const ROWS_PER_MESSAGE = 4000;

const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/** The workbook with its recognitions made on first use (the draft tab), not with every check. */
function lazyContext(workbook: WorkbookGrid, options: CheckOptions): WorkbookContext {
  let recognitions: Recognition[] | null = null;
  return {
    workbook,
    get recognitions() {
      recognitions ??= workbook.sheets.map((s) => recognizeSheet(s, options.templates?.get(s.name))).filter(isRecognition);
      return recognitions;
    },
  };
}

export function offThreadChecker(): { check: (wb: WorkbookGrid, options?: CheckOptions) => Promise<CheckedWorkbook>; dispose: () => void } {
  let worker: Worker | null = null;
  const start = (): Worker | null => {
    if (worker) return worker;
    try {
      // @ts-expect-error -- tsconfig's module is commonjs for the CLI and jest; webpack compiles this file as esnext.
      worker = new Worker(new URL('./check-worker.ts', import.meta.url), { name: 'juesuan-check' });
    } catch {
      worker = null;
    }
    return worker;
  };

  const check = async (wb: WorkbookGrid, options: CheckOptions = {}): Promise<CheckedWorkbook> => {
    const w = start();
    if (!w) return checkInContext(wb, options);
    const reply = new Promise<CheckReply>((resolve) => {
      w.onmessage = (e: MessageEvent<CheckReply>) => resolve(e.data);
      w.onerror = (e) => resolve({ kind: 'error', message: e.message || '后台校验中止' });
    });
    const send = (m: CheckRequest) => w.postMessage(m);
    send({ kind: 'begin', fileName: wb.fileName, sheets: wb.sheets.map((s) => ({ ...s, cells: [] })) });
    for (let i = 0; i < wb.sheets.length; i++) {
      const cells = wb.sheets[i].cells;
      for (let r = 0; r < cells.length; r += ROWS_PER_MESSAGE) {
        send({ kind: 'rows', sheet: i, rows: cells.slice(r, r + ROWS_PER_MESSAGE) });
        await nextTask();
      }
    }
    send({ kind: 'check', templates: [...(options.templates ?? new Map())] });
    const m = await reply;
    if (m.kind === 'error') {
      // A worker that failed is not reused; the check is still done, here.
      w.terminate();
      worker = null;
      return checkInContext(wb, options);
    }
    return { result: m.result, context: lazyContext(wb, options) };
  };

  // Started with the workbook, so its code is loaded and compiled before the first 一键审核.
  start();
  return { check, dispose: () => (worker?.terminate(), (worker = null)) };
}
