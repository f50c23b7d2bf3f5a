/**
 * Text normalisation for matching labels and headers (gongkai-layouts.md §2.1, selfeval.md §1.2).
 * Always display the original; compare the normalised form.
 */

const QUOTES = /[“”"'‘’「」『』]/g;
const WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;

/** Labels and clauses are normalised again and again by recognition and the narrative checks; bounded. */
const normalised = new Map<string, string>();
const NORM_CACHE_SIZE = 20_000;

/** NFKC, no whitespace, no quote marks, a string written twice counted once. */
export function norm(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  const raw = String(text);
  let s = normalised.get(raw);
  if (s === undefined) {
    s = undouble(raw.normalize('NFKC').replace(WHITESPACE, '').replace(QUOTES, ''));
    if (normalised.size >= NORM_CACHE_SIZE) normalised.clear();
    normalised.set(raw, s);
  }
  return s;
}

/** `合计合计` → `合计`: PDF extraction doubles bold text. */
export function undouble(s: string): string {
  if (s.length >= 2 && s.length % 2 === 0) {
    const half = s.length / 2;
    if (s.slice(0, half) === s.slice(half)) return s.slice(0, half);
  }
  return s;
}

const ORDINAL_PREFIX = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d))/;

/** A row label without its ordinal (`一、`, `(一)`, `1.`), normalised. */
export function labelKey(text: string | null | undefined): string {
  return norm(text).replace(ORDINAL_PREFIX, '');
}

/** NFKC and trimmed, whitespace kept: for reading numbers out of text. */
export function nfkcTrim(text: string): string {
  return text.normalize('NFKC').replace(/[\u3000\u00a0]/g, ' ').trim();
}
