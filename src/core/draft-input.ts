/**
 * What the accountant types into a draft slot (the pane's form, `juesuan draft --fill`): an amount with or without
 * its unit (`22000.00万元`, `22,000`, `２２０００元`), converted exactly into the draft's unit with a note when the
 * unit differs; text as written.
 */
import Decimal from 'decimal.js';

export interface SlotValue {
  /** What the draft takes: a plain decimal string in the draft's unit, or the text. */
  value?: string;
  /** Said when the value was converted (`按万元换算为 2.20万元`). */
  note?: string;
  /** Why the input was not taken. */
  error?: string;
}

const TEN_THOUSAND = new Decimal(10000);

export function parseSlotValue(input: string, kind: 'amount' | 'text', draftUnit: string): SlotValue {
  const text = input.normalize('NFKC').trim();
  if (!text) return {};
  if (kind === 'text') return { value: text };
  const m = /^([+-]?[\d,，\s]*\d(?:\.\d+)?)\s*(万元|元)?$/.exec(text);
  const plain = m?.[1].replace(/[,，\s]/g, '');
  if (!m || !plain || !/^[+-]?\d+(\.\d+)?$/.test(plain)) {
    return { error: `无法识别的金额“${input.trim()}”：请填数字，可带单位（如 22000.00万元 或 22,000）` };
  }
  let value = new Decimal(plain);
  const unit = m[2];
  if (!unit || unit === draftUnit || (draftUnit !== '万元' && draftUnit !== '元')) return { value: value.toFixed() };
  value = unit === '元' ? value.div(TEN_THOUSAND) : value.times(TEN_THOUSAND);
  const shown = value.toFixed(2, Decimal.ROUND_HALF_UP);
  return { value: value.toFixed(), note: `按${draftUnit}换算为 ${shown}${draftUnit}` };
}
