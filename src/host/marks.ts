/**
 * What the add-in writes, independent of any host: row fills per severity, the note text on a stated cell, and the
 * rows of the 审核结果 sheet. Colours are the CLI's (xlsx-annotate.ts HIGHLIGHT_ARGB) so a workbook looks the same
 * whichever tool marked it; a test keeps the two in step without pulling exceljs into the pane bundle.
 */
import { parseA1 } from '../core/address';
import { CheckResult, Finding, SEVERITY_LABEL, Severity } from '../core/findings';
import { FillState } from './journal';

export type MarkSeverity = Exclude<Severity, 'info'>;

export const HIGHLIGHT_COLOR: Record<MarkSeverity, string> = {
  error: '#FFC7CE',
  rounding: '#FFEB9C',
  warning: '#DDEBF7',
};

const RANK: Record<Severity, number> = { error: 3, rounding: 2, warning: 1, info: 0 };

export function highlightFill(severity: MarkSeverity): FillState {
  return { color: HIGHLIGHT_COLOR[severity], pattern: 'Solid' };
}

/** True when a fill is one the add-in writes (used to find rows marked by an earlier run). */
export function isHighlightFill(fill: FillState): boolean {
  const c = (fill.color ?? '').toUpperCase();
  return fill.pattern === 'Solid' && Object.values(HIGHLIGHT_COLOR).some((h) => h === c);
}

export const NOTE_TAG = '【决算校验】';

/** The note on a stated cell; the first line names the cell so the add-in can recognise its own comment. */
export function noteTextFor(sheet: string, cell: string, findings: Finding[]): string {
  const lines = findings.map((f) => {
    const figures =
      f.expected !== null ? `\n填报数 ${f.stated ?? '（空）'}，应为 ${f.expected}${f.difference ? `，差额 ${f.difference}` : ''}` : '';
    return `${SEVERITY_LABEL[f.severity]} ${f.rule}：${f.message}${figures}`;
  });
  return `${NOTE_TAG}${sheet}!${cell}\n${lines.join('\n')}`;
}

export interface RowMark {
  sheet: string;
  row: number;
  severity: MarkSeverity;
}

/** The worst severity per failing row (info findings are listed in the pane only). */
export function rowMarks(findings: Finding[]): RowMark[] {
  const rows = new Map<string, RowMark>();
  for (const f of findings) {
    if (f.severity === 'info' || !f.cell) continue;
    const pos = parseA1(f.cell);
    if (!pos) continue;
    const key = `${f.sheet}\u0000${pos.row}`;
    const prev = rows.get(key);
    if (!prev || RANK[f.severity] > RANK[prev.severity]) rows.set(key, { sheet: f.sheet, row: pos.row, severity: f.severity });
  }
  return [...rows.values()];
}

/** Findings grouped by stated cell, for notes. */
export function notesByCell(findings: Finding[]): Map<string, { sheet: string; cell: string; findings: Finding[] }> {
  const out = new Map<string, { sheet: string; cell: string; findings: Finding[] }>();
  for (const f of findings) {
    if (f.severity === 'info' || !f.cell || !parseA1(f.cell)) continue;
    const cell = f.cell.replace(/\$/g, '').toUpperCase();
    const key = `${f.sheet}\u0000${cell}`;
    const g = out.get(key) ?? { sheet: f.sheet, cell, findings: [] };
    g.findings.push(f);
    out.set(key, g);
  }
  return out;
}

export const REPORT_SHEET = '审核结果';
export const REPORT_HEADER = ['序号', '工作表', '单元格', '规则', '类型', '说明', '填报数', '应为', '差额', '出错说明'];

/** Every finding as a row of text (the 出错说明 column left empty for the accountant). */
export function reportRows(result: CheckResult): string[][] {
  const rows = result.findings.map((f, i) => [
    String(i + 1),
    f.sheet,
    f.cell ?? '',
    f.rule,
    SEVERITY_LABEL[f.severity],
    f.message,
    f.stated ?? '',
    f.expected ?? '',
    f.difference ?? '',
    '',
  ]);
  return [REPORT_HEADER, ...rows];
}

export function uniqueSheetName(base: string, existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base}${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
