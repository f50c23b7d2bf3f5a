/**
 * Identity instances and their evaluation (identities.md §1–§2): `stated = Σ ± terms` (or ≤), exact decimal
 * arithmetic, the tolerance 0.01 unit × max(1, n) that tells 尾数误差 from a real error, unit conversion between
 * 元 and 万元 tables, and the factor-10 000 hint that a unit label is wrong.
 */
import { a1 } from '../address';
import { CellRef, Finding, Severity, Unit } from '../findings';
import { Cell, cellAt, SheetGrid } from '../grid';
import { CENTS_LIMIT, centsOfDecimal, Decimal, fixed, halfUp, readNumber, Reading, shownDecimals, ZERO } from '../numbers';
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

export type Status = 'exact' | 'within' | 'beyond';

export interface Evaluation {
  stated: Decimal;
  expected: Decimal;
  difference: Decimal;
  n: number;
  tolerance: Decimal;
  unit: Unit;
  status: Status;
  /** Beyond tolerance but within it after dividing one side by 10 000. */
  unitSlip: boolean;
}

const CENT = new Decimal('0.01');
const TEN_THOUSAND = new Decimal(10000);

/** identities.md §2.2: a 元 figure compared in 万元 is ÷ 10 000, half-up to 2 decimals; 万元 is never scaled up. */
export function yuanToWan(v: Decimal): Decimal {
  return halfUp(v.div(TEN_THOUSAND), 2);
}

export function unitOf(t: GTable): Unit {
  return t.unit ?? '万元';
}

/**
 * True when the instance certainly holds, decided on exact integer hundredths of cells in one unit; false means
 * "evaluate in full" (it may fail, mix units, or hold cells without such a form). Most instances of a large table
 * hold, and this spares building their decimal.js values.
 */
export function holdsExactly(id: Identity, values: CellValues): boolean {
  const sums = oneUnitCents(id, values);
  if (!sums) return false;
  return id.relation === 'le' ? sums.stated <= sums.expected : sums.stated === sums.expected;
}

/**
 * The two sides of an instance in exact integer hundredths; null when it mixes 元 and 万元 tables or a cell has no
 * such form (the caller then works on decimal.js values).
 */
export function oneUnitCents(id: Identity, values: CellValues, override?: Override): { stated: number; expected: number; n: number } | null {
  return mixesUnits(id) ? null : sumInCents(id, values, override);
}

/**
 * The two sides of a one-unit instance in exact integer hundredths; null when a cell has no such form (the caller
 * then sums decimal.js values cell by cell).
 */
function sumInCents(id: Identity, values: CellValues, override?: Override): { stated: number; expected: number; n: number } | null {
  const stated = values.centsWith(id.stated, override);
  if (stated === undefined) return null;
  let expected = 0;
  let n = 0;
  for (const term of id.terms) {
    const c = values.centsWith(term, override);
    if (c === undefined) return null;
    if (c !== 0) n++;
    expected += term.sign * c;
  }
  return { stated, expected, n };
}

/** An exact integer of hundredths as a decimal.js value, built from its digits (cheaper than dividing). */
function fromCents(cents: number): Decimal {
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return new Decimal(`${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`);
}

function mixesUnits(id: Identity): boolean {
  const unit = unitOf(id.stated.table);
  for (const t of id.terms) if (unitOf(t.table) !== unit) return true;
  return false;
}

function statusOf(relation: Identity['relation'], difference: Decimal, tolerance: Decimal): Status {
  if (relation === 'le') return difference.lte(0) ? 'exact' : difference.lte(tolerance) ? 'within' : 'beyond';
  return difference.isZero() ? 'exact' : difference.abs().lte(tolerance) ? 'within' : 'beyond';
}

/** Evaluates an instance, or null when a cell it needs is unknown or unreadable (never read as 0). */
export function evaluate(id: Identity, values: CellValues, override?: Override): Evaluation | null {
  const mixed = mixesUnits(id);
  const unit: Unit = mixed ? '万元' : unitOf(id.stated.table);
  const sides = (mixed ? null : sidesInCents(id, values, override)) ?? sidesInDecimals(id, values, mixed, override);
  if (!sides) return null;
  const { stated, expected, difference, tolerance, n, status } = sides;
  let unitSlip = false;
  if (status === 'beyond' && id.relation === 'eq' && isInterTable(id) && !stated.isZero() && !expected.isZero()) {
    const near = (a: Decimal, b: Decimal) => yuanToWan(a).minus(b).abs().lte(tolerance);
    unitSlip = near(stated, expected) || near(expected, stated);
  }
  return { stated, expected, difference, n, tolerance, unit, status, unitSlip };
}

type Sides = Pick<Evaluation, 'stated' | 'expected' | 'difference' | 'tolerance' | 'n' | 'status'>;

/** The tolerance in hundredths: 0.01 × max(1, n) (n = non-zero terms), none for counts (identities.md §2.1). */
function centsTolerance(id: Identity, n: number): number {
  return id.strength === 'count' ? 0 : Math.max(1, n);
}

function centsStatus(id: Identity, difference: number, tolerance: number): Status {
  if (id.relation === 'le') return difference <= 0 ? 'exact' : difference <= tolerance ? 'within' : 'beyond';
  return difference === 0 ? 'exact' : Math.abs(difference) <= tolerance ? 'within' : 'beyond';
}

function sidesInCents(id: Identity, values: CellValues, override?: Override): Sides | null {
  const sums = sumInCents(id, values, override);
  if (!sums) return null;
  const d = sums.stated - sums.expected;
  const tolerance = centsTolerance(id, sums.n);
  return { stated: fromCents(sums.stated), expected: fromCents(sums.expected), difference: fromCents(d), tolerance: fromCents(tolerance), n: sums.n, status: centsStatus(id, d, tolerance) };
}

/** Only the status of an instance (for 舍位平衡 trials): no decimal.js values when every cell has exact hundredths. */
export function statusWith(id: Identity, values: CellValues, override?: Override): Status | null {
  const sums = oneUnitCents(id, values, override);
  if (sums) return centsStatus(id, sums.stated - sums.expected, centsTolerance(id, sums.n));
  return evaluate(id, values, override)?.status ?? null;
}

function sidesInDecimals(id: Identity, values: CellValues, mixed: boolean, override?: Override): Sides | null {
  const inUnit = (p: Place): Decimal | null => {
    const v = values.value(p, override);
    if (v === null) return null;
    return mixed && unitOf(p.table) === '元' ? yuanToWan(v) : v;
  };
  const stated = inUnit(id.stated);
  if (stated === null) return null;
  let expected = ZERO;
  let n = 0;
  for (const term of id.terms) {
    const v = inUnit(term);
    if (v === null) return null;
    if (!v.isZero()) n++;
    expected = term.sign === 1 ? expected.plus(v) : expected.minus(v);
  }
  const difference = stated.minus(expected);
  const tolerance = id.strength === 'count' ? ZERO : CENT.times(Math.max(1, n));
  return { stated, expected, difference, tolerance, n, status: statusOf(id.relation, difference, tolerance) };
}

export function isInterTable(id: Identity): boolean {
  return id.terms.some((t) => t.table !== id.stated.table);
}

/** The finding's severity for an evaluation, or null when the instance gives none (identities.md §2). */
export function severityOf(id: Identity, e: Evaluation): Severity | null {
  if (e.status === 'exact') return null;
  if (id.relation === 'le') {
    if (e.status === 'within') return null;
    return id.strength === 'def' ? 'error' : 'warning';
  }
  if (id.strength === 'count') return 'error';
  if (e.status === 'within') return 'rounding';
  if (e.unitSlip) return 'error';
  return id.strength === 'eq' ? 'error' : 'warning';
}

function amountText(d: Decimal, strength: Strength): string {
  return strength === 'count' ? d.toFixed(0) : fixed(d, Math.max(2, d.decimalPlaces()));
}

function signed(d: Decimal, strength: Strength): string {
  const s = amountText(d, strength);
  return d.gt(0) ? `+${s}` : s;
}

export function findingOf(id: Identity, e: Evaluation, severity: Severity): Finding {
  const unitWord = e.unit;
  const stated = amountText(e.stated, id.strength);
  const expected = amountText(e.expected, id.strength);
  let tail: string;
  if (id.relation === 'le') {
    tail = `填报 ${stated} 超过上限 ${expected} ${amountText(e.difference, id.strength)}${id.strength === 'count' ? '' : unitWord}（${severity === 'error' ? '错误' : '提示：请核实'}）`;
  } else if (severity === 'rounding') {
    tail = `填报 ${stated}，应为 ${expected}，相差 ${amountText(e.difference.abs(), id.strength)}${unitWord}（尾数误差，容差 ${fixed(e.tolerance)}）`;
  } else if (e.unitSlip) {
    tail = `填报 ${stated}，应为 ${expected}，两者相差约一万倍：很可能是某张表的金额单位（万元/元）标注有误`;
  } else if (id.strength === 'count') {
    tail = `填报 ${stated}，应为 ${expected}（数量须完全相等）`;
  } else {
    tail = `填报 ${stated}，应为 ${expected}，相差 ${amountText(e.difference.abs(), id.strength)}${unitWord}，超出尾数误差容差 ${fixed(e.tolerance)}`;
  }
  const f: Finding = {
    sheet: id.stated.table.sheet.name,
    cell: a1(id.stated.pos.row, id.stated.pos.col),
    rule: id.rule,
    severity,
    stated,
    expected,
    difference: signed(e.difference, id.strength),
    message: `${id.what}：${tail}`,
    related: id.terms.map(refOf),
  };
  if (id.derived) f.derived = true;
  return f;
}
