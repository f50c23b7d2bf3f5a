/** The two comparison functions of selfeval-rules.md §0 and the grade function S-GRD-00. */
import { Decimal, halfUp } from '../numbers';

export type Outcome = 'ok' | 'rounding' | 'error';

/** CMP-C: a computed figure (执行率, 得分) stated at `p` decimals against its exact value. */
export function cmpC(stated: Decimal, p: number, exact: Decimal): Outcome {
  const shown = halfUp(exact, p);
  if (stated.equals(shown)) return 'ok';
  if (p >= 1 && stated.minus(shown).abs().lte(new Decimal(10).pow(-p))) return 'rounding';
  if (p === 0 && stated.minus(exact).abs().lt(1)) return 'rounding';
  return 'error';
}

/** CMP-S for amounts: |d| ≤ 0.01 × max(1, n) is 尾数误差. */
export function cmpAmount(stated: Decimal, exact: Decimal, n: number): Outcome {
  const d = stated.minus(exact).abs();
  if (d.isZero()) return 'ok';
  return d.lte(new Decimal('0.01').times(Math.max(1, n))) ? 'rounding' : 'error';
}

/** CMP-S for scores: |d| ≤ 0.01 is 尾数误差. */
export function cmpScore(stated: Decimal, exact: Decimal): Outcome {
  const d = stated.minus(exact).abs();
  if (d.isZero()) return 'ok';
  return d.lte('0.01') ? 'rounding' : 'error';
}

/** S-GRD-00: 90 优, 80 良, 60 中, below 差; a boundary belongs to the upper grade. */
export function grade(total: Decimal): '优' | '良' | '中' | '差' {
  if (total.gte(90)) return '优';
  if (total.gte(80)) return '良';
  if (total.gte(60)) return '中';
  return '差';
}

/** `exact` as messages print it: at most 4 decimals, trailing zeros trimmed. */
export function exact4(d: Decimal): string {
  return halfUp(d, 4).toString();
}
