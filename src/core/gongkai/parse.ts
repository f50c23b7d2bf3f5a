/** Each 公开 role's model from its zone (gongkai-layouts.md §2, §4): two-sided, coded, 三公, statistics, 基本支出. */
import { Cell, cellAt, mergeCovering, rawText, SheetGrid } from '../grid';
import { labelKey, norm } from '../text';
import { BE_VARIANT_BY_COLUMNS, CLASS_LINE_START, COLUMN_WORDS, LINE_LABELS } from './layouts';
import { AmountColumn, BeItem, BeModel, FUNCTION_CLASSES, GongkaiTemplate, GTable, Half, Pos } from './model';
import { bodyBottom, isTotalLabel, Meta, columnHeader, emptyTable, findHeaderTop, hasText, integerOf, isTrailerRow, locateColumns, textAt } from './zone';


// ------------------------------------------------------------------------------------------- per-role parsing

export function parseTable(sheet: SheetGrid, template: GongkaiTemplate, meta: Meta): GTable | string {
  const headerTop = findHeaderTop(sheet);
  if (headerTop === null) return '没有找到表头';
  const t = emptyTable(sheet, template, meta);
  switch (template) {
    case 'income-expenditure-summary':
    case 'fiscal-summary':
      return parseTwoSided(t, headerTop);
    case 'income':
    case 'expenditure':
    case 'general-budget-expenditure':
    case 'gov-fund':
    case 'state-capital':
      return parseCoded(t, headerTop);
    case 'basic-expenditure':
      return parseBasic(t, headerTop);
    case 'three-public':
      return parseThreePublic(t, headerTop);
    case 'disclosure-stats':
      return parseDisclosure(t, headerTop);
  }
}

function parseTwoSided(t: GTable, headerTop: number): GTable | string {
  const sheet = t.sheet;
  const located = locateColumns(sheet, t.template, headerTop);
  if (typeof located === 'string') return located;
  const headerBottom = located.headerBottom;
  t.columnsFrom = located.from;
  t.bodyTop = located.row + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  const lineCols: number[] = [];
  for (let c = 0; c < sheet.colCount; c++) if (columnHeader(sheet, c, headerTop, headerBottom).includes('行次')) lineCols.push(c);
  const amountCols = located.columns;
  if (amountCols.length < 2) return '收入、支出两栏的金额列不完整';
  const labelCols: number[] = [];
  for (let c = 0; c < sheet.colCount; c++) if (columnHeader(sheet, c, headerTop, headerBottom).endsWith('项目')) labelCols.push(c);
  // Without 行次 columns, the halves split at the second 项目 column, or between 栏1 and 栏2.
  const splits = lineCols.length >= 2 ? lineCols.slice(0, 2) : labelCols.length >= 2 ? labelCols.slice(0, 2) : [0, amountCols[1].col - 1];
  const halves: Half[] = splits.map((start, i) => {
    const end = i === 0 ? (labelCols[1] ?? splits[1]) : sheet.colCount;
    const lineCol = lineCols.length >= 2 ? lineCols[i] : null;
    const labelCol = labelCols.filter((c) => c <= (lineCol ?? start)).pop() ?? (lineCol !== null ? lineCol - 1 : start);
    return { lineCol, labelCol, columns: amountCols.filter((a) => a.col > (lineCol ?? labelCol) && a.col < end), lines: new Map() };
  });
  if (halves.some((h) => h.columns.length === 0)) return '收入、支出两栏的金额列不完整';
  const labels = LINE_LABELS[t.template] ?? [];
  const classStart = CLASS_LINE_START[t.template]!;
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    halves.forEach((half, i) => {
      const label = textAt(sheet, r, half.labelCol);
      let line = half.lineCol !== null ? integerOf(cellAt(sheet, r, half.lineCol)) : null;
      if (line === null) line = lineFromLabel(label, labels, i === 0 ? 'left' : 'right', classStart);
      if (line !== null && !half.lines.has(line)) half.lines.set(line, { line, row: r, label });
    });
  }
  if (halves.every((h) => h.lines.size === 0)) return '没有找到按行次编号的数据行';
  t.halves = halves;
  for (const half of halves) t.amountCells.push({ rows: [...half.lines.values()].map((lr) => lr.row), cols: half.columns.map((c) => c.col) });
  return t;
}

function lineFromLabel(label: string, labels: { line: number; labels: string[]; side: string }[], side: string, classStart: number): number | null {
  const key = labelKey(label);
  if (!key) return null;
  const hit = labels.find((l) => l.side === side && l.labels.some((x) => labelKey(x) === key));
  if (hit) return hit.line;
  if (side === 'right') {
    const idx = FUNCTION_CLASSES.findIndex((c) => key === c.name + '支出' || key === c.name);
    if (idx >= 0) return classStart + idx;
  }
  return null;
}

/** Renumbers amount columns by their header words when every column is named; otherwise keeps the printed 栏次. */
function byHeaderWords(template: GongkaiTemplate, columns: AmountColumn[]): AmountColumn[] {
  const words = template === 'state-capital' ? (columns.length >= 6 ? COLUMN_WORDS['gov-fund'] : COLUMN_WORDS['general-budget-expenditure']) : COLUMN_WORDS[template];
  if (!words) return columns;
  const renumbered = columns.map((c) => {
    const hit = words.find(([w]) => c.header.endsWith(w));
    return hit ? { ...c, lanci: hit[1] } : null;
  });
  if (renumbered.some((c) => c === null)) return columns;
  const numbers = new Set(renumbered.map((c) => c!.lanci));
  return numbers.size === columns.length ? (renumbered as AmountColumn[]) : columns;
}

const CODE = /^\d{3}(?:\d{2}){0,2}$/;


function codeText(cell: Cell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'number') return String(cell.value);
  const s = String(cell.value);
  return /^\d+$/.test(s) ? s : s.normalize('NFKC').replace(/\s+/g, '');
}

/** Split 科目编码 columns (§2.4): 类 then 款 (then 项), side by side, found by their heads. */
function splitCodeColumns(headers: string[], before: number, from = 0): number[] | null {
  for (let c = from; c + 1 < before; c++) {
    if (!headers[c].endsWith('类') || !headers[c + 1].endsWith('款')) continue;
    return c + 2 < before && headers[c + 2].endsWith('项') ? [c, c + 1, c + 2] : [c, c + 1];
  }
  return null;
}

/**
 * Joins split code parts: the 3-digit 类, then 2-digit 款 and 项. A part left blank is inherited from the nearest
 * row above of the higher level, so a 类 row and its 款 rows keep their own codes (never summed together).
 */
class SplitCodeReader {
  private lei = '';
  private kuan = '';
  constructor(private readonly sheet: SheetGrid, private readonly cols: number[]) {}
  read(row: number): string {
    const parts = this.cols.map((c) => codeText(cellAt(this.sheet, row, c)));
    const [lei, kuan, xiang = ''] = parts;
    if (!lei && !kuan && !xiang) return '';
    // A full code typed into the 类 column is taken as written.
    if (lei.length > 3 && !kuan && !xiang) return lei;
    if (lei) {
      if (lei !== this.lei) this.kuan = '';
      this.lei = lei;
    }
    if (kuan) this.kuan = kuan;
    if (xiang) return (lei || this.lei) + (kuan || this.kuan) + xiang;
    if (kuan) return (lei || this.lei) + kuan;
    return lei;
  }
}

function parseCoded(t: GTable, headerTop: number): GTable | string {
  const sheet = t.sheet;
  const located = locateColumns(sheet, t.template, headerTop);
  if (typeof located === 'string') return located;
  const headerBottom = located.headerBottom;
  t.columnsFrom = located.from;
  const headers = Array.from({ length: sheet.colCount }, (_, c) => columnHeader(sheet, c, headerTop, headerBottom));
  t.columns = byHeaderWords(t.template, located.columns.map((x) => ({ ...x, header: headers[x.col] })));
  const firstAmount = Math.min(...t.columns.map((c) => c.col));
  // Split 类|款|项 (or 类|款) code columns (other templates) or one code column.
  const split = splitCodeColumns(headers, firstAmount);
  const splitReader = split ? new SplitCodeReader(sheet, split) : null;
  t.splitCodes = !!split;
  const codeCol = headers.findIndex((h, c) => c < firstAmount && (h.includes('编码') || h.includes('代码')));
  const nameCol = headers.findIndex((h, c) => c < firstAmount && h.includes('科目名称'));
  t.bodyTop = located.row + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  const labelCols = Array.from({ length: firstAmount }, (_, c) => c);
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    if (t.totalRow === null && labelCols.some((c) => isTotalLabel(textAt(sheet, r, c)))) {
      t.totalRow = r;
      continue;
    }
    const code = splitReader ? splitReader.read(r) : codeCol >= 0 ? codeText(cellAt(sheet, r, codeCol)) : '';
    if (!CODE.test(code)) continue;
    const name = nameCol >= 0 ? rawText(cellAt(sheet, r, nameCol)).trim() : '';
    t.codeRows.push({ row: r, code, name });
  }
  if (t.totalRow === null && t.codeRows.length === 0) return '没有找到合计行或科目编码行';
  if (t.template === 'state-capital') t.variant = t.columns.length >= 6 ? 'henan-2021' : 'shanxi';
  const rows = t.codeRows.map((c) => c.row);
  if (t.totalRow !== null) rows.unshift(t.totalRow);
  t.amountCells.push({ rows, cols: t.columns.map((c) => c.col) });
  return t;
}

function parseThreePublic(t: GTable, headerTop: number): GTable | string {
  const sheet = t.sheet;
  const located = locateColumns(sheet, t.template, headerTop);
  if (typeof located === 'string') return located;
  const lanci = new Set(located.columns.map((c) => c.lanci));
  if (located.columns.length < 12 || lanci.size < 12) return '没有找到预算数、决算数各 6 个金额列（1–12 栏）';
  t.columnsFrom = located.from;
  t.columns = located.columns;
  t.bodyTop = located.row + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    if (t.columns.some((c) => rawText(cellAt(sheet, r, c.col)).trim() !== '')) {
      t.dataRow = r;
      break;
    }
  }
  if (t.dataRow === null && t.bodyTop < sheet.rowCount && !isTrailerRow(sheet, t.bodyTop)) t.dataRow = t.bodyTop;
  if (t.dataRow !== null) t.amountCells.push({ rows: [t.dataRow], cols: t.columns.map((c) => c.col) });
  return t;
}

function parseDisclosure(t: GTable, headerTop: number): GTable | string {
  const sheet = t.sheet;
  let lineCol = -1;
  for (let r = headerTop; r < Math.min(sheet.rowCount, headerTop + 5) && lineCol < 0; r++) {
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) if (norm(rawText(row[c])) === '行次') lineCol = c;
  }
  if (lineCol < 0) return '没有找到行次列';
  t.bodyTop = headerTop + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  const lineRows: { line: number; row: number }[] = [];
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    const line = integerOf(cellAt(sheet, r, lineCol));
    if (line !== null && !lineRows.some((x) => x.line === line)) lineRows.push({ line, row: r });
  }
  // The value and label columns are the nearest filled ones beside 行次 (an empty column may sit between).
  const filled = (c: number) => lineRows.some((x) => hasText(cellAt(sheet, x.row, c)));
  let valueCol = lineCol + 1;
  while (valueCol < sheet.colCount - 1 && !filled(valueCol)) valueCol++;
  let labelCol = Math.max(0, lineCol - 1);
  while (labelCol > 0 && !filled(labelCol)) labelCol--;
  const half: Half = { lineCol, labelCol, columns: [{ col: valueCol, lanci: 1, header: columnHeader(sheet, valueCol, headerTop, headerTop) }], lines: new Map() };
  for (const { line, row } of lineRows) half.lines.set(line, { line, row, label: textAt(sheet, row, labelCol) });
  if (half.lines.size === 0) return '没有找到按行次编号的数据行';
  t.amountCells.push({ rows: [...half.lines.values()].map((lr) => lr.row), cols: [valueCol] });
  t.halves = [half];
  t.columns = half.columns;
  return t;
}

// ------------------------------------------------------------------------------------------- basic-expenditure

type BeRole = 'basic' | 'total' | 'other';

function beRole(header: string): BeRole {
  if (header.includes('基本支出') || header === '决算数' || header.endsWith('决算数')) return 'basic';
  if (header === '金额' || header.endsWith('金额') || header.endsWith('合计')) return 'total';
  return 'other';
}

function parseBasic(t: GTable, headerTop: number): GTable | string {
  const sheet = t.sheet;
  // The block-head row: the row holding two or more 科目编码/科目代码 heads.
  let headRow = -1;
  let starts: number[] = [];
  for (let r = headerTop; r < Math.min(sheet.rowCount, headerTop + 6); r++) {
    const cols: number[] = [];
    for (let c = 0; c < sheet.colCount; c++) {
      const n = norm(rawText(cellAt(sheet, r, c)));
      if (n === '科目编码' || n === '科目代码') cols.push(c);
    }
    if (cols.length >= 2) {
      headRow = r;
      starts = cols;
      break;
    }
  }
  if (headRow < 0) return '没有找到重复的“科目编码 科目名称 决算数”表头';
  const lastCol = sheet.colCount - 1;
  // Split codes (§2.4): 类 | 款 under each block's 科目编码, on the row below the block heads.
  const subRow = headRow + 1;
  const isSplit = (start: number) => norm(textAt(sheet, subRow, start)).endsWith('类') && norm(textAt(sheet, subRow, start + 1)).endsWith('款');
  const split = starts.some(isSplit);
  const blocks = starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] - 1 : lastCol;
    const codeCols = isSplit(start) ? [start, start + 1] : [start];
    let nameCol = codeCols[codeCols.length - 1] + 1;
    const amounts: { col: number; role: BeRole }[] = [];
    for (let c = codeCols[codeCols.length - 1] + 1; c <= end; c++) {
      const h = columnHeader(sheet, c, headRow, headRow) + (split ? norm(textAt(sheet, subRow, c)) : '');
      if (h.includes('科目名称')) nameCol = c;
      else if (h) amounts.push({ col: c, role: beRole(h) });
    }
    return { start, codes: codeCols.length > 1 ? new SplitCodeReader(sheet, codeCols) : null, nameCol, amounts };
  });
  t.splitCodes = split;
  const hasTotal = blocks[0].amounts.some((a) => a.role === 'total') && blocks[0].amounts.some((a) => a.role === 'basic');
  if (!blocks[0].amounts.some((a) => a.role === 'basic' || a.role === 'total')) return '没有找到决算数或金额列';
  t.variant = BE_VARIANT_BY_COLUMNS[blocks.length * (blocks[0].amounts.length + 2)] ?? BE_VARIANT_BY_COLUMNS[sheet.colCount];
  t.bodyTop = split ? subRow + 1 : headRow + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  const model: BeModel = { items: [], personnel: null, public: null, hasTotalColumn: hasTotal };
  const pick = (row: number, block: (typeof blocks)[number], role: BeRole): Pos | null => {
    const a = block.amounts.find((x) => x.role === role) ?? (role === 'basic' && !hasTotal ? block.amounts.find((x) => x.role === 'total') : undefined);
    return a ? { row, col: a.col } : null;
  };
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    let totalsRow = false;
    for (let c = 0; c < sheet.colCount; c++) {
      const n = norm(rawText(cellAt(sheet, r, c)));
      if (n === '人员经费合计') {
        totalsRow = true;
        model.personnel = { basic: pick(r, blocks[0], 'basic'), total: hasTotal ? pick(r, blocks[0], 'total') : null };
      } else if (n === '公用经费合计') {
        totalsRow = true;
        model.public = publicTotals(sheet, r, c, blocks[0].amounts.map((a) => a.role), hasTotal);
      }
    }
    if (totalsRow) continue;
    blocks.forEach((block, i) => {
      const code = block.codes ? block.codes.read(r) : codeText(cellAt(sheet, r, block.start));
      if (!/^\d{3}(\d{2})?$/.test(code)) return;
      const item: BeItem = {
        code, name: rawText(cellAt(sheet, r, block.nameCol)).trim(), row: r, block: i,
        basic: pick(r, block, 'basic'), total: hasTotal ? pick(r, block, 'total') : null,
      };
      model.items.push(item);
    });
  }
  if (model.items.length === 0 && !model.personnel) return '没有找到经济分类科目行';
  t.be = model;
  for (const item of model.items) for (const p of [item.basic, item.total]) if (p) t.amountCells.push({ rows: [p.row], cols: [p.col] });
  for (const tot of [model.personnel, model.public]) for (const p of [tot?.basic, tot?.total]) if (p) t.amountCells.push({ rows: [p.row], cols: [p.col] });
  return t;
}

/** §4.6: the numeric merge anchors right of the 公用经费合计 label map onto one block's amount columns, in order. */
function publicTotals(sheet: SheetGrid, row: number, labelCol: number, roles: BeRole[], hasTotal: boolean): { basic: Pos | null; total: Pos | null } {
  const merge = mergeCovering(sheet, row, labelCol);
  const from = (merge ? merge.right : labelCol) + 1;
  const anchors: Pos[] = [];
  for (let c = from; c < sheet.colCount; c++) {
    const cell = cellAt(sheet, row, c);
    if (cell && rawText(cell).trim() !== '') anchors.push({ row, col: c });
  }
  // A blank amount still has a place: fall back to the columns right of the label in block order.
  const out: { basic: Pos | null; total: Pos | null } = { basic: null, total: null };
  const amountRoles = roles.filter((r) => r !== 'other');
  amountRoles.forEach((role, i) => {
    const pos = anchors[i] ?? (from + i < sheet.colCount ? { row, col: from + i } : null);
    if (role === 'basic') out.basic = pos;
    if (role === 'total') {
      if (hasTotal) out.total = pos;
      else out.basic = out.basic ?? pos;
    }
  });
  return out;
}

