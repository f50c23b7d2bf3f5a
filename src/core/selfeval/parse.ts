/**
 * Reading figures (selfeval-rules.md §1, S-PARSE-01…05): numbers, text numbers with units, dashes, percent scale,
 * and the decimal-comma decision for `d,ddd` money cells (S-PARSE-03).
 */
import { Cell } from '../grid';
import { Decimal, fixed, NumberReading, Reading, readNumber, shownDecimals } from '../numbers';
import { nfkcTrim } from '../text';

const UNIT_WORDS = ['万元', '元', '分'];

export function readCellNumber(cell: Cell | undefined): Reading {
  const r = readNumber(cell, { unitWords: UNIT_WORDS });
  if (r.kind === 'number' && r.fromText && cell && typeof cell.value === 'string') r.text = cell.value;
  return r;
}

/** The cell as a person sees it: numbers at their shown decimals (`98.66%`), text as written. */
export function shownText(cell: Cell | undefined, reading?: Reading): string {
  if (!cell) return '';
  if (cell.error) return cell.error;
  if (typeof cell.value === 'number') {
    const r = reading && reading.kind === 'number' && !reading.fromText ? reading : readNumber(cell);
    if (r.kind === 'number') {
      if (r.percent) return `${fixed(r.value, r.decimals)}%`;
      const fmt = cell.numFmt ?? '';
      if (/#,##0/.test(fmt)) return groupThousands(fixed(r.value, r.decimals));
      return fixed(r.value, r.decimals);
    }
  }
  return cell.value === null || cell.value === undefined ? '' : String(cell.value);
}

function groupThousands(s: string): string {
  const [int, frac] = s.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
}

/** A `d,ddd` money cell has two readings (S-PARSE-03): thousands (T) and decimal comma (D). */
export interface Ambiguous {
  row: number;
  col: number;
  text: string;
  t: NumberReading;
  d: NumberReading;
}

export function ambiguousReadings(cell: Cell | undefined): { text: string; t: NumberReading; d: NumberReading } | null {
  if (!cell || cell.formulaWithoutValue || cell.error) return null;
  if (typeof cell.value === 'string') {
    const s = nfkcTrim(cell.value).replace(/\s+/g, '').replace(/，/g, ',');
    const m = /^(-?\d{1,3}),(\d{3})$/.exec(s);
    if (!m) return null;
    const t = new Decimal(m[1] + m[2]);
    const d = new Decimal(`${m[1]}.${m[2]}`);
    return {
      text: cell.value,
      t: { kind: 'number', value: t, decimals: 0, percent: false, fromText: true, text: cell.value },
      d: { kind: 'number', value: d, decimals: 3, percent: false, fromText: true, text: cell.value },
    };
  }
  if (typeof cell.value === 'number' && Number.isInteger(cell.value) && Math.abs(cell.value) >= 1000 && Math.abs(cell.value) < 1_000_000) {
    const fmt = cell.numFmt ?? '';
    const { decimals, percent } = shownDecimals(fmt, cell.value);
    if (!/,/.test(fmt.replace(/"[^"]*"/g, '')) || decimals !== 0 || percent) return null;
    const t = new Decimal(cell.value);
    const text = groupThousands(t.toString());
    return {
      text,
      t: { kind: 'number', value: t, decimals: 0, percent: false, fromText: false },
      d: { kind: 'number', value: t.dividedBy(1000), decimals: 3, percent: false, fromText: false },
    };
  }
  return null;
}

/**
 * S-PARSE-05: a plain number in an 执行率 column is a percent number; a plain number ≤ 1.5 whose value × 100 (and
 * not the value itself) agrees with the recomputed rate is a fraction.
 */
export function rateAsFraction(r: NumberReading, agrees: (percentValue: Decimal, p: number) => boolean): NumberReading | null {
  if (r.percent || r.value.gt('1.5') || r.value.isNegative()) return null;
  if (agrees(r.value, r.decimals)) return null;
  const scaled = r.value.times(100);
  const p = Math.max(0, r.decimals - 2);
  if (!agrees(scaled, p)) return null;
  return { ...r, value: scaled, decimals: p, percent: true };
}
