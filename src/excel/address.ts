/**
 * Office.js addresses (`Sheet1!A1:C5`, `'My sheet'!A1`, quotes doubled inside): the one place they are taken apart and put together.
 */
import { parseA1 } from '../core/address';
import { CellRange } from '../core/grid';

/** The sheet (quotes undone) and the part after the `!`; a bare address has sheet ''. */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: '', local: address };
  const sheet = address.slice(0, bang);
  return { sheet: sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet, local: address.slice(bang + 1) };
}

/** `sheet!local`, the sheet always quoted (a name may hold spaces, quotes or look like a cell). */
export function qualify(sheet: string, local: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${local}`;
}

/** The cells of `A1:C5` (or of one cell), with or without a sheet and `$`s; null when it is not an address. */
export function rangeOf(address: string): CellRange | null {
  const [start, end] = splitAddress(address).local.replace(/\$/g, '').split(':');
  const s = parseA1(start);
  const e = parseA1(end ?? start);
  if (!s || !e) return null;
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

/** A comma-separated list of areas (getMergedAreas' address). */
export function rangesOf(addresses: string): CellRange[] {
  return addresses
    .split(',')
    .map((a) => rangeOf(a.trim()))
    .filter((r): r is CellRange => r !== null);
}
