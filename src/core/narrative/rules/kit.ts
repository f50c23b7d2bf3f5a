/**
 * The shape of a narrative check (NC-…; narratives.md §4) and the arithmetic they share: the amount tolerance
 * (identities.md §2.1, §2.5) and the rate recomputation with input rounding (§2.4).
 */
import { Finding, Severity } from '../../findings';
import type { RuleDefinition } from '../../rules/definition';
import { Place } from '../../gongkai/identity';
import { Decimal, fixed, halfUp, ZERO } from '../../numbers';
import { convert, NarrativeContext, Para, Slot, unitOf } from '../context';
import { Figure, quoted } from '../figures';
import { commonUnit } from '../units';

/** A narrative check: its catalogue entry (title says what it holds the text to) and the check. */
export interface NRule extends RuleDefinition {
  run(ctx: NarrativeContext): Finding[];
}

const CENT = new Decimal('0.01');
const HUNDRED = new Decimal(100);

export function amountText(d: Decimal): string {
  return fixed(d, Math.max(2, d.decimalPlaces()));
}

export interface AmountComparison {
  severity: Severity | null;
  expected: Decimal;
  n: number;
  difference: Decimal;
  unitSlip: boolean;
  /** Printed with fewer decimals than the table and equal once rounded. */
  precision: boolean;
  /** The unit both sides were compared in. */
  unit: string;
}

/** A figure (in its own unit) against a table figure: exact, within 0.01 × n (n from a Σ the figure equals), or not. */
export function compareAmount(ctx: NarrativeContext, f: Figure, slot: Slot): AmountComparison | null {
  const unit = commonUnit(f.unit, unitOf(slot.table));
  const stated = convert(f.value, f.unit, unit);
  const expected = ctx.slotIn(slot, unit);
  if (expected === null) return null;
  const difference = stated.minus(expected);
  const base = { expected, difference, unitSlip: false, precision: false, unit };
  if (difference.isZero()) return { ...base, severity: null, n: 1 };
  if (f.decimals < 2 && f.unit === unit && halfUp(expected, f.decimals).eq(stated)) return { ...base, severity: 'info', n: 1, precision: true };
  if (difference.abs().lte(CENT)) return { ...base, severity: 'rounding', n: 1 };
  if (slot.places.length === 1) {
    for (const terms of ctx.addendSets(slot.places[0])) {
      const sum = sumIn(ctx, terms, unit);
      if (sum === null || !sum.value.eq(stated)) continue;
      if (difference.abs().lte(CENT.times(Math.max(1, sum.n)))) return { ...base, severity: 'rounding', n: sum.n };
    }
  }
  const tenThousand = new Decimal(10000);
  const unitSlip = !expected.isZero() && !stated.isZero() &&
    (halfUp(expected.div(tenThousand), 2).minus(stated).abs().lte(CENT) || halfUp(stated.div(tenThousand), 2).minus(expected).abs().lte(CENT));
  return { ...base, severity: 'error', n: 1, unitSlip };
}

function sumIn(ctx: NarrativeContext, places: Place[], unit: string): { value: Decimal; n: number } | null {
  let value = ZERO;
  let n = 0;
  for (const p of places) {
    const v = ctx.values.value(p);
    if (v === null) return null;
    const c = convert(v, unitOf(p.table), unit);
    if (!c.isZero()) n++;
    value = value.plus(c);
  }
  return { value, n };
}

/** Σ parts = total with the 0.01 × n tolerance (n = non-zero parts). */
export function sumSeverity(total: Decimal, parts: Decimal[]): { severity: Severity | null; expected: Decimal; n: number } {
  const expected = parts.reduce((a, b) => a.plus(b), ZERO);
  const n = parts.filter((p) => !p.isZero()).length;
  const d = total.minus(expected).abs();
  if (d.isZero()) return { severity: null, expected, n };
  return { severity: d.lte(CENT.times(Math.max(1, n))) ? 'rounding' : 'error', expected, n };
}

export interface RateInput {
  value: Decimal;
  /** Decimals printed (half a unit of the last digit is the input's rounding). */
  decimals: number;
}

export type RateFormula = 'ratio' | 'growth' | 'decline';

function rateOf(formula: RateFormula, a: Decimal, b: Decimal): Decimal | null {
  // ratio: a ÷ b; growth: Δ=a ÷ (current=b − Δ); decline: Δ=a ÷ (current=b + Δ)
  const den = formula === 'ratio' ? b : formula === 'growth' ? b.minus(a) : b.plus(a);
  if (den.isZero()) return null;
  return a.div(den).times(HUNDRED);
}

export interface RateCheck {
  severity: Severity | null;
  exact: Decimal;
  printed: number;
  /** Right but printed with fewer than 2 decimals. */
  precision: boolean;
}

/**
 * identities.md §2.4: equal at the printed precision → holds; |d| ≤ 0.01 pp, or reachable when each input moves
 * within ± half a unit of its last printed digit → rounding; otherwise error. Null for 0/0 or a zero denominator.
 */
export function checkRate(stated: Figure, formula: RateFormula, a: RateInput, b: RateInput): RateCheck | null {
  const exact = rateOf(formula, a.value, b.value);
  if (exact === null) return null;
  const p = stated.decimals;
  const value = stated.value;
  const rounded = halfUp(exact, p);
  if (rounded.eq(value)) return { severity: p < 2 ? 'info' : null, exact, printed: p, precision: p < 2 };
  if (value.minus(rounded).abs().lte(CENT)) return { severity: 'rounding', exact, printed: p, precision: false };
  const half = (x: RateInput) => new Decimal(1).div(new Decimal(10).pow(x.decimals)).div(2);
  let lo: Decimal | null = null;
  let hi: Decimal | null = null;
  for (const sa of [-1, 1]) {
    for (const sb of [-1, 1]) {
      const r = rateOf(formula, a.value.plus(half(a).times(sa)), b.value.plus(half(b).times(sb)));
      if (r === null) continue;
      lo = lo === null || r.lt(lo) ? r : lo;
      hi = hi === null || r.gt(hi) ? r : hi;
    }
  }
  if (lo && hi && value.gte(halfUp(lo, p)) && value.lte(halfUp(hi, p))) return { severity: 'rounding', exact, printed: p, precision: false };
  return { severity: 'error', exact, printed: p, precision: false };
}

export function percentText(d: Decimal, p: number): string {
  return `${fixed(d, Math.max(p, 2))}%`;
}

export function figureText(f: Figure): string {
  return quoted(f);
}

export function paraRef(p: Para): string {
  return p.cell;
}
