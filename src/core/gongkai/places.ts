/**
 * Where an identity's figures sit — a place is a table and a cell — and the keys and maps by cell the evaluation
 * and the 舍位平衡 search use. A leaf of the 公开表 family: the readings and the evaluation both build on it.
 */
import { a1 } from '../address';
import { CellRef } from '../findings';
import { SheetGrid } from '../grid';
import { GTable, Pos } from './model';

/**
 * eq: an equality, beyond tolerance an error; def/plaus: inequalities (error / warning beyond tolerance);
 * cond: an equality run only when its condition holds (warning beyond tolerance); count: exact (vehicles).
 */
export type Strength = 'eq' | 'def' | 'plaus' | 'cond' | 'count';

export interface Place {
  table: GTable;
  pos: Pos;
}

export interface Term extends Place {
  sign: 1 | -1;
}

export interface Identity {
  rule: string;
  stated: Place;
  terms: Term[];
  relation: 'eq' | 'le';
  strength: Strength;
  derived?: boolean;
  /** Chinese: what must hold, e.g. `本年支出合计（行58）= 各功能分类支出（行32–57）之和`. */
  what: string;
}

export function samePlace(a: Place, b: Place): boolean {
  return a.pos.row === b.pos.row && a.pos.col === b.pos.col && a.table.sheet === b.table.sheet;
}

/** Excel's column limit: row × this + column numbers every cell of a sheet. */
const MAX_COLUMNS = 16384;

export function cellNumber(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function rowOfCellNumber(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

/** A map keyed by cell, without building a string per lookup. */
export class CellMap<T> {
  private readonly bySheet = new Map<SheetGrid, Map<number, T>>();

  get(p: Place): T | undefined {
    return this.bySheet.get(p.table.sheet)?.get(cellNumber(p.pos.row, p.pos.col));
  }

  set(p: Place, value: T): void {
    let cells = this.bySheet.get(p.table.sheet);
    if (!cells) this.bySheet.set(p.table.sheet, (cells = new Map()));
    cells.set(cellNumber(p.pos.row, p.pos.col), value);
  }

  /** The entries of one sheet, by cellNumber. */
  sheet(sheet: SheetGrid): ReadonlyMap<number, T> | undefined {
    return this.bySheet.get(sheet);
  }
}

export function refOf(place: Place): CellRef {
  return { sheet: place.table.sheet.name, cell: a1(place.pos.row, place.pos.col) };
}
