/**
 * The cells of the 公开表 as the identities read them (README "Reading cells"): exact hundredths kept per cell in
 * typed arrays, the full reading only where a cell is not a plain number, and a trial value for the 舍位平衡 search.
 */
import { Cell, cellAt, SheetGrid } from '../grid';
import { CENTS_LIMIT, centsOfDecimal, Decimal, readNumber, Reading, shownDecimals, ZERO } from '../numbers';
import { Pos } from './model';
import { Place, samePlace } from './places';

/** A cell not yet read, a blank cell, a plain stored number (its hundredths kept as an integer), anything else. */
const UNREAD = 0;
const BLANK = 1;
const PLAIN = 2;
const OTHER = 3;

/**
 * One sheet's cells as read: a state byte and exact hundredths per cell in typed arrays, so a 200 000-row table is
 * read without an object per cell. Cells that are not plain numbers (text, dashes, errors, extra decimals) keep
 * their full Reading.
 */
export class SheetValues {
  private readonly width: number;
  private readonly state: Uint8Array;
  private readonly cents: Float64Array;
  private readonly others = new Map<number, Reading>();
  private readonly decimals = new Map<number, Decimal>();

  constructor(readonly sheet: SheetGrid) {
    this.width = sheet.colCount + 1;
    const size = (sheet.rowCount + 1) * this.width;
    this.state = new Uint8Array(size);
    this.cents = new Float64Array(size);
  }

  /** The state of (row, col), reading the cell on first use. */
  private load(row: number, col: number): number {
    const key = row * this.width + col;
    const known = this.state[key];
    if (known !== UNREAD) return known;
    const cell = cellAt(this.sheet, row, col);
    const cents = plainCents(cell);
    if (cents !== undefined) {
      this.cents[key] = cents;
      return (this.state[key] = PLAIN);
    }
    if (!cell || ((cell.value === null || cell.value === undefined) && !cell.error && !cell.formulaWithoutValue)) return (this.state[key] = BLANK);
    this.others.set(key, readAmount(cell));
    return (this.state[key] = OTHER);
  }

  /** 'blank' or 'number' (shown exactly as stored) for a cell no reading finding applies to, else null. */
  plainKind(row: number, col: number): 'blank' | 'number' | null {
    const state = this.load(row, col);
    return state === PLAIN ? 'number' : state === BLANK ? 'blank' : null;
  }

  reading(row: number, col: number): Reading {
    const state = this.load(row, col);
    if (state === BLANK) return BLANK_READING;
    const key = row * this.width + col;
    let r = this.others.get(key);
    if (!r) this.others.set(key, (r = readAmount(cellAt(this.sheet, row, col))));
    return r;
  }

  /** Exact hundredths: empty is 0; undefined when the cell has no such form. */
  centsAt(row: number, col: number): number | undefined {
    const state = this.load(row, col);
    if (state === PLAIN) return this.cents[row * this.width + col];
    if (state === BLANK) return 0;
    const r = this.others.get(row * this.width + col)!;
    if (r.kind === 'number') return r.cents;
    return r.kind === 'empty' ? 0 : undefined;
  }

  value(row: number, col: number): Decimal | null {
    const state = this.load(row, col);
    if (state === BLANK) return ZERO;
    const key = row * this.width + col;
    if (state === PLAIN) {
      let d = this.decimals.get(key);
      if (!d) this.decimals.set(key, (d = fromCents(this.cents[key])));
      return d;
    }
    const r = this.others.get(key)!;
    if (r.kind === 'number') return r.value;
    return r.kind === 'empty' ? ZERO : null;
  }
}

const BLANK_READING: Reading = { kind: 'empty', dash: false };

/**
 * An amount as the 公开表 checks read it. A stored number under a percentage format (4 shown as 400.00%) is an
 * amount with a wrong format, not 400: it is taken at its stored value, to the decimals the format shows, and
 * R-FORMAT says so.
 */
export function readAmount(cell: Cell | undefined): Reading {
  const r = readNumber(cell);
  if (r.kind !== 'number' || !r.percent || r.fromText) return r;
  const value = r.value.div(100);
  return { kind: 'number', value, decimals: r.decimals + 2, percent: true, fromText: false, cents: centsOfDecimal(value) };
}

/**
 * Exact hundredths of a stored number shown as stored, or undefined for every other cell. `Math.round(v × 100) / 100`
 * giving back v means v's shortest decimal form has at most 2 decimals, so the integer is exact; the number format
 * must show at least those decimals (else R-PREC applies) and not be a percentage.
 */
function plainCents(cell: Cell | undefined): number | undefined {
  if (!cell || typeof cell.value !== 'number' || cell.error || cell.formulaWithoutValue) return undefined;
  const v = cell.value;
  if (!(Math.abs(v) < CENTS_LIMIT)) return undefined;
  const c = Math.round(v * 100);
  if (c / 100 !== v) return undefined;
  const storedDecimals = c % 100 === 0 ? 0 : c % 10 === 0 ? 1 : 2;
  const shown = shownDecimals(cell.numFmt, v);
  return !shown.percent && storedDecimals <= shown.decimals ? c + 0 : undefined; // + 0: -0 is 0
}

/** Readings cached per cell; values may be overridden to test a 舍位平衡 proposal. */
export class CellValues {
  private sheets = new Map<SheetGrid, SheetValues>();

  /** One sheet's values, for loops over many of its cells. */
  of(sheet: SheetGrid): SheetValues {
    let v = this.sheets.get(sheet);
    if (!v) this.sheets.set(sheet, (v = new SheetValues(sheet)));
    return v;
  }

  read(sheet: SheetGrid, pos: Pos): Reading {
    return this.of(sheet).reading(pos.row, pos.col);
  }

  /** Exact hundredths for the quick check: empty is 0; undefined when the cell has no such form. */
  cents(place: Place): number | undefined {
    return this.centsAt(place.table.sheet, place.pos.row, place.pos.col);
  }

  centsAt(sheet: SheetGrid, row: number, col: number): number | undefined {
    return this.of(sheet).centsAt(row, col);
  }

  /** The value for arithmetic: empty is 0; unknown or unreadable is null (the identity is skipped). */
  value(place: Place, override?: Override): Decimal | null {
    if (override && samePlace(place, override.place)) return override.value;
    return this.of(place.table.sheet).value(place.pos.row, place.pos.col);
  }

  /** As `cents`, with one cell's value replaced. */
  centsWith(place: Place, override?: Override): number | undefined {
    if (override && samePlace(place, override.place)) return override.cents;
    return this.cents(place);
  }
}

/**
 * One cell's value replaced, to test a 舍位平衡 proposal: `cents` when the value has at most 2 decimals. A trial made
 * in cents builds its decimal.js value only if an identity without exact hundredths asks for it.
 */
export class Override {
  private constructor(readonly place: Place, private exact: Decimal | undefined, readonly cents: number | undefined) {}

  static of(place: Place, value: Decimal): Override {
    return new Override(place, value, centsOfDecimal(value));
  }

  static inCents(place: Place, cents: number): Override {
    return new Override(place, undefined, cents);
  }

  get value(): Decimal {
    return (this.exact ??= fromCents(this.cents!));
  }

  /** A trial value below zero is never proposed; decided on the cents when there are some. */
  get negative(): boolean {
    return this.cents !== undefined ? this.cents < 0 : this.value.isNegative();
  }
}

export function fromCents(cents: number): Decimal {
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return new Decimal(`${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`);
}
