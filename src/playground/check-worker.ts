/**
 * The playground's check, off the page's main thread: the engine takes a few hundred milliseconds on a 50 000-row
 * sheet and about a second on 200 000 rows, and on the main thread that is one task the page cannot answer during.
 * The page sends the workbook as it reads it from its in-memory host (sheets, then rows in slices, so sending is
 * never one long task either), then asks for the check; the same engine, the same result.
 */
import { checkInContext } from '../core/engine';
import { Cell, SheetGrid, WorkbookGrid } from '../core/grid';
import { CheckResult, TemplateId } from '../core/findings';

export type CheckRequest =
  | { kind: 'begin'; fileName: string; sheets: SheetGrid[] }
  | { kind: 'rows'; sheet: number; rows: (Cell | undefined)[][] }
  /** 指定表类型: the accountant's templates by sheet name. */
  | { kind: 'check'; templates: [string, TemplateId][] };

export type CheckReply = { kind: 'result'; result: CheckResult } | { kind: 'error'; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<CheckRequest>) => void) | null; postMessage: (m: CheckReply) => void };

let workbook: WorkbookGrid | null = null;

scope.onmessage = (e) => {
  const m = e.data;
  if (m.kind === 'begin') {
    workbook = { fileName: m.fileName, sheets: m.sheets };
  } else if (m.kind === 'rows') {
    const cells = workbook!.sheets[m.sheet].cells;
    for (const row of m.rows) cells.push(row);
  } else {
    try {
      scope.postMessage({ kind: 'result', result: checkInContext(workbook!, { templates: new Map(m.templates) }).result });
    } catch (err) {
      scope.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      workbook = null;
    }
  }
};
