/**
 * Identity instances and their evaluation (identities.md §1–§2): `stated = Σ ± terms` (or ≤), exact decimal
 * arithmetic, the tolerance 0.01 unit × max(1, n) that tells 尾数误差 from a real error, unit conversion between
 * 元 and 万元 tables, and the factor-10 000 hint that a unit label is wrong.
 */
import { a1 } from '../address';
import { Finding, Severity, Unit } from '../findings';
import { Decimal, fixed, halfUp, ZERO } from '../numbers';
import { CellValues, fromCents, Override } from './cell-values';
import { GTable } from './model';
import { Identity, Place, refOf, Strength } from './places';

// The places and readings the identities are made of, for the modules that import them from here.
export { CellValues, Override, readAmount, SheetValues } from './cell-values';
export { CellMap, cellNumber, refOf, rowOfCellNumber, samePlace } from './places';
export type { Identity, Place, Strength, Term } from './places';







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
