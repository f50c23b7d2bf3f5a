/**
 * A stored number as Excel shows it under its number format, for the playground's grid (an .xlsx read outside
 * Excel has no displayed text). numfmt implements Excel's format language — scaling commas (`#,##0,` shows
 * 1,234,567 as 1,235), fractions (`# ?/?`), scientific (`0.00E+00`), sections and literals — which a hand-written
 * reading of the decimals got wrong. Checking never uses this: the engine reads precision by the spec's rule.
 */
import { format } from 'numfmt';

export function displayNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  try {
    return format(numFmt && numFmt.trim() ? numFmt : 'General', value, { locale: 'zh-CN' });
  } catch {
    // A format numfmt cannot parse: show the number as General does rather than nothing.
    return format('General', value);
  }
}
