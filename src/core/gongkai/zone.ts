/**
 * Where a 公开表's parts sit (gongkai-layouts.md §2): the header, the 栏次 row, the amount columns by their
 * header words, the body between them and the trailer. Shared by every role's parser (parse.ts).
 */
import { Unit } from '../findings';
import { Cell, cellAt, mergeCovering, rawText, SheetGrid } from '../grid';
import { readNumber } from '../numbers';
import { HEAD_ROWS } from '../profile';
import { norm } from '../text';
import { COLUMN_WORDS, HEADER_WORDS, TRAILER_PATTERN } from './layouts';
import { AmountColumn, GongkaiTemplate, GTable } from './model';

/** A table's title, unit and printed marker, from its first rows. */
export interface Meta {
  title: string;
  titleRaw: string;
  unit: Unit | null;
  marker?: string;
}

/** 合计 or 总计 as a row label (not a bare number). */
export function isTotalLabel(raw: string): boolean {
  if (!raw || /^\d+$/.test(raw)) return false;
  const n = norm(raw);
  return n === '合计' || n === '总计';
}



export function textAt(sheet: SheetGrid, row: number, col: number): string {
  const cell = cellAt(sheet, row, col);
  if (cell && rawText(cell).trim() !== '') return rawText(cell);
  const m = mergeCovering(sheet, row, col);
  return m ? rawText(cellAt(sheet, m.top, m.left)) : '';
}

function isHeaderWord(n: string): boolean {
  return HEADER_WORDS.includes(n) || n.includes('科目编码') || n.includes('科目代码');
}

export function findHeaderTop(sheet: SheetGrid): number | null {
  const rows = Math.min(sheet.rowCount, HEAD_ROWS);
  for (let r = 0; r < rows; r++) {
    for (const cell of sheet.cells[r] ?? []) {
      if (cell && typeof cell.value === 'string' && isHeaderWord(norm(cell.value))) return r;
    }
  }
  return null;
}

/** The integer a cell holds (a number, `1.00`, or text digits), else null. */
export function integerOf(cell: Cell | undefined): number | null {
  if (!cell || cell.value === null || cell.value === '') return null;
  const r = readNumber(cell);
  if (r.kind !== 'number' || r.percent || !r.value.isInteger()) return null;
  return r.value.toNumber();
}

/**
 * The 栏次 row: numbers 1…n in column order, labelled 栏次 or long enough (3P prints 1–12 unlabelled). When
 * column numbers are printed twice (S24 02), the last such header row wins.
 */
function findLanciRow(sheet: SheetGrid, headerTop: number): { row: number; columns: { col: number; lanci: number }[] } | null {
  let found: { row: number; columns: { col: number; lanci: number }[] } | null = null;
  const last = Math.min(sheet.rowCount - 1, headerTop + 6);
  for (let r = headerTop; r <= last; r++) {
    const cols: { col: number; lanci: number }[] = [];
    let labelled = false;
    let other = false;
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || rawText(cell).trim() === '') continue;
      const n = norm(rawText(cell));
      if (n === '栏次') {
        labelled = true;
        continue;
      }
      const k = integerOf(cell);
      if (k !== null) cols.push({ col: c, lanci: k });
      else if (typeof cell.value === 'number') other = true;
    }
    const sequential = cols.length > 0 && cols.every((x, i) => x.lanci === i + 1);
    if (sequential && !other && (labelled || cols.length >= 3)) found = { row: r, columns: cols };
    // A row of words (split 类|款|项 heads under printed column numbers) does not end the header; a row of figures does.
    else if (found && (cols.length > 0 || other)) break;
  }
  return found;
}

interface LocatedColumns {
  /** The 栏次 row, or the last row above the body when the table prints none. */
  row: number;
  /** The last header row. */
  headerBottom: number;
  columns: AmountColumn[];
  from: 'lanci' | 'words';
}

/**
 * The amount columns of a role (§3, after item 7): headed by an amount word of the role, numbered by those words
 * and confirmed by the 栏次 row where one exists. The 栏次 row is used when present and never needed.
 */
export function locateColumns(sheet: SheetGrid, template: GongkaiTemplate, headerTop: number): LocatedColumns | string {
  const lanci = findLanciRow(sheet, headerTop);
  if (lanci) {
    const headerBottom = lastFilledRow(sheet, headerTop, lanci.row - 1);
    return { row: lanci.row, headerBottom, from: 'lanci', columns: lanci.columns.map((x) => ({ ...x, header: columnHeader(sheet, x.col, headerTop, headerBottom) })) };
  }
  const body = findBodyTop(sheet, headerTop);
  if (body < 0) return '没有找到表体（数字行或合计行）';
  const headerBottom = lastFilledRow(sheet, headerTop, body - 1);
  const headers = Array.from({ length: sheet.colCount }, (_, c) => columnHeader(sheet, c, headerTop, headerBottom));
  const columns: AmountColumn[] = [];
  const words = amountWords(template, headers);
  headers.forEach((header, col) => {
    const lanci = lanciOfHeader(template, header, words);
    if (lanci !== null) columns.push({ col, lanci: lanci === 0 ? columns.length + 1 : lanci, header });
  });
  if (columns.length === 0) return '没有找到金额列（表头没有本表的金额栏目）';
  return { row: body - 1, headerBottom, columns, from: 'words' };
}

function lastFilledRow(sheet: SheetGrid, top: number, bottom: number): number {
  for (let r = bottom; r > top; r--) if ((sheet.cells[r] ?? []).some(hasText)) return r;
  return top;
}

/** The words of the role's amount columns; state-capital has the gov-fund heads (8 col) or the GB ones (5 col). */
function amountWords(template: GongkaiTemplate, headers: string[]): [string, number][] {
  if (template === 'state-capital') return headers.some((h) => h.includes('年初结转和结余')) ? COLUMN_WORDS['gov-fund']! : COLUMN_WORDS['general-budget-expenditure']!;
  return COLUMN_WORDS[template] ?? [];
}

/** A column's 栏次 from its header words; 0 = numbered in column order; null = not an amount column. */
function lanciOfHeader(template: GongkaiTemplate, header: string, words: [string, number][]): number | null {
  if (!header) return null;
  const hit = words.find(([w]) => header.endsWith(w));
  if (!hit) return null;
  if (template !== 'three-public') return hit[1];
  // 三公: the same six heads under 预算数 (栏1–6) and 决算数 (栏7–12).
  if (header.includes('决算数')) return hit[1] + 6;
  return header.includes('预算数') ? hit[1] : null;
}

/**
 * The first body row below the header: a row holding a number (or a number written as text), or a 合计/总计 label
 * under a label head (项目, 科目编码, 科目名称) — an empty table has only its 合计 row.
 */
function findBodyTop(sheet: SheetGrid, headerTop: number): number {
  const last = Math.min(sheet.rowCount - 1, headerTop + 12);
  for (let r = headerTop + 1; r <= last; r++) {
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!hasText(cell)) continue;
      if (typeof cell!.value === 'number' || (typeof cell!.value === 'string' && NUMERIC_TEXT.test(cell!.value.trim()))) return r;
      const raw = rawText(cell).trim();
      if (isTotalLabel(raw) && /项目|编码|代码|名称/.test(columnHeader(sheet, c, headerTop, r - 1))) return r;
    }
  }
  return -1;
}

const NUMERIC_TEXT = /^[-(（]?\d[\d,，]*(?:\.\d+)?[)）]?$/;

/**
 * The words over a column, top to bottom. A group head above the last header row covers the columns to its right up
 * to the next head, merged or not (a re-typed table often drops the merges).
 */
export function columnHeader(sheet: SheetGrid, col: number, top: number, bottom: number): string {
  const parts: string[] = [];
  let own = false;
  for (let r = top; r <= bottom; r++) {
    let n = norm(textAt(sheet, r, col));
    // Only a column with no head of its own above takes a group head from the left (预算数 over 栏1–6), so a
    // column headed 本年收入合计 above two empty rows never takes 科目名称 from beside it.
    if (n) own = true;
    else if (!own && r < bottom) n = groupHead(sheet, r, col);
    // Column numbers printed in a header row (S24 02) are not words.
    if (n && !/^\d+(\.0+)?$/.test(n) && parts[parts.length - 1] !== n) parts.push(n);
  }
  return parts.join('');
}

/** The nearest head to the left on an upper header row, when the cells between are empty. */
function groupHead(sheet: SheetGrid, row: number, col: number): string {
  for (let c = col - 1; c >= 0; c--) {
    const n = norm(textAt(sheet, row, c));
    if (n) return /^\d+(\.0+)?$/.test(n) ? '' : n;
  }
  return '';
}

export function hasText(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.error) return true;
  const v = cell.value;
  return v !== null && !(typeof v === 'string' && v.trim() === '');
}

export function isTrailerRow(sheet: SheetGrid, row: number): boolean {
  for (const cell of sheet.cells[row] ?? []) {
    if (!hasText(cell)) continue;
    // A number or a code is never a 注/说明 line; most body rows stop here without normalising text.
    if (typeof cell!.value === 'number' || /^\s*\d/.test(rawText(cell))) return false;
    return TRAILER_PATTERN.test(norm(rawText(cell)));
  }
  return false;
}

/** Body rows from `top` to the first 注/说明 trailer; blank rows are skipped later, never an end. */
export function bodyBottom(sheet: SheetGrid, top: number): number {
  let bottom = top - 1;
  for (let r = top; r < sheet.rowCount; r++) {
    if (isTrailerRow(sheet, r)) break;
    if ((sheet.cells[r] ?? []).some(hasText)) bottom = r;
  }
  return bottom;
}

export function emptyTable(sheet: SheetGrid, template: GongkaiTemplate, meta: Meta): GTable {
  return {
    template, unit: meta.unit, marker: meta.marker, title: meta.title, sheet, bodyTop: 0, bodyBottom: -1, halves: [], columns: [],
    totalRow: null, codeRows: [], dataRow: null, be: null, amountCells: [], findings: [],
  };
}

