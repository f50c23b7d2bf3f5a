/**
 * The grid model every host fills: the CLI's .xlsx reader, the in-memory playground and the Office.js adapter.
 * Rows and columns are 0-based here; addresses shown to people are A1-style (see address.ts).
 */

/** What a cell holds. A formula cell holds its cached result; `formulaWithoutValue` marks one that has none. */
export type CellValue = number | string | boolean | null;

export interface Cell {
  value: CellValue;
  /** Number format as Excel stores it (`#,##0.00`, `0.00%`, `General`). */
  numFmt?: string;
  /** Text as Excel displays it, when the host knows it (Office.js does, an .xlsx file does not). */
  text?: string;
  /** Formula text without the leading `=`. */
  formula?: string;
  /** A formula whose result was never calculated: the value is unknown, never 0. */
  formulaWithoutValue?: boolean;
  /** An Excel error value such as `#REF!` or `#DIV/0!`. */
  error?: string;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  rowCount: number;
  colCount: number;
  /** rows × columns; a missing entry is an empty cell. Non-anchor cells of a merge are always empty. */
  cells: (Cell | undefined)[][];
  merges: CellRange[];
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  protected?: boolean;
}

export interface WorkbookGrid {
  fileName: string;
  sheets: SheetGrid[];
}

/**
 * The very hidden sheet in which the WPS 加载项 keeps its change journal (src/wps, README "WPS 表格"). It travels
 * with the file into every host — Excel, the 网页版, the CLI — and is never a user's table, so no host checks it.
 */
export const JOURNAL_SHEET = '_juesuan_journal_';

export function isJournalSheet(name: string): boolean {
  return name === JOURNAL_SHEET;
}

/** The workbook as the user sees it: without the journal sheet (the same object when there is none). */
export function userSheetsOnly(workbook: WorkbookGrid): WorkbookGrid {
  return workbook.sheets.some((s) => isJournalSheet(s.name)) ? { ...workbook, sheets: workbook.sheets.filter((s) => !isJournalSheet(s.name)) } : workbook;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): Cell | undefined {
  return sheet.cells[row]?.[col];
}

/** A cell is empty when it holds nothing a person would see. */
export function isEmptyCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.error || cell.formulaWithoutValue) return false;
  return cell.value === null || cell.value === '' || (typeof cell.value === 'string' && cell.value.trim() === '');
}

/** The raw text of a cell as written (numbers in their shortest round-trip form). */
export function rawText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  if (cell.value === null) return '';
  return String(cell.value);
}

export interface SheetGridInit {
  name: string;
  cells: (Cell | undefined)[][];
  merges?: CellRange[];
  hiddenRows?: Iterable<number>;
  hiddenCols?: Iterable<number>;
  protected?: boolean;
}

/**
 * Builds a grid and blanks every non-anchor cell of a merged range. Office.js already returns "" there, exceljs
 * repeats the anchor's value; doing it here once means no host can count a merged amount twice.
 */
export function makeSheetGrid(init: SheetGridInit): SheetGrid {
  const merges = init.merges ?? [];
  const cells = init.cells;
  // Only the rows and cells that exist are visited: a merge over a whole sheet costs what the sheet holds, not its area.
  for (const m of merges) {
    const lastRow = Math.min(m.bottom, cells.length - 1);
    for (let r = m.top; r <= lastRow; r++) {
      const row = cells[r];
      if (!row) continue;
      const lastCol = Math.min(m.right, row.length - 1);
      for (let c = m.left; c <= lastCol; c++) {
        if (r === m.top && c === m.left) continue;
        if (row[c] !== undefined) row[c] = undefined;
      }
    }
  }
  let colCount = 0;
  for (const row of cells) if (row && row.length > colCount) colCount = row.length;
  return {
    name: init.name,
    rowCount: cells.length,
    colCount,
    cells,
    merges,
    hiddenRows: new Set(init.hiddenRows ?? []),
    hiddenCols: new Set(init.hiddenCols ?? []),
    protected: init.protected,
  };
}

/** Builds a grid from plain values, row by row — the shape tests and the in-memory host write by hand. */
export function gridFromRows(name: string, rows: CellValue[][], options: Omit<SheetGridInit, 'name' | 'cells'> = {}): SheetGrid {
  const cells = rows.map((row) => row.map((value) => (value === null || value === undefined ? undefined : { value })));
  return makeSheetGrid({ name, cells, ...options });
}

/** Merges by the rows they cover, so lookups stay cheap on sheets with a merge on every row. */
const mergesByRow = new WeakMap<SheetGrid, { count: number; rows: Map<number, CellRange[]> }>();

function mergeRows(sheet: SheetGrid): Map<number, CellRange[]> {
  let index = mergesByRow.get(sheet);
  if (!index || index.count !== sheet.merges.length) {
    const rows = new Map<number, CellRange[]>();
    for (const m of sheet.merges) {
      // Rows past the sheet's end hold nothing to look up; a whole-column merge indexes only the rows that exist.
      const lastRow = Math.min(m.bottom, Math.max(sheet.rowCount - 1, m.top));
      for (let r = m.top; r <= lastRow; r++) {
        const list = rows.get(r);
        if (list) list.push(m);
        else rows.set(r, [m]);
      }
    }
    index = { count: sheet.merges.length, rows };
    mergesByRow.set(sheet, index);
  }
  return index.rows;
}

/** The merge that covers (row, col), anchor or not. */
export function mergeCovering(sheet: SheetGrid, row: number, col: number): CellRange | undefined {
  return mergeRows(sheet).get(row)?.find((m) => col >= m.left && col <= m.right);
}
