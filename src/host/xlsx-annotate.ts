/**
 * Writes a copy of a workbook with the failing rows filled and a note on each stated cell (`juesuan check
 * --annotate`), and the shared rewrite step `juesuan fix` uses. The input bytes are never modified.
 */
import ExcelJS from 'exceljs';
import { Finding, Severity, SheetSummary } from '../core/findings';
import { findingNoteLines, markColumns, rowMarks } from './marks';
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
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(input) as unknown as ArrayBuffer);
  await edit(wb);
  const out = new Uint8Array(await wb.xlsx.writeBuffer());
  const lost = lostParts(await countParts(input), await countParts(out));
  return { bytes: out, lost };
}

export function noteText(f: Finding): string {
  return `【决算校验·${f.severity === 'error' ? '错误' : f.severity === 'rounding' ? '尾数误差' : '提示'}】${findingNoteLines(f).replace(/^\S+ /, '')}`;
}

export async function annotateWorkbook(input: Uint8Array, findings: Finding[], sheets: SheetSummary[] = []): Promise<RewriteResult> {
  const marked = findings.filter((f) => f.severity !== 'info' && f.cell);
  return rewriteWorkbook(input, (wb) => {
    // Which cells to fill is the shared marking logic's decision (marks.ts), the same as in the pane.
    for (const mark of rowMarks(marked, sheets)) {
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
