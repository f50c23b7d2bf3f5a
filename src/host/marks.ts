/**
 * What the add-in writes, independent of any host: row fills per severity, the note text on a stated cell, and the
 * rows of the 审核结果 sheet. Colours are the CLI's (xlsx-annotate.ts HIGHLIGHT_ARGB) so a workbook looks the same
 * whichever tool marked it; a test keeps the two in step without pulling exceljs into the pane bundle.
 */
import { parseA1 } from '../core/address';
import { CheckResult, Finding, SEVERITY_LABEL, Severity, SheetSummary } from '../core/findings';
import { figuresLine, nextStep, showFigure, showMessage, shownDifference, worstFirst } from '../core/present';
import { FillState, findingKey } from './journal';

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

/** One finding as a note reads it: what is wrong, the figures in the sheet's style, and the next step. */
export function findingNoteLines(f: Finding): string {
  const figures = figuresLine(f);
  const step = nextStep(f);
  return `${SEVERITY_LABEL[f.severity]} ${f.rule}：${showMessage(f.message)}${figures ? `\n${figures}` : ''}${step ? `\n建议：${step}` : ''}`;
}

/** The note on a stated cell; the first line names the cell so the add-in can recognise its own comment. */
export function noteTextFor(sheet: string, cell: string, findings: Finding[]): string {
  return `${NOTE_TAG}${sheet}!${cell}\n${findings.map(findingNoteLines).join('\n')}`;
}

export interface RowMark {
  sheet: string;
  row: number;
  severity: MarkSeverity;
  /** 0-based inclusive column span to fill; absent: the whole row. */
  cols?: { from: number; to: number };
}

/** A two-sided table's half (`D:I`) as 0-based columns. */
function spanOf(range: string): { from: number; to: number } | null {
  const [a, b] = range.split(':');
  const from = parseA1(`${a}1`);
  const to = parseA1(`${b}1`);
  return from && to ? { from: from.col, to: to.col } : null;
}

/**
 * The worst severity per failing row (info findings are listed in the pane only). On a two-sided table only the
 * half holding the stated cell is filled: a wrong 支出 total must not paint the 收入 side that adds up.
 */
export function rowMarks(findings: Finding[], sheets: SheetSummary[] = []): RowMark[] {
  const halves = new Map<string, { from: number; to: number }[]>();
  for (const s of sheets) {
    const spans = (s.halves ?? []).map(spanOf).filter((x): x is { from: number; to: number } => !!x);
    if (spans.length === 2) halves.set(s.name, spans);
  }
  const rows = new Map<string, RowMark>();
  for (const f of findings) {
    if (f.severity === 'info' || !f.cell) continue;
    const pos = parseA1(f.cell);
    if (!pos) continue;
    const cols = halves.get(f.sheet)?.find((h) => pos.col >= h.from && pos.col <= h.to);
    const key = `${f.sheet}\u0000${pos.row}\u0000${cols ? cols.from : ''}`;
    const prev = rows.get(key);
    if (!prev || RANK[f.severity] > RANK[prev.severity]) rows.set(key, { sheet: f.sheet, row: pos.row, severity: f.severity, ...(cols ? { cols } : {}) });
  }
  return [...rows.values()];
}

/** The columns a mark fills within a sheet `width` columns wide. */
export function markColumns(m: RowMark, width: number): number[] {
  const from = m.cols ? m.cols.from : 0;
  const to = m.cols ? Math.min(m.cols.to, width - 1) : width - 1;
  const out: number[] = [];
  for (let c = from; c <= to; c++) out.push(c);
  return out;
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
export const REPORT_HEADER = ['序号', '工作表', '单元格', '规则', '类型', '说明', '填报数', '应为', '差额', '建议', '出错说明'];

/**
 * Every finding as a row of text, worst first, figures in the sheet's style; 建议 is the next step, 出错说明 holds
 * the accountant's own explanation (已说明) or stays empty for them to fill.
 */
export function reportRows(result: CheckResult, explained: Record<string, string> = {}): string[][] {
  const rows = worstFirst(result).map((f, i) => {
    const reading = f.severity === 'info' && !f.rule.startsWith('S-ADV-');
    return [
      String(i + 1),
      f.sheet,
      f.cell ?? '',
      f.rule,
      SEVERITY_LABEL[f.severity],
      showMessage(f.message),
      showFigure(f.stated),
      reading ? '' : showFigure(f.expected),
      reading ? '' : (shownDifference(f) ?? ''),
      nextStep(f) ?? '',
      explained[findingKey(f)] ?? '',
    ];
  });
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
