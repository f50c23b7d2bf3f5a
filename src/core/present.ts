/**
 * How a finding is shown to the accountant — one style for the pane, the text report, the cell notes and the 审核结果
 * sheet: amounts with thousands separators and the decimals the sheet printed, percentages with %, rate gaps in
 * 百分点, 差额 = the printed figure minus the recomputed figure rounded to the printed precision, with its sign, and
 * a next step on every finding. The findings JSON keeps its plain decimal strings (the contract); only what people
 * read goes through here.
 */
import Decimal from 'decimal.js';
import { parseA1 } from './address';
import { CheckResult, Finding, Severity, SheetSummary } from './findings';

/** Worst first: the order groups are listed in. */
export const SEVERITY_ORDER: Severity[] = ['error', 'rounding', 'warning', 'info'];

export const isAdvice = (f: Finding) => f.rule.startsWith('S-ADV-');

const PLAIN_NUMBER = /^([+-]?)(\d+)(\.\d+)?$/;

/** `20581.50` → `20,581.50`; anything that is not a plain decimal is returned as it is. */
export function groupDigits(text: string): string {
  const m = PLAIN_NUMBER.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/** A stated or expected figure as the sheet shows it: `20,581.50`, `87.67%`; text (`9.8分`, `偏差原因`) unchanged. */
export function showFigure(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  const t = text.trim();
  if (t.endsWith('%')) return `${groupDigits(t.slice(0, -1))}%`;
  return groupDigits(t);
}

interface Figure {
  value: Decimal;
  decimals: number;
  percent: boolean;
}

/** The number a stated/expected text shows (`9.8分` → 9.8, `87.68%` → 87.68 %), or null for words. */
function figureOf(text: string | null | undefined): Figure | null {
  if (!text) return null;
  const m = /^\s*([+-]?[\d,]*\d(?:\.\d+)?)\s*(%|分|万元|元)?\s*$/.exec(text);
  if (!m) return null;
  const plain = m[1].replace(/,/g, '');
  if (!PLAIN_NUMBER.test(plain)) return null;
  const dot = plain.indexOf('.');
  return { value: new Decimal(plain), decimals: dot < 0 ? 0 : plain.length - dot - 1, percent: m[2] === '%' };
}

/**
 * 差额 as the accountant reads it: the printed figure minus the recomputed one rounded to the printed precision,
 * signed, in 百分点 for rates. Null when either side is not a number (a missing reason, a word).
 */
export function shownDifference(f: Finding): string | null {
  const stated = figureOf(f.stated);
  const expected = figureOf(f.expected);
  if (!stated || !expected) return null;
  const d = stated.value.minus(expected.value.toDecimalPlaces(stated.decimals, Decimal.ROUND_HALF_UP));
  const sign = d.gt(0) ? '+' : d.lt(0) ? '-' : '';
  const text = `${sign}${groupDigits(d.abs().toFixed(stated.decimals))}`;
  return stated.percent || expected.percent ? `${text} 百分点` : text;
}

/** Amount-looking numbers inside a message: decimals of 4+ digits, or whole numbers next to 元 or an operator. */
const MESSAGE_NUMBER = /(?<![\d.,\w!])(\d{4,})(\.\d+)?(?![\d\w])/g;

/** A message in the pane's number style: long amounts grouped, `pp` written 百分点. */
export function showMessage(message: string): string {
  return message
    .replace(MESSAGE_NUMBER, (all: string, whole: string, frac: string | undefined, offset: number, src: string) => {
      if (frac) return groupDigits(whole + frac);
      const after = src.slice(offset + all.length);
      const before = src.slice(0, offset);
      // A whole number is an amount only next to 元 or in a sum/ratio; alone it may be a 科目编码 or a year.
      if (/^\s*(?:万元|元)/.test(after) || /^\s*[÷×+−]/.test(after) || /[÷×+−=]\s*$/.test(before) || /按\s*$/.test(before)) return groupDigits(whole);
      // After 填报/应为/相差 it is a figure, unless a name follows (`对应为 2080599 其他行政事业单位养老支出`).
      if (/(?:填报|应为|表中为|相差)\s*$/.test(before) && !/^\s+[\u4e00-\u9fff]/.test(after)) return groupDigits(whole);
      return all;
    })
    .replace(/(\d)\s*pp\b/g, '$1 百分点');
}

/** `公开01!F33`, or `公开01（整表）` for a table-level finding. */
export function locationOf(f: Finding): string {
  return f.cell ? `${f.sheet}!${f.cell}` : `${f.sheet}（整表）`;
}

/** The figures line of a finding (not of a reading note, which never shows 应为): 填报 / 应为 / 差额. */
export function figuresLine(f: Finding): string | null {
  if (f.severity === 'info' || isAdvice(f)) return null;
  const stated = figureOf(f.stated);
  const expected = figureOf(f.expected);
  if (!stated && !expected) return null;
  const parts = [`填报 ${stated ? showFigure(f.stated) : f.stated ?? '（空）'}`];
  if (expected) parts.push(`应为 ${showFigure(f.expected)}`);
  const d = shownDifference(f);
  if (d) parts.push(`差额 ${d}`);
  return parts.join('，');
}

/** The edit a finding offers, in the accountant's words (the pane shows it as a button instead). */
function proposalAdvice(f: Finding): string | null {
  if (!f.proposal) return null;
  const where = f.proposal.sheet === f.sheet ? f.proposal.cell : `${f.proposal.sheet}!${f.proposal.cell}`;
  return f.rule.startsWith('G-') ? `舍位平衡：将 ${where} 改为 ${showFigure(f.proposal.value)}` : `改为重算值：${where} = ${showFigure(f.proposal.value)}`;
}

/**
 * The next step for a finding without an edit to apply: why there is none and what to write in 出错说明, the
 * table figure a narrative should quote, or what to fill in. Null only for reading notes.
 */
export function adviceFor(f: Finding): string | null {
  if (f.severity === 'info' && !isAdvice(f)) return null;
  if (isAdvice(f)) return '如认同建议，请修改该单元格；如不采纳，可不处理。';
  const isNarrative = f.rule.startsWith('NC-');
  const tableCell = f.related?.[0];
  if (isNarrative && f.severity === 'rounding' && f.expected && tableCell && f.rule === 'NC-01') {
    return `按表中数引用：将说明中的“${showFigure(f.stated)}”改为 ${showFigure(f.expected)}（${tableCell.sheet}!${tableCell.cell}）；或保留并在出错说明中注明尾数误差。`;
  }
  if (isNarrative && f.severity === 'rounding' && f.rule === 'NC-02' && f.expected) {
    return `按表中数计算的比率为 ${showFigure(f.expected)}，建议改为该数；或在出错说明中注明尾数误差。`;
  }
  if (isNarrative && f.severity === 'rounding') {
    return `核对说明中所列各项金额与合计，按表中数改正；或在出错说明中注明尾数误差。`;
  }
  if (f.severity === 'rounding') {
    const why = f.proposalReason ? `${f.proposalReason.replace(/。?$/, '。')}` : '四舍五入造成的尾数误差，可保留。';
    return `${why}出错说明可写：“${explanationDraft(f)}”`;
  }
  if (f.severity === 'error') {
    if (isNarrative && f.expected) return `按表中数改正说明（应为 ${showFigure(f.expected)}）；如表中数有误，先改表再改说明。`;
    return f.expected ? `核对该数及其组成项，改正为 ${showFigure(f.expected)} 或改正组成项；如确属实，在出错说明中写明原因。` : '核对并改正；如确属实，在出错说明中写明原因。';
  }
  if (/RSN/.test(f.rule)) return f.cell ? `在 ${f.cell} 填写偏差原因分析及改进措施。` : '填写偏差原因分析及改进措施。';
  return '请核实；如无误，在出错说明中写明原因。';
}

/** What the accountant may write in 出错说明 for a rounding difference they keep. */
export function explanationDraft(f: Finding): string {
  const d = shownDifference(f);
  return `系各项金额四舍五入形成的尾数误差${d ? `（${d.replace(/^[+-]/, '')}）` : ''}，与相关表数据一致`;
}

/** One line naming the next step: the proposal (for text outputs) or the advice. */
export function nextStep(f: Finding): string | null {
  return proposalAdvice(f) ?? adviceFor(f);
}

/** Order within a severity group: by sheet in workbook order, then row, then column. */
export function compareFindings(sheets: SheetSummary[]): (a: Finding, b: Finding) => number {
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const pos = (f: Finding) => (f.cell ? parseA1(f.cell) : null) ?? { row: -1, col: -1 };
  return (a, b) => {
    const sa = order.get(a.sheet) ?? Number.MAX_SAFE_INTEGER;
    const sb = order.get(b.sheet) ?? Number.MAX_SAFE_INTEGER;
    if (sa !== sb) return sa - sb;
    const pa = pos(a);
    const pb = pos(b);
    return pa.row - pb.row || pa.col - pb.col;
  };
}

/** Findings worst first, each severity ordered by sheet and row. */
export function worstFirst(result: CheckResult, findings: Finding[] = result.findings): Finding[] {
  const cmp = compareFindings(result.sheets);
  const rank = (f: Finding) => SEVERITY_ORDER.indexOf(f.severity);
  return findings.slice().sort((a, b) => rank(a) - rank(b) || cmp(a, b));
}

/** Layout variants in words (the ids stay in the JSON). */
export const VARIANT_LABEL: Record<string, string> = {
  'henan-2021': '河南 2021 版',
  'shanxi-2024': '山西 2024 版',
  'shanxi-2022': '山西 2022 版',
  'national-2020': '全国 2020 版',
  shanxi: '山西版',
  generic: '通用版',
};

export function variantLabel(variant: string): string {
  return VARIANT_LABEL[variant] ?? variant;
}
