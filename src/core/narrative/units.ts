/**
 * The one unit conversion of the narrative checks and drafts (narratives.md NC-01, identities.md §2.2): a figure in
 * the text and a table figure are compared in 万元 whenever either side is in 万元 — the 元 side is ÷ 10 000,
 * half-up to 2 decimals — and in 元 only when both are. 万元 is never scaled up: that would invent cents the 万元
 * figure never had. NC-01, NC-10, NC-11 and the drafts all go through here, so a 元 narrative beside 万元 tables and
 * a 万元 figure quoted in a 元 narrative (山西 2022 五（三）) read alike everywhere.
 */
import { yuanToWan } from '../gongkai/identity';
import { Decimal } from '../numbers';

export type MoneyUnit = '万元' | '元';

export function asMoneyUnit(unit: string | null | undefined): MoneyUnit {
  return unit === '元' ? '元' : '万元';
}

/** The unit two figures are compared in. */
export function commonUnit(a: string, b: string): MoneyUnit {
  return a === '元' && b === '元' ? '元' : '万元';
}

/** A value in `from` expressed in `to`; only 元 → 万元 converts, the caller picks `to` with commonUnit. */
export function convert(v: Decimal, from: string, to: string): Decimal {
  return from === '元' && to === '万元' ? yuanToWan(v) : v;
}

/**
 * A figure restated in the document's unit for a draft: 元 → 万元 half-up 2 dp; 万元 → 元 exactly (× 10 000), since
 * a draft quotes a figure rather than comparing two.
 */
export function express(v: Decimal, from: string, to: string): Decimal {
  if (from === '万元' && to === '元') return v.times(10000);
  return convert(v, from, to);
}

/** Both sides in their common unit. */
export function inCommonUnit(text: Decimal, textUnit: string, table: Decimal, tableUnit: string): { text: Decimal; table: Decimal; unit: MoneyUnit } {
  const unit = commonUnit(textUnit, tableUnit);
  return { text: convert(text, textUnit, unit), table: convert(table, tableUnit, unit), unit };
}

/**
 * A quoted amount equals a table figure when it is the figure rounded half-up to the decimals the text prints, at
 * least 2 (a 自评表 cell of 27.415 万元 is quoted 27.42万元, PR-04 and §0.3).
 */
export function quotesExactly(text: Decimal, textDecimals: number, table: Decimal): boolean {
  if (text.eq(table)) return true;
  const dp = Math.max(2, textDecimals);
  return table.decimalPlaces() > dp && table.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).eq(text);
}
