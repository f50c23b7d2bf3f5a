/** Writing a recomputed figure back: the value, the text it shows and a number format that shows it. */
import { Decimal, fixed, halfUp, shownDecimals } from '../../numbers';
import { TableCheck } from '../context';

export function formatFor(p: number, percent: boolean): string {
  const base = p > 0 ? `0.${'0'.repeat(p)}` : '0';
  return percent ? `${base}%` : base;
}

/** Text of a figure at `p` decimals, as the cell would show it. */
export function showAt(d: Decimal, p: number, percent: boolean): string {
  return fixed(halfUp(d, p), p) + (percent ? '%' : '');
}

/**
 * Proposes `value` (a percent number when `percent`) at `p` decimals for a cell. A numeric cell keeps its own number
 * format when that shows `p` decimals; a text or empty cell gets a number and a format that shows it.
 */
export function proposeNumber(ctx: TableCheck, row: number, col: number, value: Decimal, p: number, percent: boolean, rule: string): void {
  const cell = ctx.sheet.cells[row]?.[col];
  const rounded = halfUp(value, p);
  let percentCell = percent;
  let keep = false;
  if (cell && typeof cell.value === 'number') {
    const shown = shownDecimals(cell.numFmt, cell.value);
    percentCell = shown.percent;
    keep = !!cell.numFmt && !/general/i.test(cell.numFmt) && shown.decimals === p;
  }
  const stored = percentCell ? rounded.dividedBy(100) : rounded;
  ctx.edit(row, col, showAt(value, p, percent), Number(stored.toString()), rule, keep ? undefined : formatFor(p, percentCell));
}
