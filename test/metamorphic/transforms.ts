/**
 * The ways real workbooks differ from the known ones (issue 16, gongkai-layouts.md §3 as amended), as small named
 * functions on the in-memory grid. Each returns the new workbook and where every old cell went, so a finding on the
 * original can be compared with the finding on the transformed copy. README.md lists them.
 */
import { a1, parseA1 } from '../../src/core/address';
import { Cell, CellRange, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { norm } from '../../src/core/text';

export interface Place {
  sheet: string;
  row: number;
  col: number;
}

/** Where a cell of the original went; null when the transformation removed it. */
export type CellMap = (p: Place) => Place | null;

export interface Transformed {
  workbook: WorkbookGrid;
  map: CellMap;
}

/** A deterministic source of choices, so a failing combination can be replayed from its seed. */
export type Choose = (n: number) => number;

export type Transform = (wb: WorkbookGrid, choose: Choose) => Transformed;

// ------------------------------------------------------------------------------------------- grid editing

function cloneSheet(s: SheetGrid): SheetGrid {
  return {
    ...s,
    cells: s.cells.map((row) => (row ? row.map((c) => (c ? { ...c } : undefined)) : [])),
    merges: s.merges.map((m) => ({ ...m })),
    hiddenRows: new Set(s.hiddenRows),
    hiddenCols: new Set(s.hiddenCols),
  };
}

function cloneWorkbook(wb: WorkbookGrid): WorkbookGrid {
  return { fileName: wb.fileName, sheets: wb.sheets.map(cloneSheet) };
}

function resize(s: SheetGrid): void {
  s.rowCount = s.cells.length;
  s.colCount = s.cells.reduce((n, row) => Math.max(n, row ? row.length : 0), 0);
}

/** Inserts n empty rows before `at`; merges that span the place grow. */
function insertRows(s: SheetGrid, at: number, n: number): void {
  const empty = Array.from({ length: n }, () => [] as (Cell | undefined)[]);
  while (s.cells.length < at) s.cells.push([]);
  s.cells.splice(at, 0, ...empty);
  for (const m of s.merges) {
    if (m.top >= at) {
      m.top += n;
      m.bottom += n;
    } else if (m.bottom >= at) m.bottom += n;
  }
  s.hiddenRows = new Set([...s.hiddenRows].map((r) => (r >= at ? r + n : r)));
  resize(s);
}

/** Removes one row; merges on it alone vanish, merges over it shrink. */
function deleteRow(s: SheetGrid, row: number): void {
  s.cells.splice(row, 1);
  s.merges = s.merges.flatMap((m) => {
    if (m.top === row && m.bottom === row) return [];
    if (m.top > row) return [{ ...m, top: m.top - 1, bottom: m.bottom - 1 }];
    if (m.bottom >= row) return [{ ...m, bottom: m.bottom - 1 }];
    return [m];
  });
  s.hiddenRows = new Set([...s.hiddenRows].filter((r) => r !== row).map((r) => (r > row ? r - 1 : r)));
  resize(s);
}

/** Inserts n empty columns before `at`; merges that span the place grow. */
function insertCols(s: SheetGrid, at: number, n: number): void {
  for (const row of s.cells) {
    if (!row || row.length < at) continue;
    row.splice(at, 0, ...Array.from({ length: n }, () => undefined));
  }
  for (const m of s.merges) {
    if (m.left >= at) {
      m.left += n;
      m.right += n;
    } else if (m.right >= at) m.right += n;
  }
  s.hiddenCols = new Set([...s.hiddenCols].map((c) => (c >= at ? c + n : c)));
  resize(s);
}

function text(s: SheetGrid, r: number, c: number): string {
  const cell = s.cells[r]?.[c];
  return cell && cell.value !== null ? norm(String(cell.value)) : '';
}

function setText(s: SheetGrid, r: number, c: number, value: string | null): void {
  while (s.cells.length <= r) s.cells.push([]);
  const row = s.cells[r];
  row[c] = value === null || value === '' ? undefined : { value };
  resize(s);
}

function rowTexts(s: SheetGrid, r: number): { col: number; text: string; cell: Cell }[] {
  const out: { col: number; text: string; cell: Cell }[] = [];
  (s.cells[r] ?? []).forEach((cell, col) => {
    // Numbers as written: norm() would read 11 as a doubled 1.
    if (cell && cell.value !== null && String(cell.value).trim() !== '') out.push({ col, text: typeof cell.value === 'number' ? String(cell.value) : norm(String(cell.value)), cell });
  });
  return out;
}

/** Chains the cell maps of successive transformations. */
export function composeMaps(first: CellMap, second: CellMap): CellMap {
  return (p) => {
    const q = first(p);
    return q && second(q);
  };
}

/** A map that moves rows and columns of every sheet by per-sheet functions (null = removed). */
function shiftMap(byName: Map<string, { row: (r: number) => number | null; col: (c: number) => number }>): CellMap {
  return (p) => {
    const f = byName.get(p.sheet);
    if (!f) return p;
    const row = f.row(p.row);
    return row === null ? null : { sheet: p.sheet, row, col: f.col(p.col) };
  };
}

const identityMap: CellMap = (p) => p;

// ------------------------------------------------------------------------------------------- zones (as a person sees them)

const MARKER = /^公开0?\d{1,2}表?$/;
const META = /^(部门|部门名称|单位名称|编制单位|金额单位|单位)[:：]|^\d{4}年度?$/;
const AMOUNT_HEAD = /^(金额|决算数|预算数|合计|本年收入合计|本年支出合计|本年支出|年初结转和结余|统计数|采购金额|人员经费)$/;

/** A row of column numbers: 栏次 labels and the integers 1…n in order (the 三公 1–12 row has no label). */
function isColumnNumberRow(s: SheetGrid, r: number): boolean {
  const cells = rowTexts(s, r);
  if (cells.length === 0) return false;
  const numbers = cells.filter((c) => c.text !== '栏次');
  if (!numbers.every((c) => /^\d+(\.0+)?$/.test(c.text))) return false;
  const labelled = numbers.length < cells.length;
  return (labelled || numbers.length >= 3) && numbers.every((c, i) => Number(c.text) === i + 1);
}

/** The first row of the body: the first row holding a number that is not a column-number row. */
function bodyTop(s: SheetGrid): number {
  for (let r = 0; r < s.rowCount; r++) {
    if (isColumnNumberRow(s, r)) continue;
    if ((s.cells[r] ?? []).some((c) => c && typeof c.value === 'number')) return r;
  }
  return s.rowCount;
}

/** The first header row: a row holding a column head (项目, 收入, 人员经费, 预算数, 科目编码 …). */
function headerTop(s: SheetGrid): number {
  for (let r = 0; r < Math.min(s.rowCount, 20); r++) {
    if (rowTexts(s, r).some((c) => /^(项目|收入|人员经费|预算数|科目编码|科目代码|功能分类科目编码)$/.test(c.text) || /^一、政府采购/.test(c.text))) return r;
  }
  return -1;
}

function isTableSheet(s: SheetGrid): boolean {
  return headerTop(s) >= 0;
}

// ------------------------------------------------------------------------------------------- the transformations

/** Sheets renamed Sheet1…SheetN and put in another order. */
export const renameAndShuffleSheets: Transform = (wb, choose) => {
  const out = cloneWorkbook(wb);
  const order = out.sheets.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = choose(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  if (order.every((x, i) => x === i) && order.length > 1) order.reverse();
  const names = new Map<string, string>();
  out.sheets = order.map((from, i) => {
    const s = out.sheets[from];
    names.set(s.name, `Sheet${i + 1}`);
    return { ...s, name: `Sheet${i + 1}` };
  });
  return { workbook: out, map: (p) => ({ ...p, sheet: names.get(p.sheet) ?? p.sheet }) };
};

/** The `公开NN表` markers blanked. */
export const removeMarkers: Transform = (wb) => {
  const out = cloneWorkbook(wb);
  for (const s of out.sheets) {
    for (let r = 0; r < Math.min(s.rowCount, 12); r++) for (const c of rowTexts(s, r)) if (MARKER.test(c.text)) setText(s, r, c.col, null);
  }
  return { workbook: out, map: identityMap };
};

/** The 栏次 rows and the 三公 1–12 row deleted. */
export const removeColumnNumberRows: Transform = (wb) => {
  const out = cloneWorkbook(wb);
  const maps = new Map<string, { row: (r: number) => number | null; col: (c: number) => number }>();
  for (const s of out.sheets) {
    const removed: number[] = [];
    const top = bodyTop(s);
    for (let r = Math.min(top, s.rowCount) - 1; r >= 0; r--) if (isColumnNumberRow(s, r)) removed.push(r);
    for (const r of removed) deleteRow(s, r); // bottom up, so indices hold
    const sorted = [...removed].sort((a, b) => a - b);
    maps.set(s.name, { row: (r) => (sorted.includes(r) ? null : r - sorted.filter((x) => x < r).length), col: (c) => c });
  }
  return { workbook: out, map: shiftMap(maps) };
};

/** Merges of the title and header rows dropped (the anchor keeps its text, the rest is blank). */
export const removeHeaderMerges: Transform = (wb) => {
  const out = cloneWorkbook(wb);
  for (const s of out.sheets) {
    const top = bodyTop(s);
    s.merges = s.merges.filter((m) => m.top >= top);
  }
  return { workbook: out, map: identityMap };
};

/** Header merges changed: every header head merged down over the empty cells below it (a 2-row head, not 1). */
export const extendHeaderMerges: Transform = (wb) => {
  const out = cloneWorkbook(wb);
  for (const s of out.sheets) {
    const top = headerTop(s);
    if (top < 0) continue;
    const body = bodyTop(s);
    let last = body - 1;
    while (last > top && isColumnNumberRow(s, last)) last--;
    const covered = (r: number, c: number) => s.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
    for (let r = top; r < last; r++) {
      for (const { col } of rowTexts(s, r)) {
        if (covered(r, col) || text(s, r + 1, col) || covered(r + 1, col)) continue;
        s.merges.push({ top: r, left: col, bottom: r + 1, right: col });
      }
    }
  }
  return { workbook: out, map: identityMap };
};

interface MetaCell {
  row: number;
  col: number;
  raw: string;
}

function metaCells(s: SheetGrid): MetaCell[] {
  const top = headerTop(s);
  const out: MetaCell[] = [];
  for (let r = 0; r < top; r++) {
    for (const c of rowTexts(s, r)) if (META.test(c.text)) out.push({ row: r, col: c.col, raw: String(c.cell.value) });
  }
  return out;
}

function foldMeta(wb: WorkbookGrid, into: 'row' | 'title'): Transformed {
  const out = cloneWorkbook(wb);
  const maps = new Map<string, { row: (r: number) => number | null; col: (c: number) => number }>();
  for (const s of out.sheets) {
    if (!isTableSheet(s)) continue;
    const meta = metaCells(s);
    if (meta.length === 0) continue;
    const joined = meta.map((m) => m.raw.trim()).join('  ');
    for (const m of meta) setText(s, m.row, m.col, null);
    // Merges of the emptied meta cells go with them.
    s.merges = s.merges.filter((m) => !meta.some((x) => x.row === m.top && x.col === m.left));
    const titleRow = rowTexts(s, 0).length ? 0 : -1;
    if (into === 'title' && titleRow === 0) {
      const title = s.cells[0].find((c) => c && c.value !== null)!;
      title.value = `${String(title.value)}（${joined}）`;
    } else {
      setText(s, meta[0].row, 0, joined);
    }
    const removed: number[] = [];
    for (const r of new Set(meta.map((m) => m.row))) if (rowTexts(s, r).length === 0) removed.push(r);
    removed.sort((a, b) => b - a).forEach((r) => deleteRow(s, r));
    const sorted = [...removed].sort((a, b) => a - b);
    maps.set(s.name, { row: (r) => (sorted.includes(r) ? null : r - sorted.filter((x) => x < r).length), col: (c) => c });
  }
  return { workbook: out, map: shiftMap(maps) };
}

/** Department, year and unit lines merged into one row (the unit text kept). */
export const metaInOneRow: Transform = (wb) => foldMeta(wb, 'row');

/** Department, year and unit folded into the title cell (the unit text kept). */
export const metaIntoTitle: Transform = (wb) => foldMeta(wb, 'title');

/** 科目编码 split into 类 | 款 | 项 (function codes) or 类 | 款 (each economic-classification block). */
export const splitCodes: Transform = (wb, choose) => {
  const out = cloneWorkbook(wb);
  // Parents printed on every row, or only the row's own part (the rest inherited, §2.4).
  const sparse = choose(2) === 1;
  const maps = new Map<string, { row: (r: number) => number | null; col: (c: number) => number }>();
  for (const s of out.sheets) {
    let headRow = -1;
    let codeCols: number[] = [];
    for (let r = 0; r < Math.min(s.rowCount, 20) && headRow < 0; r++) {
      const cols = rowTexts(s, r).filter((c) => /科目编码$|科目代码$/.test(c.text)).map((c) => c.col);
      if (cols.length) {
        headRow = r;
        codeCols = cols;
      }
    }
    if (headRow < 0) continue;
    const economic = codeCols.length > 1;
    const parts = economic ? 2 : 3;
    const inserted: number[] = [];
    // Right to left, so the positions of the blocks still to split hold.
    for (const col of [...codeCols].sort((a, b) => b - a)) {
      insertCols(s, col + 1, parts - 1);
      inserted.push(col);
      s.merges = s.merges.filter((m) => !(m.top === headRow && m.left === col && m.right === col + parts - 1 && m.bottom === headRow));
      s.merges.push({ top: headRow, left: col, bottom: headRow, right: col + parts - 1 });
    }
    // The 类 | 款 | 项 heads on a new row under the code heads; heads beside them grow down over it.
    insertRows(s, headRow + 1, 1);
    for (const m of s.merges) if (m.bottom === headRow && m.top <= headRow && !(m.top === headRow && codeColsAfter(codeCols, parts).includes(m.left))) m.bottom += 1;
    const starts = codeColsAfter(codeCols, parts);
    for (const start of starts) ['类', '款', '项'].slice(0, parts).forEach((h, i) => setText(s, headRow + 1, start + i, h));
    const coveredBelow = (c: number) => s.merges.some((m) => m.top <= headRow && m.bottom >= headRow + 1 && c >= m.left && c <= m.right);
    for (let c = 0; c < s.colCount; c++) if (!starts.some((st) => c >= st && c < st + parts) && text(s, headRow, c) && !coveredBelow(c)) s.merges.push({ top: headRow, left: c, bottom: headRow + 1, right: c });
    for (let r = headRow + 2; r < s.rowCount; r++) {
      for (const start of starts) {
        const cell = s.cells[r]?.[start];
        const code = cell && cell.value !== null ? String(cell.value).trim() : '';
        if (!/^\d{3}(\d{2}){0,2}$/.test(code)) continue;
        const pieces = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].slice(0, parts);
        const own = code.length === 3 ? 0 : code.length === 5 ? 1 : 2;
        pieces.forEach((p, i) => setText(s, r, start + i, sparse && i < own ? null : p || null));
      }
    }
    const before = [...inserted].sort((a, b) => a - b);
    maps.set(s.name, {
      row: (r) => (r > headRow ? r + 1 : r),
      col: (c) => c + before.filter((x) => x < c).length * (parts - 1),
    });
  }
  return { workbook: out, map: shiftMap(maps) };
};

/** The code columns' positions once the columns of the parts before them are inserted. */
function codeColsAfter(codeCols: number[], parts: number): number[] {
  return [...codeCols].sort((a, b) => a - b).map((c, i) => c + i * (parts - 1));
}

/** An empty row after every third body row (PDF page breaks), and an empty column before the first amount column. */
export const spacerRowsAndColumn: Transform = (wb) => {
  const out = cloneWorkbook(wb);
  const maps = new Map<string, { row: (r: number) => number | null; col: (c: number) => number }>();
  for (const s of out.sheets) {
    if (!isTableSheet(s)) continue;
    const top = bodyTop(s);
    const after: number[] = [];
    for (let r = top; r < s.rowCount; r++) if ((r - top) % 3 === 2) after.push(r);
    for (const r of [...after].reverse()) insertRows(s, r + 1, 1);
    let amountCol = -1;
    for (let r = headerTop(s); r < top && amountCol < 0; r++) {
      const hit = rowTexts(s, r).find((c) => AMOUNT_HEAD.test(c.text));
      if (hit) amountCol = hit.col;
    }
    // Never the first column: the empty column goes between labels and amounts.
    if (amountCol > 0) insertCols(s, amountCol, 1);
    maps.set(s.name, {
      row: (r) => r + after.filter((x) => x < r).length,
      col: (c) => (amountCol > 0 && c >= amountCol ? c + 1 : c),
    });
  }
  return { workbook: out, map: shiftMap(maps) };
};

/** The table moved down and right (not starting at A1). */
export const moveDownRight: Transform = (wb, choose) => {
  const out = cloneWorkbook(wb);
  const down = 1 + choose(4);
  const right = 1 + choose(3);
  for (const s of out.sheets) {
    insertRows(s, 0, down);
    insertCols(s, 0, right);
  }
  return { workbook: out, map: (p) => ({ ...p, row: p.row + down, col: p.col + right }) };
};

/** Amounts written as text with thousands separators (`44,592,816.01`). */
export const amountsAsText: Transform = (wb) => {
  const out = cloneWorkbook(wb);
  for (const s of out.sheets) {
    const top = bodyTop(s);
    const notAmount = new Set<number>();
    for (let r = 0; r < Math.min(s.rowCount, top); r++) for (const c of rowTexts(s, r)) if (/行次|栏次|编码|代码/.test(c.text)) notAmount.add(c.col);
    for (let r = top; r < s.rowCount; r++) {
      if (isColumnNumberRow(s, r)) continue;
      (s.cells[r] ?? []).forEach((cell, c) => {
        if (!cell || typeof cell.value !== 'number' || notAmount.has(c) || !/0\.00/.test(cell.numFmt ?? '')) return;
        const written = String(cell.value);
        const decimals = (written.split('.')[1] ?? '').length;
        if (decimals > 2 || /e/i.test(written)) return;
        const [int, frac = ''] = written.replace('-', '').split('.');
        const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        s.cells[r][c] = { value: `${cell.value < 0 ? '-' : ''}${grouped}.${frac.padEnd(2, '0')}` };
      });
    }
  }
  return { workbook: out, map: identityMap };
};

/** Every transformation, by the name the README lists. */
export const TRANSFORMS: Record<string, Transform> = {
  renameAndShuffleSheets,
  removeMarkers,
  removeColumnNumberRows,
  removeHeaderMerges,
  extendHeaderMerges,
  metaInOneRow,
  metaIntoTitle,
  splitCodes,
  spacerRowsAndColumn,
  moveDownRight,
  amountsAsText,
};

/** Applies transformations in turn, composing their cell maps. */
export function applyAll(wb: WorkbookGrid, transforms: Transform[], choose: Choose): Transformed {
  let current: Transformed = { workbook: wb, map: identityMap };
  for (const t of transforms) {
    const next = t(current.workbook, choose);
    current = { workbook: next.workbook, map: composeMaps(current.map, next.map) };
  }
  return current;
}

/** A1 address (or range) of a cell, mapped. */
export function mapAddress(map: CellMap, sheet: string, address: string | null): { sheet: string; cell: string | null } {
  if (!address) return { sheet: map({ sheet, row: 0, col: 0 })?.sheet ?? sheet, cell: null };
  const ends = address.split(':').map((part) => {
    const p = parseA1(part)!;
    const q = map({ sheet, row: p.row, col: p.col });
    return q ? { sheet: q.sheet, cell: a1(q.row, q.col) } : { sheet, cell: '(removed)' };
  });
  return { sheet: ends[0].sheet, cell: ends.map((e) => e.cell).join(':') };
}

export type { CellRange };
