/**
 * Figures quoted in a 情况说明 paragraph (gongkai-layouts.md §4.11 "Figures in text"): amounts followed by 万元/元,
 * percentages (`8.78%`, `8.78％`), counts with 辆/个/人次/批次/台（套）, and amount-looking numbers with no unit word
 * (NC-12). Each figure keeps the exact text it was read from and its position, so findings quote it verbatim and the
 * checks can read the words before it.
 */
import { Decimal } from '../numbers';

export type FigureKind = 'amount' | 'percent' | 'count' | 'bare';

export interface Figure {
  kind: FigureKind;
  value: Decimal;
  /** Decimals written. */
  decimals: number;
  /** `万元`/`元` for amounts, `%` for percentages, the count word for counts, '' for bare numbers. */
  unit: string;
  /** The number as written (`18159.95`, `1,234.56`, `563.16%` for a percentage). */
  text: string;
  /** The number with its unit as written (`18159.95 万元`). */
  quote: string;
  start: number;
  end: number;
  /** A sign written before a percentage (`-5.36%`): NC-04. */
  signed?: boolean;
}

const NUMBER = String.raw`\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const COUNT_WORDS = String.raw`台[（(]套[）)]|人次|批次|辆|个|台|套|项`;
const FIGURE = new RegExp(String.raw`([+\-－]?)(${NUMBER})[ \t\u3000\u00a0]*(万元|元|[%％]|${COUNT_WORDS})?`, 'g');

/** Reads every figure of a paragraph, in order. Years (`2021 年`), dates and ordinals (`1.`) are not figures. */
export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  FIGURE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE.exec(text))) {
    const [whole, sign, num, unitRaw] = m;
    const start = m.index + sign.length;
    const before = text[m.index - 1] ?? '';
    if (/[\d.A-Za-z]/.test(before)) continue;
    const digits = num.replace(/[,，]/g, '');
    const value = new Decimal(digits);
    const dot = digits.indexOf('.');
    const decimals = dot < 0 ? 0 : digits.length - dot - 1;
    const unit = unitRaw ? unitRaw.replace('％', '%').replace(/[（(]套[）)]/, '（套）') : '';
    const end = m.index + whole.length;
    if (unit === '万元' || unit === '元') {
      out.push({ kind: 'amount', value, decimals, unit, text: num, quote: text.slice(start, end), start, end });
    } else if (unit === '%') {
      out.push({ kind: 'percent', value, decimals, unit, text: `${sign}${num}%`.replace('－', '-'), quote: text.slice(m.index, end), start: m.index, end, signed: sign !== '' });
    } else if (unit) {
      if (decimals > 0) continue;
      out.push({ kind: 'count', value, decimals, unit, text: num, quote: text.slice(start, end), start, end });
    } else {
      // A bare number: only one that looks like an amount (two decimals) and is no ordinal, year or date.
      const after = text.slice(end, end + 2);
      if (decimals !== 2) continue;
      if (/^\s*(?:年|月|日|分|倍|亿|万|千|小时|天|平方|米|公里|吨|岁|名|人|户|家|次|件|份)/.test(after)) continue;
      out.push({ kind: 'bare', value, decimals, unit: '', text: num, quote: num, start, end });
    }
  }
  return out;
}

/** `18159.95万元` style display of an amount figure for messages. */
export function quoted(f: Figure): string {
  return f.kind === 'amount' ? `${f.text}${f.unit}` : f.kind === 'count' ? `${f.text}${f.unit}` : f.text;
}
