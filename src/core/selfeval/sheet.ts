/** Small reading helpers over a SheetGrid for the self-evaluation reader. */
import { Cell, isEmptyCell, mergeCovering, SheetGrid } from '../grid';
import { norm } from '../text';

export function cell(sheet: SheetGrid, row: number, col: number): Cell | undefined {
  return sheet.cells[row]?.[col];
}

export function textAt(sheet: SheetGrid, row: number, col: number): string {
  const c = cell(sheet, row, col);
  if (!c || c.value === null || c.value === undefined) return '';
  return String(c.value);
}

export function normAt(sheet: SheetGrid, row: number, col: number): string {
  return norm(textAt(sheet, row, col));
}

export function isEmpty(sheet: SheetGrid, row: number, col: number): boolean {
  return isEmptyCell(cell(sheet, row, col));
}

/** Non-empty cells of a row as [col, normalised text]. */
export function rowCells(sheet: SheetGrid, row: number): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const r = sheet.cells[row];
  if (!r) return out;
  r.forEach((c, col) => {
    if (!isEmptyCell(c)) out.push([col, norm(c && c.value !== null ? String(c.value) : c?.error ?? '')]);
  });
  return out;
}

export function rowIsEmpty(sheet: SheetGrid, row: number): boolean {
  return rowCells(sheet, row).length === 0;
}

export function rowHasNumber(sheet: SheetGrid, row: number): boolean {
  return (sheet.cells[row] ?? []).some((c) => c && typeof c.value === 'number');
}

/** The text of the first non-empty cell of a row, normalised. */
export function firstText(sheet: SheetGrid, row: number): string {
  const cells = rowCells(sheet, row);
  return cells.length ? cells[0][1] : '';
}

/**
 * Header text per column over one or two header rows: a horizontally merged heading counts for every column it
 * covers (so `年初预算数` over `目标申报数`/`预算编制数` reads as both).
 */
export function headerTexts(sheet: SheetGrid, rows: number[], width: number): string[] {
  const out: string[] = new Array(width).fill('');
  for (const row of rows) {
    for (let col = 0; col < width; col++) {
      let t = normAt(sheet, row, col);
      if (!t) {
        const m = mergeCovering(sheet, row, col);
        if (m && m.top === row && col > m.left) t = normAt(sheet, row, m.left);
      }
      if (t && !out[col].endsWith(t)) out[col] += t;
    }
  }
  return out;
}
