/**
 * Reading numbers out of cells, exactly (decimal.js, never floats): gongkai-layouts.md §2.2, spec README "Reading
 * cells" (a)–(c), selfeval-rules.md S-PARSE-01/02/04.
 */
import Decimal from 'decimal.js';
import { Cell } from './grid';
import { nfkcTrim } from './text';

Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export { Decimal };

export type Reading =
  | { kind: 'empty'; dash: boolean }
  | NumberReading
  | { kind: 'unknown'; reason: string }
  | { kind: 'unreadable'; text: string; reason: string };

export interface NumberReading {
  kind: 'number';
  /** The value as shown (a percent reading is in percent units: 98.66 for 98.66 %). */
  value: Decimal;
  /** Decimals shown by the number format, or written in the text. */
  decimals: number;
  percent: boolean;
  fromText: boolean;
  /** Unit word written after a text number (`万元`, `元`, `分`). */
  unitWord?: string;
  /** The stored value when it had more decimals than shown (R-PREC). */
  storedValue?: Decimal;
  /** The text as written, for text numbers. */
  text?: string;
  /**
   * The value in hundredths as an exact integer, when it has at most 2 decimals and is far below 2^53 — lets an
   * identity that holds be confirmed without building decimal.js values; every reported figure still uses `value`.
   */
  cents?: number;
}

/** Below this many units an amount's hundredths are an exact integer in a JS number (2^53 ≈ 9.0e15). */
export const CENTS_LIMIT = 1e13;

/**
 * A stored number shown as stored: the decimal.js value is built only when asked for, since most cells of a large
 * table only take part in identities that hold (confirmed on exact integer hundredths).
 */
class StoredNumberReading implements NumberReading {
  readonly kind = 'number' as const;
  readonly percent = false;
  readonly fromText = false;
  readonly cents?: number;
  private exact?: Decimal;

  constructor(private readonly shortest: string, readonly decimals: number) {
    this.cents = centsOf(shortest);
  }

  get value(): Decimal {
    return (this.exact ??= new Decimal(this.shortest));
  }
}

/** Hundredths of a decimal.js value as an exact integer, or undefined past 2 decimals or the exact range. */
export function centsOfDecimal(d: Decimal): number | undefined {
  return d.decimalPlaces() <= 2 && d.abs().lt(CENTS_LIMIT) ? d.times(100).toNumber() : undefined;
}

/** Hundredths of a plain decimal string (`-12.5` → -1250), or undefined past 2 decimals or the exact range. */
function centsOf(s: string): number | undefined {
  if (s.includes('e') || s.includes('E')) return undefined;
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  if (frac.length > 2) return undefined;
  const units = Number(whole);
  if (!(units < CENTS_LIMIT)) return undefined;
  const cents = units * 100 + Number((frac + '00').slice(0, 2));
  return negative ? -cents : cents;
}

const DASH_ONLY = /^[-—–─－―━‐‑‒﹣⁃_/／]+$/;
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Shortest round-trip decimal string of a stored number, as decimal.js would take it. */
export function exactOf(n: number): Decimal {
  return new Decimal(String(n));
}

export function decimalsOf(d: Decimal): number {
  return Math.max(0, d.decimalPlaces());
}

/**
 * Decimals a number format shows. `General` (or none) shows the stored decimals, trimmed, at most 10 significant
 * digits; `0.00`, `#,##0.00`, `0.0%` show theirs.
 */
const formatCache = new Map<string, { decimals: number; percent: boolean } | null>();

let lastFormat: { numFmt: string; result: { decimals: number; percent: boolean } } | null = null;

export function shownDecimals(numFmt: string | undefined, stored: number): { decimals: number; percent: boolean } {
  // Cells of one column mostly share their format: answer the same format again without a map lookup.
  if (lastFormat && numFmt === lastFormat.numFmt) return lastFormat.result;
  // A format's decimals do not depend on the value unless it is General or has sections; cache the common case.
  const key = numFmt ?? '';
  const cached = formatCache.get(key);
  if (cached) {
    lastFormat = { numFmt: key, result: cached };
    return cached;
  }
  const result = shownDecimalsUncached(numFmt, stored);
  if (cached === undefined) formatCache.set(key, /general|;/i.test(key) || key.trim() === '' || key === '@' ? null : result);
  return result;
}

function shownDecimalsUncached(numFmt: string | undefined, stored: number): { decimals: number; percent: boolean } {
  const fmt = (numFmt ?? '').trim();
  if (fmt === '' || /^general$/i.test(fmt) || fmt === '@') {
    return { decimals: generalDecimals(stored), percent: false };
  }
  const section = firstSection(fmt, stored);
  const cleaned = section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  const percent = cleaned.includes('%');
  const m = /\.([0#?]+)/.exec(cleaned);
  if (!/[0#?]/.test(cleaned)) return { decimals: generalDecimals(stored), percent };
  return { decimals: m ? m[1].length : 0, percent };
}

function firstSection(fmt: string, stored: number): string {
  const sections = fmt.split(';');
  if (stored < 0 && sections.length > 1) return sections[1];
  if (stored === 0 && sections.length > 2) return sections[2];
  return sections[0];
}

function generalDecimals(stored: number): number {
  if (!Number.isFinite(stored)) return 0;
  // The shortest form of a decimal of at most 10 significant digits is that decimal: its decimals can be counted
  // on the string, without building a decimal.js value for every General cell.
  const precise = stored.toPrecision(10);
  if (precise.includes('e')) return decimalsOf(new Decimal(precise));
  const shown = String(Number(precise));
  const dot = shown.indexOf('.');
  return dot < 0 ? 0 : shown.length - dot - 1;
}

/** Rounds half-up (四舍五入) to `dp` decimals. */
export function halfUp(d: Decimal, dp: number): Decimal {
  return d.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
}

/** Fixed-point string with exactly `dp` decimals. */
export function fixed(d: Decimal, dp = 2): string {
  return d.toFixed(dp, Decimal.ROUND_HALF_UP);
}

export interface ReadOptions {
  /** Unit words accepted after a text number. */
  unitWords?: readonly string[];
}

const DEFAULT_UNIT_WORDS = ['万元', '元', '分'];

/** Reads a cell as a number: blank and dashes are empty; unreadable text is reported, never 0. */
export function readNumber(cell: Cell | undefined, options: ReadOptions = {}): Reading {
  if (!cell) return { kind: 'empty', dash: false };
  if (cell.formulaWithoutValue) return { kind: 'unknown', reason: `公式 =${cell.formula ?? ''} 没有计算结果` };
  if (cell.error) return { kind: 'unreadable', text: cell.error, reason: `单元格为错误值 ${cell.error}` };
  const v = cell.value;
  if (v === null || v === undefined) return { kind: 'empty', dash: false };
  if (typeof v === 'number') return readStoredNumber(v, cell.numFmt);
  if (typeof v === 'boolean') return { kind: 'unreadable', text: String(v), reason: '单元格为逻辑值，不是金额' };
  return readNumberText(v, options);
}

function readStoredNumber(v: number, numFmt: string | undefined): Reading {
  if (!Number.isFinite(v)) return { kind: 'unreadable', text: String(v), reason: '不是有限数值' };
  const { decimals, percent } = shownDecimals(numFmt, v);
  if (!percent) {
    const shortest = String(v);
    const dot = shortest.indexOf('.');
    const storedDecimals = dot < 0 ? 0 : shortest.length - dot - 1;
    if (!shortest.includes('e') && storedDecimals <= decimals) return new StoredNumberReading(shortest, decimals);
  }
  let stored = exactOf(v);
  if (percent) stored = stored.times(100);
  if (stored.decimalPlaces() <= decimals) return { kind: 'number', value: stored, decimals, percent, fromText: false };
  const shown = halfUp(stored, decimals);
  return { kind: 'number', value: shown, decimals, percent, fromText: false, storedValue: stored };
}

/** Reads text that should be a number (gongkai-layouts.md §2.2 "amount, text cell"; S-PARSE-02). */
export function readNumberText(raw: string, options: ReadOptions = {}): Reading {
  const text = nfkcTrim(raw);
  if (text === '') return { kind: 'empty', dash: false };
  let s = text.replace(/\s+/g, '');
  if (DASH_ONLY.test(s)) return { kind: 'empty', dash: true };
  let unitWord: string | undefined;
  for (const word of options.unitWords ?? DEFAULT_UNIT_WORDS) {
    if (s.endsWith(word) && s.length > word.length) {
      unitWord = word;
      s = s.slice(0, -word.length);
      break;
    }
  }
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  let percent = false;
  if (s.endsWith('%') && !unitWord) {
    percent = true;
    s = s.slice(0, -1);
  }
  s = s.replace(/，/g, ',');
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  if (!PLAIN.test(s)) return { kind: 'unreadable', text: raw, reason: `“${clip(raw)}”不是可识别的数字` };
  if (s.endsWith('.')) s = s.slice(0, -1);
  let value = new Decimal(s);
  if (negative) value = value.negated();
  const dot = s.indexOf('.');
  const decimals = dot < 0 ? 0 : s.length - dot - 1;
  return { kind: 'number', value, decimals, percent, fromText: true, unitWord, text: raw };
}

/** Cell text quoted in a message: long text is cut so one finding stays one readable line. */
function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…（共 ${text.length} 字）` : text;
}

export const ZERO = new Decimal(0);
