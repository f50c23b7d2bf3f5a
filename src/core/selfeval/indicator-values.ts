/** S-PARSE-06: indicator values (指标值, 完成值) by the notation grammar of selfeval.md §6. Used only by S-ADV. */
import { Decimal } from '../numbers';

export type Op = '≥' | '≤' | '>' | '<' | '=' | '≈';
export type Tier = 'met' | 'partial' | 'fail';

export type IndicatorValue =
  | { kind: 'quantity'; op: Op | null; value: Decimal; unit: string }
  | { kind: 'unit-only'; op: Op | null; unit: string }
  | { kind: 'time' | 'range' | 'text' | 'dash' | 'empty'; text: string }
  | { kind: 'tier'; tier: Tier; text: string };

const TIERS: Array<[Tier, RegExp]> = [
  ['fail', /未完成|未达成|效果较差|且效/],
  ['partial', /部分达成|具有一定效果|并具有/],
  ['met', /达成预期指标|完成预期指标|达成年度指标/],
];

export function normalizeValueText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\\geq?/g, '≥')
    .replace(/\\leq?/g, '≤')
    .replace(/\\%/g, '%')
    .replace(/[$\s\u3000]/g, '')
    .replace(/>=/g, '≥')
    .replace(/<=/g, '≤')
    .replace(/百分比|百分号/g, '%');
}

export function parseIndicatorValue(raw: string | number | boolean | null | undefined): IndicatorValue {
  if (raw === null || raw === undefined || String(raw).trim() === '') return { kind: 'empty', text: '' };
  if (typeof raw === 'number') return { kind: 'quantity', op: null, value: new Decimal(String(raw)), unit: '' };
  // A TRUE/FALSE cell (a 是/否 target typed as a logical value) is a qualitative text, never a figure.
  const s = normalizeValueText(String(raw));
  if (/^[-—–─/／]+$/.test(s)) return { kind: 'dash', text: s };
  for (const [tier, re] of TIERS) if (re.test(s)) return { kind: 'tier', tier, text: s };
  if (/&&|~|至/.test(s)) return { kind: 'range', text: s };
  if (/\d+(个)?月|\d+日|年底|年.*前|月底/.test(s)) return { kind: 'time', text: s };
  const m = /^([≥≤><=≈])?(-?\d+(?:\.\d+)?)([^\d]*)$/.exec(s);
  if (m) {
    const value = new Decimal(m[2]);
    // `=100100%`: a doubled value left by a typo is not a figure.
    if (m[3].startsWith('%') && value.gt(1000)) return { kind: 'text', text: s };
    return { kind: 'quantity', op: (m[1] as Op) ?? null, value, unit: m[3] };
  }
  const u = /^([≥≤><=≈])([^\d]+)$/.exec(s);
  if (u) return { kind: 'unit-only', op: u[1] as Op, unit: u[2] };
  return { kind: 'text', text: s };
}
