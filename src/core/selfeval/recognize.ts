/**
 * Recognition of 绩效自评表 by content (selfeval.md §1, §5): split a sheet into stacked tables at title rows, find
 * each table's zones and columns by their words, decide kind and variant by the header signature and cues.
 */
import { Unit } from '../findings';
import { mergeCovering, SheetGrid } from '../grid';
import { norm } from '../text';
import { BudgetBlock, IndicatorBlock, IndicatorRow, SelfEvalKind, SelfEvalTable, TotalRow, WeightBlock } from './model';
import { firstText, headerTexts, isEmpty, normAt, rowCells, rowHasNumber, rowIsEmpty } from './sheet';
import {
  BLOCK_WEIGHT,
  BUDGET_COLUMNS,
  BUDGET_HEADER_EXEC,
  BUDGET_HEADER_RATE,
  BUDGET_STOP,
  BUDGET_TOTAL_LABEL,
  BudgetField,
  DEPARTMENT_TITLE,
  Form,
  GRADE_LABEL,
  GRADES,
  INDICATOR_COLUMNS,
  INDICATOR_HEADER_L1,
  INDICATOR_HEADER_SCORE,
  IndicatorField,
  PROJECT_TITLE,
  SUBHEADER,
  TARGET_TABLE_CUE,
  TARGET_TITLE,
  TITLE,
  TITLE_MAX_LENGTH,
  TOTAL_ROW,
  TRAILER,
  Variant,
} from './vocab';

export type TitleKind = SelfEvalKind | 'target' | null;

export function titleKind(text: string): TitleKind {
  if (DEPARTMENT_TITLE.test(text)) return 'department-selfeval';
  if (PROJECT_TITLE.test(text)) return 'project-selfeval';
  if (TARGET_TITLE.test(text)) return 'target';
  return null;
}

/** A row is a title row when its only text (or its first, short text) is a self-evaluation or target-table title. */
export function isTitleRow(sheet: SheetGrid, row: number): boolean {
  const cells = rowCells(sheet, row);
  if (cells.length === 0 || cells.length > 2) return false;
  const t = cells[0][1];
  if (t.length > TITLE_MAX_LENGTH || TRAILER.test(t)) return false;
  return TITLE.test(t);
}

export interface TableSplit {
  top: number;
  bottom: number;
  titleRow: number | null;
  title: string;
}

/** Each title row starts a table; content above the first title (if it holds a grid) is a table without title. */
export function splitTables(sheet: SheetGrid): TableSplit[] {
  const titles: number[] = [];
  for (let r = 0; r < sheet.rowCount; r++) if (isTitleRow(sheet, r)) titles.push(r);
  const out: TableSplit[] = [];
  const last = sheet.rowCount - 1;
  if (titles.length === 0) return [{ top: 0, bottom: last, titleRow: null, title: '' }];
  if (titles[0] > 0) {
    const pre = { top: 0, bottom: titles[0] - 1, titleRow: null, title: '' };
    if (findBudgetHeader(sheet, pre.top, pre.bottom) !== null || findIndicatorHeader(sheet, pre.top, pre.bottom) !== null) out.push(pre);
  }
  titles.forEach((t, i) => {
    out.push({ top: t, bottom: i + 1 < titles.length ? titles[i + 1] - 1 : last, titleRow: t, title: firstText(sheet, t) });
  });
  return out;
}

export function findBudgetHeader(sheet: SheetGrid, top: number, bottom: number): number | null {
  for (let r = top; r <= bottom; r++) {
    const cells = rowCells(sheet, r);
    if (cells.some(([, t]) => BUDGET_HEADER_EXEC.test(t) && t.length <= 20) && cells.some(([, t]) => BUDGET_HEADER_RATE.test(t) && t.length <= 12)) return r;
  }
  return null;
}

export function findIndicatorHeader(sheet: SheetGrid, top: number, bottom: number): number | null {
  for (let r = top; r <= bottom; r++) {
    const cells = rowCells(sheet, r);
    if (cells.some(([, t]) => INDICATOR_HEADER_L1.test(t)) && cells.some(([, t]) => INDICATOR_HEADER_SCORE.test(t))) return r;
  }
  return null;
}

function headerRowsFrom(sheet: SheetGrid, row: number, bottom: number): number[] {
  const rows = [row];
  const next = row + 1;
  if (next <= bottom && !rowHasNumber(sheet, next)) {
    const cells = rowCells(sheet, next);
    if (cells.length > 0 && cells.some(([, t]) => SUBHEADER.test(t))) rows.push(next);
  }
  return rows;
}

function matchColumns<F extends string>(texts: string[], table: ReadonlyArray<[F, RegExp]>): Partial<Record<F, number>> {
  const cols: Partial<Record<F, number>> = {};
  texts.forEach((t, col) => {
    if (!t) return;
    for (const [field, re] of table) {
      if (re.test(t)) {
        if (cols[field] === undefined) cols[field] = col;
        break;
      }
    }
  });
  return cols;
}

function readBudget(sheet: SheetGrid, span: TableSplit, headerRow: number, stopRow: number): BudgetBlock {
  const headerRows = headerRowsFrom(sheet, headerRow, span.bottom);
  const texts = headerTexts(sheet, headerRows, sheet.colCount);
  const cols = matchColumns<BudgetField>(texts, BUDGET_COLUMNS);
  const amountCols = (['init', 'target', 'full', 'exec'] as BudgetField[]).map((f) => cols[f]).filter((c): c is number => c !== undefined);
  const firstAmount = amountCols.length ? Math.min(...amountCols) : 1;
  const start = headerRows[headerRows.length - 1] + 1;
  // A zone label merged down the left edge (项目资金（万元）, 预算执行情况) bounds the block.
  let end = Math.min(stopRow - 1, start + 5);
  const zone = sheet.merges.find((m) => m.top === headerRow && m.left < firstAmount && m.bottom > headerRows[headerRows.length - 1]);
  if (zone) end = Math.min(zone.bottom, stopRow - 1);
  const rows: number[] = [];
  const labels = new Map<number, string>();
  for (let r = start; r <= end; r++) {
    const lead = firstText(sheet, r);
    if (!zone && (BUDGET_STOP.test(lead) || TOTAL_ROW.test(lead) || TRAILER.test(lead))) break;
    let label = '';
    for (let c = 0; c < firstAmount; c++) {
      const t = normAt(sheet, r, c);
      if (t && !(zone && c === zone.left)) label = t;
    }
    const hasValues = Object.values(cols).some((c) => c !== undefined && c >= firstAmount && !isEmpty(sheet, r, c));
    if (!label && !hasValues) {
      if (zone) continue;
      break;
    }
    rows.push(r);
    labels.set(r, label.replace(/^其中[:：]?/, ''));
  }
  let totalRow = rows.find((r) => BUDGET_TOTAL_LABEL.test(labels.get(r) ?? '')) ?? rows[0] ?? start;
  if (rows.length === 1) totalRow = rows[0];
  return { headerRows, cols, rows, totalRow, partRows: rows.filter((r) => r !== totalRow), labels };
}

function readIndicators(sheet: SheetGrid, span: TableSplit, headerRow: number, totalRow: number | null): IndicatorBlock {
  const headerRows = headerRowsFrom(sheet, headerRow, span.bottom);
  const texts = headerTexts(sheet, headerRows, sheet.colCount);
  const cols = matchColumns<IndicatorField>(texts, INDICATOR_COLUMNS);
  const rows: IndicatorRow[] = [];
  const blocks: WeightBlock[] = [];
  const end = totalRow !== null ? totalRow - 1 : span.bottom;
  let l1 = '';
  let l2 = '';
  let block: WeightBlock | null = null;
  const get = (r: number, f: IndicatorField) => (cols[f] !== undefined ? normAt(sheet, r, cols[f]!) : '');
  for (let r = headerRows[headerRows.length - 1] + 1; r <= end; r++) {
    if (rowIsEmpty(sheet, r)) continue;
    const lead = firstText(sheet, r);
    if (TRAILER.test(lead) || /^项目绩效分析/.test(lead)) break;
    const name = get(r, 'l3');
    const hasFigures = (['weight', 'score'] as IndicatorField[]).some((f) => cols[f] !== undefined && !isEmpty(sheet, r, cols[f]!));
    const hasValues = (['target', 'targetAdj', 'targetInit', 'actual'] as IndicatorField[]).some((f) => get(r, f) !== '');
    if (!name && !hasFigures && !hasValues) {
      if (totalRow === null) break; // prose after an embedded table (S-Y)
      continue;
    }
    const newL1 = get(r, 'l1');
    if (newL1) {
      l1 = newL1;
      block = { row: r, col: cols.l1!, label: newL1, rows: [] };
      blocks.push(block);
    }
    const newL2 = get(r, 'l2');
    if (newL2) l2 = newL2;
    rows.push({ row: r, name, l1, l2 });
    if (block) block.rows.push(r);
  }
  return { headerRows, cols, rows, blocks };
}

function findTotal(sheet: SheetGrid, from: number, bottom: number): number | null {
  for (let r = from; r <= bottom; r++) if (TOTAL_ROW.test(firstText(sheet, r))) return r;
  return null;
}

function readTotal(sheet: SheetGrid, row: number, ind: IndicatorBlock | null): TotalRow {
  const cells = rowCells(sheet, row);
  const labelCol = cells[0][0];
  const labelMerge = sheet.merges.find((m) => m.top === row && m.left === labelCol);
  const afterLabel = labelMerge ? labelMerge.right + 1 : labelCol + 1;
  const numeric = cells.filter(([c]) => c >= afterLabel && !GRADES.includes(cells.find((x) => x[0] === c)![1] as never));
  let scoreCol = ind?.cols.score ?? -1;
  if (scoreCol < afterLabel) scoreCol = -1;
  if (scoreCol < 0 || isEmpty(sheet, row, scoreCol)) {
    const lastNum = [...numeric].reverse().find(([c]) => typeof sheet.cells[row]?.[c]?.value === 'number' || /\d/.test(normAt(sheet, row, c)));
    if (lastNum && (scoreCol < 0 || lastNum[0] !== ind?.cols.weight)) scoreCol = lastNum[0];
  }
  if (scoreCol < 0) scoreCol = Math.max(afterLabel, (sheet.cells[row]?.length ?? afterLabel + 1) - 1, ind?.cols.score ?? 0);
  const total: TotalRow = { row, scoreCol };
  const wc = ind?.cols.weight;
  if (wc !== undefined && wc >= afterLabel && wc !== scoreCol && !isEmpty(sheet, row, wc)) total.weightCol = wc;
  // A grade: 优/良/中/差 to the right of the 总分, or a cell after an 等级 label on this row or the next.
  for (const [c, t] of cells) {
    if (c > scoreCol && (GRADES as readonly string[]).includes(t)) {
      total.gradeCol = c;
      total.gradeRow = row;
    }
  }
  if (total.gradeCol === undefined) {
    for (const r of [row, row + 1]) {
      const rc = rowCells(sheet, r);
      const i = rc.findIndex(([, t]) => GRADE_LABEL.test(t));
      if (i < 0) continue;
      // The grade is the cell right after the label (and its merge), filled or empty: an empty one was skipped
      // for the next filled cell, so an unfilled 等级 was never reported (S-GRD-03) and a 备注 could be read as one.
      const [labelCol] = rc[i];
      const next = (mergeCovering(sheet, r, labelCol)?.right ?? labelCol) + 1;
      const col = next < sheet.colCount ? next : rc[i + 1]?.[0];
      if (col !== undefined) {
        total.gradeCol = col;
        total.gradeRow = r;
        break;
      }
    }
  }
  return total;
}

function tableTexts(sheet: SheetGrid, top: number, bottom: number): string[] {
  const out: string[] = [];
  for (let r = top; r <= bottom; r++) for (const [, t] of rowCells(sheet, r)) out.push(t);
  return out;
}

function unitOf(texts: string[]): Unit | null {
  for (const t of texts) {
    const m = /\((万元|元)\)|单位[:：](万元|元)/.exec(t);
    if (m) return (m[1] ?? m[2]) as Unit;
  }
  return null;
}

function signature(texts: string[], budget: BudgetBlock | null, ind: IndicatorBlock | null): SelfEvalKind | null {
  const has = (re: RegExp) => texts.some((t) => re.test(t));
  const indHeader = ind !== null && ind.cols.l2 !== undefined && ind.cols.l3 !== undefined && ind.cols.weight !== undefined && ind.cols.score !== undefined;
  if (has(/^(部门\(单位\)名称|单位名称)/) && has(/^预算执行情况$/) && has(/部门预算总额/) && has(/^年度履职目标/) && indHeader) return 'department-selfeval';
  const budgetHeader = budget !== null && budget.cols.full !== undefined && budget.cols.exec !== undefined && budget.cols.rate !== undefined;
  if (budgetHeader && indHeader) return 'project-selfeval';
  return null;
}

function variantOf(texts: string[], budget: BudgetBlock | null, ind: IndicatorBlock | null, total: TotalRow | null, sheet: SheetGrid): { variant: Variant; form?: Form } {
  const has = (re: RegExp) => texts.some((t) => re.test(t));
  const count = (cues: boolean[]) => cues.filter(Boolean).length;
  const sw = count([
    has(/^目标申报数$/) && has(/^预算编制数$/),
    has(/调整后指标值/),
    has(/^定性.*说明$/),
    has(/主管部门及代码/) || has(/^预算单位$/),
    total?.gradeCol !== undefined && (GRADES as readonly string[]).includes(normAt(sheet, total.gradeRow!, total.gradeCol)),
    has(/^项目绩效分析/) || has(/^备注:1\.年初预算数项下/),
  ]);
  const sy = count([
    has(/^资金来源$/) && has(/^目标申报\(元\)$/),
    ind?.cols.weight !== undefined && /权重/.test(normAt(sheet, ind.headerRows[0], ind.cols.weight)),
    texts.filter((t) => /\(元\)$/.test(t)).length >= 2,
  ]);
  if (sw >= 2 && sw >= sy) return { variant: 'shanxi', form: 'S-W' };
  if (sy >= 2) return { variant: 'shanxi', form: 'S-Y' };
  const national = count([
    has(/年度资金总额/) && has(/当年财政拨款/) && has(/上年结转资金/),
    has(/^年度总体目标$/),
    total !== null && total.weightCol !== undefined && normAt(sheet, total.row, total.weightCol) === '100',
  ]);
  if (national >= 2) return { variant: 'national-2020' };
  const henan = count([
    has(/部门预算总额/) && has(/财政性资金/),
    has(/^年度履职目标/) && has(/^年度主要任务/),
    has(/^指标说明$/),
    has(/未完成原因分析及改进措施/),
  ]);
  if (henan >= 2) return { variant: 'henan-2021' };
  return { variant: 'generic' };
}

export type TableOutcome = { table: SelfEvalTable } | { rejected: string } | null;

/** Reads one stacked table; null when it is not a self-evaluation at all. */
export function readTable(sheet: SheetGrid, span: TableSplit): TableOutcome {
  const byTitle = span.titleRow !== null ? titleKind(span.title) : null;
  const texts = tableTexts(sheet, span.top, span.bottom);
  if (byTitle === 'target' || (byTitle === null && texts.some((t) => TARGET_TABLE_CUE.test(t)))) return { rejected: 'target' };
  const budgetRow = findBudgetHeader(sheet, span.top, span.bottom);
  const indRow = findIndicatorHeader(sheet, span.top, span.bottom);
  const totalRowIdx = findTotal(sheet, indRow ?? budgetRow ?? span.top, span.bottom);
  const ind = indRow !== null ? readIndicators(sheet, span, indRow, totalRowIdx) : null;
  const budgetStop = indRow !== null && budgetRow !== null && indRow > budgetRow ? indRow : span.bottom + 1;
  const budget = budgetRow !== null ? readBudget(sheet, span, budgetRow, budgetStop) : null;
  const total = totalRowIdx !== null && rowCells(sheet, totalRowIdx).length > 0 ? readTotal(sheet, totalRowIdx, ind) : null;
  const bySignature = signature(texts, budget, ind);
  if (!byTitle && !bySignature) return null;
  if (!byTitle && ind && ind.cols.score === undefined) return null;
  const kind = (bySignature ?? byTitle) as SelfEvalKind;
  const missing: string[] = [];
  if (!budget) missing.push('预算执行（资金）表头');
  if (!ind) missing.push('绩效指标表头');
  if (!total) missing.push('总分行');
  const { variant, form } = variantOf(texts, budget, ind, total, sheet);
  let right = 0;
  for (let r = span.top; r <= span.bottom; r++) for (const [c] of rowCells(sheet, r)) right = Math.max(right, c);
  let bottom = span.bottom;
  while (bottom > span.top && rowIsEmpty(sheet, bottom)) bottom--;
  const table: SelfEvalTable = {
    kind,
    variant,
    form,
    top: span.top,
    bottom,
    left: 0,
    right,
    titleRow: span.titleRow,
    title: span.title,
    unit: unitOf(texts.filter((t) => t.length <= 40)),
    budget,
    indicators: ind,
    total,
    missing,
    byTitle: byTitle === kind,
    bySignature: bySignature === kind,
  };
  if (byTitle && bySignature && byTitle !== bySignature) table.kindConflict = `标题为“${span.title}”，但表头符合${bySignature === 'project-selfeval' ? '项目支出' : '部门（单位）整体'}绩效自评表，按表头识别`;
  return { table };
}

export function weightOfLabel(label: string): string | null {
  const m = BLOCK_WEIGHT.exec(norm(label));
  return m ? m[1] : null;
}
