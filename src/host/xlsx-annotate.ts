/**
 * Writes a copy of a workbook with the failing rows filled and a note on each stated cell (`juesuan check
 * --annotate`), and the shared rewrite step `juesuan fix` uses. The input bytes are never modified.
 */
import ExcelJS from 'exceljs';
import { columnLetters } from '../core/address';
import { Finding, Severity, SheetSummary } from '../core/findings';
import { findingNoteLines, markColumns, rowMarks } from './marks';
import { scanPackage } from './package-scan';
import { PatchUnsupported, WorkbookPatch } from './xlsx-patch';
import { countParts, lostParts } from './xlsx-parts';

/** Row fills: 错误 red, 尾数误差 amber, 提示 blue — distinct also for colour-blind readers by lightness. */
export const HIGHLIGHT_ARGB: Record<Exclude<Severity, 'info'>, string> = {
  error: 'FFFFC7CE',
  rounding: 'FFFFEB9C',
  warning: 'FFDDEBF7',
};

export interface RewriteResult {
  bytes: Uint8Array;
  /** Parts of the original the copy lost (Chinese labels with counts). */
  lost: string[];
}

/** Loads the bytes, lets `edit` change the workbook, writes a new file and reports what it could not carry over. */
export async function rewriteWorkbook(input: Uint8Array, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<RewriteResult> {
  // The same limits as reading: a bomb in a part the check never looked at must not reach exceljs here either.
  scanPackage(input, '工作簿');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  unshareFormulas(wb);
  await edit(wb);
  const out = new Uint8Array(await wb.xlsx.writeBuffer());
  const lost = lostParts(await countParts(input), await countParts(out));
  return { bytes: out, lost };
}

/**
 * Gives every cell of a shared formula its own formula (the master's, moved to the cell) before anything is edited:
 * exceljs cannot write a shared formula whose master was edited, and crashes on one whose master is missing. A cell
 * whose formula cannot be recovered (no master) keeps its saved result as a value, never an empty formula.
 */
function unshareFormulas(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const model = (cell as unknown as { _value: { model: { sharedFormula?: string; shareType?: string; formula?: string; result?: unknown } } })._value.model;
        if (!model.sharedFormula && model.shareType !== 'shared') {
          if (model.formula || model.shareType === 'array') return;
        }
        let formula: string | undefined;
        try {
          formula = cell.formula || undefined;
        } catch {
          formula = undefined;
        }
        const result = model.result as ExcelJS.CellValue | undefined;
        cell.value = formula ? ({ formula, result } as ExcelJS.CellFormulaValue) : result ?? null;
      }),
    ),
  );
}

/**
 * Writes a copy by patching only what `edit` changes, every other part copied unread (xlsx-patch.ts); nothing is
 * lost. A package the patcher does not handle (prefixed XML, no style sheet) goes through the full rewrite instead.
 */
export async function patchWorkbook(
  input: Uint8Array,
  edit: (patch: WorkbookPatch) => void,
  fallback: (wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<RewriteResult> {
  try {
    const patch = new WorkbookPatch(input, '工作簿');
    edit(patch);
    return { bytes: patch.toBytes(), lost: [] };
  } catch (e) {
    if (!(e instanceof PatchUnsupported)) throw e;
  }
  return rewriteWorkbook(input, fallback);
}

export function noteText(f: Finding): string {
  return `【决算校验·${f.severity === 'error' ? '错误' : f.severity === 'rounding' ? '尾数误差' : '提示'}】${findingNoteLines(f).replace(/^\S+ /, '')}`;
}

export async function annotateWorkbook(input: Uint8Array, findings: Finding[], sheets: SheetSummary[] = []): Promise<RewriteResult> {
  const marked = findings.filter((f) => f.severity !== 'info' && f.cell);
  // Which cells to fill is the shared marking logic's decision (marks.ts), the same as in the pane.
  const marks = rowMarks(marked, sheets);
  return patchWorkbook(input, (patch) => {
    for (const mark of marks) {
      const argb = HIGHLIGHT_ARGB[mark.severity as Exclude<Severity, 'info'>];
      for (const c0 of markColumns(mark, Math.max(patch.columnCount(mark.sheet), 1))) patch.fill(mark.sheet, `${columnLetters(c0)}${mark.row + 1}`, argb);
    }
    for (const f of marked) patch.note(f.sheet, f.cell!, noteText(f));
  }, (wb) => {
    for (const mark of marks) {
      const severity = mark.severity;
      const ws = wb.getWorksheet(mark.sheet);
      if (!ws) continue;
      const row = ws.getRow(mark.row + 1);
      for (const c0 of markColumns(mark, Math.max(ws.columnCount, 1))) {
        const cell = row.getCell(c0 + 1);
        // exceljs shares one style object among cells loaded with the same style: give this cell its own copy,
        // or every cell of that style in the workbook turns red.
        cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_ARGB[severity as Exclude<Severity, 'info'>] } } };
      }
    }
    const notes = new Map<string, string[]>();
    for (const f of marked) {
      const key = `${f.sheet}\u0000${f.cell}`;
      notes.set(key, [...(notes.get(key) ?? []), noteText(f)]);
    }
    for (const [key, texts] of notes) {
      const [sheetName, address] = key.split('\u0000');
      const ws = wb.getWorksheet(sheetName);
      if (!ws) continue;
      const cell = ws.getCell(address);
      const existing = typeof cell.note === 'string' ? cell.note : cell.note ? (cell.note.texts ?? []).map((t) => t.text).join('') : '';
      cell.note = [existing, ...texts].filter(Boolean).join('\n\n');
    }
  });
}
