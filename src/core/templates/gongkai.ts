/**
 * The 公开表 as templates, per variant (gongkai-layouts.md §0.1, §1, §4): henan-2021 公开01–09, shanxi-2024 and
 * shanxi-2022 公开01–10 (their markers number 三公/政府性基金/国有资本经营 differently). Every total, 小计 and
 * derived balance is a live formula over the cells it adds up.
 */
import { FUNCTION_CLASSES, GongkaiTemplate } from '../gongkai/model';
import { col, SheetBuilder, TemplateSheet } from './model';

export type GongkaiVariant = 'henan-2021' | 'shanxi-2024' | 'shanxi-2022';
export const GONGKAI_VARIANTS: GongkaiVariant[] = ['henan-2021', 'shanxi-2024', 'shanxi-2022'];

export interface TemplateOptions {
  year?: number;
  department?: string;
  /** Blank code rows offered in the coded tables. */
  codeRows?: number;
}

/** 公开NN marker of each role per variant (§1). */
export const MARKERS: Record<GongkaiVariant, Partial<Record<GongkaiTemplate, number>>> = {
  'henan-2021': { 'income-expenditure-summary': 1, income: 2, expenditure: 3, 'fiscal-summary': 4, 'general-budget-expenditure': 5, 'basic-expenditure': 6, 'three-public': 7, 'gov-fund': 8, 'state-capital': 9 },
  'shanxi-2024': { 'income-expenditure-summary': 1, income: 2, expenditure: 3, 'fiscal-summary': 4, 'general-budget-expenditure': 5, 'basic-expenditure': 6, 'gov-fund': 7, 'state-capital': 8, 'three-public': 9, 'disclosure-stats': 10 },
  'shanxi-2022': { 'income-expenditure-summary': 1, income: 2, expenditure: 3, 'fiscal-summary': 4, 'general-budget-expenditure': 5, 'basic-expenditure': 6, 'three-public': 7, 'gov-fund': 8, 'state-capital': 9, 'disclosure-stats': 10 },
};

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六'];

function classLabel(i: number): string {
  const c = FUNCTION_CLASSES[i];
  return `${CN_NUM[i]}、${c.code === '234' ? '抗疫特别国债安排的支出' : `${c.name}支出`}`;
}

interface Ctx {
  variant: GongkaiVariant;
  unit: '万元' | '元';
  fmt: string;
  year: number;
  department: string;
  codeRows: number;
  codeHead: string;
}

function context(variant: GongkaiVariant, o: TemplateOptions): Ctx {
  return {
    variant,
    unit: variant === 'shanxi-2022' ? '元' : '万元',
    fmt: variant === 'henan-2021' ? '#,##0.00' : '0.00',
    year: o.year ?? new Date().getFullYear() - 1,
    department: o.department ?? '',
    codeRows: o.codeRows ?? 20,
    codeHead: variant === 'shanxi-2024' ? '科目代码' : '功能分类科目编码',
  };
}

/** Title row, marker row and one meta row (department · year · unit). Returns the next free row. */
function head(b: SheetBuilder, c: Ctx, title: string, width: number, marker: number | undefined): number {
  const last = col(width - 1);
  b.merge(`A1:${last}1`, title, { bold: true, align: 'center' });
  if (marker) b.set(`${last}2`, `公开${String(marker).padStart(2, '0')}表`, { align: 'right' });
  b.set('A3', `${c.variant === 'henan-2021' ? '部门' : '部门名称'}：${c.department}`);
  b.set(`${col(Math.floor(width / 2))}3`, `${c.year}年度`, { align: 'center' });
  b.set(`${last}3`, `金额单位：${c.unit}`, { align: 'right' });
  return 4;
}

function note(b: SheetBuilder, row: number, width: number, text: string): void {
  b.merge(`A${row}:${col(width - 1)}${row}`, text);
}

function sheetName(c: Ctx, template: GongkaiTemplate, title: string): string {
  const m = MARKERS[c.variant][template];
  if (!m) return title;
  const n = String(m).padStart(2, '0');
  return c.variant === 'henan-2021' ? `公开${n}` : c.variant === 'shanxi-2024' ? `公开${n}表` : title.replace(/[“”]/g, '');
}

// ------------------------------------------------------------------------------------------ two-sided tables

function incomeExpenditureSummary(c: Ctx): TemplateSheet {
  const b = new SheetBuilder();
  const title = '收入支出决算总表';
  let r = head(b, c, title, 6, MARKERS[c.variant]['income-expenditure-summary']);
  b.merge(`A${r}:C${r}`, '收入', { bold: true, align: 'center' }).merge(`D${r}:F${r}`, '支出', { bold: true, align: 'center' });
  r++;
  const amountHead = c.variant === 'shanxi-2022' ? '决算数' : '金额';
  ['项目', '行次', amountHead, '项目', '行次', amountHead].forEach((h, i) => b.set(`${col(i)}${r}`, h, { bold: true, align: 'center' }));
  r++;
  b.set(`A${r}`, '栏次').set(`C${r}`, 1).set(`D${r}`, '栏次').set(`F${r}`, 2);
  r++;
  const first = r;
  const rowOf = (line: number) => first + (line <= 31 ? line - 1 : line - 32);
  const left: Record<number, string> = {
    1: '一、一般公共预算财政拨款收入', 2: '二、政府性基金预算财政拨款收入', 3: '三、国有资本经营预算财政拨款收入', 4: '四、上级补助收入',
    5: '五、事业收入', 6: '六、经营收入', 7: '七、附属单位上缴收入', 8: '八、其他收入', 27: '本年收入合计',
    28: c.variant === 'shanxi-2024' ? '使用非财政拨款结余(含专用结余)' : '使用非财政拨款结余', 29: '年初结转和结余', 31: '总计',
  };
  const right: Record<number, string> = { 58: '本年支出合计', 59: '结余分配', 60: '年末结转和结余', 62: '总计' };
  FUNCTION_CLASSES.forEach((_, i) => (right[32 + i] = classLabel(i)));
  for (let line = 1; line <= 31; line++) {
    const row = rowOf(line);
    if (left[line]) b.set(`A${row}`, left[line], { bold: line === 27 || line === 31 });
    b.set(`B${row}`, line, { align: 'center' });
    if (line <= 8 || line === 28 || line === 29) b.input(`C${row}`, c.fmt);
    const rl = line + 31;
    if (right[rl]) b.set(`D${row}`, right[rl], { bold: rl === 58 || rl === 62 });
    b.set(`E${row}`, rl, { align: 'center' });
    if ((rl >= 32 && rl <= 57) || rl === 59) b.input(`F${row}`, c.fmt);
  }
  b.formula(`C${rowOf(27)}`, { kind: 'sum', refs: [`C${rowOf(1)}:C${rowOf(26)}`] }, c.fmt);
  b.formula(`C${rowOf(31)}`, { kind: 'sum', refs: [`C${rowOf(27)}:C${rowOf(30)}`] }, c.fmt);
  b.formula(`F${rowOf(58)}`, { kind: 'sum', refs: [`F${rowOf(32)}:F${rowOf(57)}`] }, c.fmt);
  b.formula(`F${rowOf(60)}`, { kind: 'sum', refs: [`C${rowOf(29)}`, `C${rowOf(27)}`, `C${rowOf(28)}`], minus: [`F${rowOf(58)}`, `F${rowOf(59)}`] }, c.fmt);
  b.formula(`F${rowOf(62)}`, { kind: 'sum', refs: [`F${rowOf(58)}:F${rowOf(61)}`] }, c.fmt);
  note(b, rowOf(31) + 1, 6, `注：本表反映部门本年度的${c.variant === 'shanxi-2024' ? '总收入和' : '总收支和'}年末结转结余情况。本套报表金额单位转换时可能存在尾数误差。`);
  b.widths = [34, 6, 14, 34, 6, 14];
  return b.sheet('income-expenditure-summary', c.variant, sheetName(c, 'income-expenditure-summary', title), title);
}

function fiscalSummary(c: Ctx): TemplateSheet {
  const b = new SheetBuilder();
  const title = '财政拨款收入支出决算总表';
  let r = head(b, c, title, 9, MARKERS[c.variant]['fiscal-summary']);
  b.merge(`A${r}:C${r}`, '收入', { bold: true, align: 'center' }).merge(`D${r}:I${r}`, '支出', { bold: true, align: 'center' });
  r++;
  ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'].forEach((h, i) => b.set(`${col(i)}${r}`, h, { bold: true, align: 'center' }));
  r++;
  b.set(`A${r}`, '栏次').set(`C${r}`, 1).set(`D${r}`, '栏次');
  [2, 3, 4, 5].forEach((n, i) => b.set(`${col(5 + i)}${r}`, n));
  r++;
  const first = r;
  const rowOf = (line: number) => first + (line <= 32 ? line - 1 : line - 33);
  const left: Record<number, string> = {
    1: '一、一般公共预算财政拨款', 2: '二、政府性基金预算财政拨款', 3: c.variant === 'shanxi-2024' ? '三、国有资本经营预算财政拨款' : '三、国有资本经营财政拨款',
    27: '本年收入合计', 28: '年初财政拨款结转和结余', 29: '一般公共预算财政拨款', 30: '政府性基金预算财政拨款', 31: '国有资本经营预算财政拨款',
    32: c.variant === 'shanxi-2022' ? '收入总计' : '总计',
  };
  const right: Record<number, string> = { 59: '本年支出合计', 60: '年末财政拨款结转和结余', 64: '总计' };
  FUNCTION_CLASSES.forEach((_, i) => (right[33 + i] = classLabel(i)));
  for (let line = 1; line <= 32; line++) {
    const row = rowOf(line);
    if (left[line]) b.set(`A${row}`, left[line], { bold: line === 27 || line === 32 });
    b.set(`B${row}`, line, { align: 'center' });
    if (line <= 3 || (line >= 29 && line <= 31)) b.input(`C${row}`, c.fmt);
    const rl = line + 32;
    if (right[rl]) b.set(`D${row}`, right[rl], { bold: rl === 59 || rl === 64 });
    b.set(`E${row}`, rl, { align: 'center' });
    for (const k of ['G', 'H', 'I']) if (rl >= 33 && rl <= 58) b.input(`${k}${row}`, c.fmt);
    b.formula(`F${row}`, { kind: 'sum', refs: [`G${row}:I${row}`] }, c.fmt);
  }
  b.formula(`C${rowOf(27)}`, { kind: 'sum', refs: [`C${rowOf(1)}:C${rowOf(26)}`] }, c.fmt);
  b.formula(`C${rowOf(28)}`, { kind: 'sum', refs: [`C${rowOf(29)}:C${rowOf(31)}`] }, c.fmt);
  b.formula(`C${rowOf(32)}`, { kind: 'sum', refs: [`C${rowOf(27)}`, `C${rowOf(28)}`] }, c.fmt);
  ['G', 'H', 'I'].forEach((k, i) => {
    b.formula(`${k}${rowOf(59)}`, { kind: 'sum', refs: [`${k}${rowOf(33)}:${k}${rowOf(58)}`] }, c.fmt);
    b.formula(`${k}${rowOf(60)}`, { kind: 'sum', refs: [`C${rowOf(29 + i)}`, `C${rowOf(1 + i)}`], minus: [`${k}${rowOf(59)}`] }, c.fmt);
    b.formula(`${k}${rowOf(64)}`, { kind: 'sum', refs: [`${k}${rowOf(59)}:${k}${rowOf(63)}`] }, c.fmt);
  });
  note(b, rowOf(32) + 1, 9, '注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。');
  b.widths = [30, 6, 14, 30, 6, 14, 14, 14, 14];
  return b.sheet('fiscal-summary', c.variant, sheetName(c, 'fiscal-summary', title), title);
}

// ------------------------------------------------------------------------------------------ coded tables

interface CodedSpec {
  template: GongkaiTemplate;
  title: string;
  /** Header: top row items (merged over [from, to] amount columns, or spanning both header rows). */
  top: { text: string; span: number }[];
  /** Second header row for spanned groups (per amount column, '' when the top spans both rows). */
  sub: string[];
  /** Per amount column: a row formula, or null when the column is entered. Columns are 0-based amount indexes. */
  rowFormula: (cols: string[], row: number) => ({ at: number; refs: number[]; minus?: number[] })[];
  noteText: string;
}

function coded(c: Ctx, s: CodedSpec): TemplateSheet {
  const b = new SheetBuilder();
  const n = s.sub.length;
  const width = n + 2;
  let r = head(b, c, s.title, width, MARKERS[c.variant][s.template]);
  const h1 = r;
  const h2 = r + 1;
  b.merge(`A${h1}:B${h1}`, '项目', { bold: true, align: 'center' });
  b.set(`A${h2}`, c.codeHead, { bold: true }).set(`B${h2}`, '科目名称', { bold: true });
  let at = 0;
  for (const t of s.top) {
    const from = col(2 + at);
    const to = col(2 + at + t.span - 1);
    if (t.span === 1 && !s.sub[at]) b.merge(`${from}${h1}:${from}${h2}`, t.text, { bold: true, align: 'center' });
    else b.merge(t.span > 1 ? `${from}${h1}:${to}${h1}` : `${from}${h1}`, t.text, { bold: true, align: 'center' });
    at += t.span;
  }
  s.sub.forEach((text, i) => text && b.set(`${col(2 + i)}${h2}`, text, { bold: true, align: 'center' }));
  r = h2 + 1;
  b.merge(`A${r}:B${r}`, '栏次', { align: 'center' });
  for (let i = 0; i < n; i++) b.set(`${col(2 + i)}${r}`, i + 1, { align: 'center' });
  r++;
  const total = r;
  b.merge(`A${total}:B${total}`, '合计', { bold: true, align: 'center' });
  const firstCode = total + 1;
  const lastCode = total + c.codeRows;
  const cols = Array.from({ length: n }, (_, i) => col(2 + i));
  for (let row = firstCode; row <= lastCode; row++) {
    b.input(`A${row}`, '@').input(`B${row}`);
    const fs = s.rowFormula(cols, row);
    for (let i = 0; i < n; i++) {
      const f = fs.find((x) => x.at === i);
      if (f) b.formula(`${cols[i]}${row}`, { kind: 'sum', refs: f.refs.map((k) => `${cols[k]}${row}`), minus: f.minus?.map((k) => `${cols[k]}${row}`) }, c.fmt);
      else b.input(`${cols[i]}${row}`, c.fmt);
    }
  }
  for (let i = 0; i < n; i++) b.formula(`${cols[i]}${total}`, { kind: 'sumClass', codes: [`$A$${firstCode}:$A$${lastCode}`], values: [`${cols[i]}${firstCode}:${cols[i]}${lastCode}`] }, c.fmt);
  note(b, lastCode + 1, width, s.noteText);
  b.widths = [14, 30, ...cols.map(() => 14)];
  return b.sheet(s.template, c.variant, sheetName(c, s.template, s.title), s.title);
}

function income(c: Ctx): TemplateSheet {
  const heads = ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
  return coded(c, {
    template: 'income', title: '收入决算表', top: heads.map((text) => ({ text, span: 1 })), sub: heads.map(() => ''),
    rowFormula: () => [{ at: 0, refs: [1, 2, 3, 4, 5, 6] }], noteText: '注：本表反映部门本年度取得的各项收入情况。',
  });
}

function expenditure(c: Ctx): TemplateSheet {
  const heads = ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
  return coded(c, {
    template: 'expenditure', title: '支出决算表', top: heads.map((text) => ({ text, span: 1 })), sub: heads.map(() => ''),
    rowFormula: () => [{ at: 0, refs: [1, 2, 3, 4, 5] }], noteText: '注：本表反映部门本年度各项支出情况。',
  });
}

function generalBudget(c: Ctx): TemplateSheet {
  return coded(c, {
    template: 'general-budget-expenditure', title: '一般公共预算财政拨款支出决算表', top: [{ text: '本年支出', span: 3 }], sub: ['小计', '基本支出', '项目支出'],
    rowFormula: () => [{ at: 0, refs: [1, 2] }], noteText: '注：本表反映部门本年度一般公共预算财政拨款支出情况。',
  });
}

function fund(c: Ctx, template: 'gov-fund' | 'state-capital'): TemplateSheet {
  const gov = template === 'gov-fund';
  const title = gov ? '政府性基金预算财政拨款收入支出决算表' : '国有资本经营预算财政拨款支出决算表';
  if (!gov && c.variant !== 'henan-2021') {
    return coded(c, {
      template, title, top: [{ text: '本年支出', span: 3 }], sub: ['合计', '基本支出', '项目支出'],
      rowFormula: () => [{ at: 0, refs: [1, 2] }], noteText: '注：本表反映部门本年度国有资本经营预算财政拨款支出情况。',
    });
  }
  return coded(c, {
    template, title,
    top: [{ text: '年初结转和结余', span: 1 }, { text: '本年收入', span: 1 }, { text: '本年支出', span: 3 }, { text: '年末结转和结余', span: 1 }],
    sub: ['', '', '小计', '基本支出', '项目支出', ''],
    rowFormula: () => [{ at: 2, refs: [3, 4] }, { at: 5, refs: [0, 1], minus: [2] }],
    noteText: `注：本表反映部门本年度${gov ? '政府性基金' : '国有资本经营'}预算财政拨款收入、支出及结转和结余情况。`,
  });
}

// ------------------------------------------------------------------------------------------ BE, 3P, DS

function basicExpenditure(c: Ctx): TemplateSheet {
  const b = new SheetBuilder();
  const s22 = c.variant === 'shanxi-2022';
  const blocks = c.variant === 'henan-2021' ? 3 : 4;
  const per = s22 ? 4 : 3;
  const width = blocks * per;
  const title = c.variant === 'henan-2021' ? '一般公共预算财政拨款基本支出决算表' : s22 ? '一般公共预算财政拨款支出决算明细表' : '一般公共预算财政拨款基本支出决算明细表';
  let r = head(b, c, title, width, MARKERS[c.variant]['basic-expenditure']);
  b.merge(`A${r}:${col(per - 1)}${r}`, '人员经费', { bold: true, align: 'center' });
  b.merge(`${col(per)}${r}:${col(width - 1)}${r}`, '公用经费', { bold: true, align: 'center' });
  r++;
  const heads = s22 ? ['科目编码', '科目名称', '金额', '其中：基本支出'] : [c.variant === 'shanxi-2024' ? '科目代码' : '科目编码', '科目名称', '决算数'];
  for (let k = 0; k < blocks; k++) heads.forEach((h, i) => b.set(`${col(k * per + i)}${r}`, h, { bold: true, align: 'center' }));
  const first = r + 1;
  const last = first + c.codeRows - 1;
  for (let row = first; row <= last; row++) {
    for (let k = 0; k < blocks; k++) {
      b.input(`${col(k * per)}${row}`, '@').input(`${col(k * per + 1)}${row}`);
      for (let i = 2; i < per; i++) b.input(`${col(k * per + i)}${row}`, c.fmt);
    }
  }
  const tot = last + 1;
  b.merge(`A${tot}:B${tot}`, '人员经费合计', { bold: true });
  for (let i = 2; i < per; i++) {
    b.formula(`${col(i)}${tot}`, { kind: 'sumClass', codes: [`A${first}:A${last}`], values: [`${col(i)}${first}:${col(i)}${last}`] }, c.fmt);
  }
  // 公用经费合计: label over the middle, amounts at the right end (§4.6), each a Σ of the 类 rows of blocks 2…k.
  const amountCols = per - 2;
  const firstAmount = width - amountCols;
  b.merge(`${col(per)}${tot}:${col(firstAmount - 1 - (c.variant === 'shanxi-2024' ? 1 : 0))}${tot}`, '公用经费合计', { bold: true });
  for (let i = 0; i < amountCols; i++) {
    const at = c.variant === 'shanxi-2024' ? width - 2 : firstAmount + i;
    if (c.variant === 'shanxi-2024') b.merge(`${col(at)}${tot}:${col(at + 1)}${tot}`);
    const codes: string[] = [];
    const values: string[] = [];
    for (let k = 1; k < blocks; k++) {
      codes.push(`${col(k * per)}${first}:${col(k * per)}${last}`);
      values.push(`${col(k * per + 2 + i)}${first}:${col(k * per + 2 + i)}${last}`);
    }
    b.formula(`${col(at)}${tot}`, { kind: 'sumClass', codes, values }, c.fmt);
  }
  note(b, tot + 1, width, s22 ? '注：本表反映部门本年度一般公共预算财政拨款支出明细情况（其中包括基本支出明细情况）。' : '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。');
  b.widths = Array.from({ length: width }, (_, i) => (i % per === 1 ? 24 : 12));
  return b.sheet('basic-expenditure', c.variant, sheetName(c, 'basic-expenditure', title), title);
}

function threePublic(c: Ctx): TemplateSheet {
  const b = new SheetBuilder();
  const shanxi = c.variant !== 'henan-2021';
  const title = shanxi ? '财政拨款“三公”经费支出决算表' : '一般公共预算财政拨款“三公”经费支出决算表';
  const car = shanxi ? '公务用车购置及运行维护费' : '公务用车购置及运行费';
  const running = shanxi ? '公务用车运行维护费' : '公务用车运行费';
  const r = head(b, c, title, 12, MARKERS[c.variant]['three-public']);
  b.merge(`A${r}:F${r}`, '预算数', { bold: true, align: 'center' }).merge(`G${r}:L${r}`, '决算数', { bold: true, align: 'center' });
  const h2 = r + 1;
  const h3 = r + 2;
  for (const base of [0, 6]) {
    const k = (i: number) => col(base + i);
    b.merge(`${k(0)}${h2}:${k(0)}${h3}`, '合计', { bold: true, align: 'center' });
    b.merge(`${k(1)}${h2}:${k(1)}${h3}`, '因公出国（境）费', { bold: true, align: 'center' });
    b.merge(`${k(2)}${h2}:${k(4)}${h2}`, car, { bold: true, align: 'center' });
    b.set(`${k(2)}${h3}`, '小计', { bold: true }).set(`${k(3)}${h3}`, '公务用车购置费', { bold: true }).set(`${k(4)}${h3}`, running, { bold: true });
    b.merge(`${k(5)}${h2}:${k(5)}${h3}`, '公务接待费', { bold: true, align: 'center' });
  }
  const nums = h3 + 1;
  for (let i = 0; i < 12; i++) b.set(`${col(i)}${nums}`, i + 1, { align: 'center' });
  const d = nums + 1;
  for (const base of [0, 6]) {
    const k = (i: number) => `${col(base + i)}${d}`;
    for (const i of [1, 3, 4, 5]) b.input(k(i), c.fmt);
    b.formula(k(2), { kind: 'sum', refs: [k(3), k(4)] }, c.fmt);
    b.formula(k(0), { kind: 'sum', refs: [k(1), k(2), k(5)] }, c.fmt);
  }
  note(b, d + 1, 12, shanxi
    ? '注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。'
    : '注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费年初预算数，决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。');
  b.widths = Array.from({ length: 12 }, () => 13);
  return b.sheet('three-public', c.variant, sheetName(c, 'three-public', title), title);
}

function disclosureStats(c: Ctx): TemplateSheet {
  const b = new SheetBuilder();
  const s22 = c.variant === 'shanxi-2022';
  const title = '部门决算公开相关信息统计表';
  let r = 4;
  b.merge('A1:C1', title, { bold: true, align: 'center' });
  b.set('C2', `公开${MARKERS[c.variant]['disclosure-stats']}表`, { align: 'right' });
  b.set('A3', `单位名称：${c.department}`).set('B3', `${c.year}年度`).set('C3', `金额单位：${c.unit}`, { align: 'right' });
  const p = (t: string) => (s22 ? t : t.replace(/（/g, '(').replace(/）/g, ')'));
  const line = (label: string, n: number | null, kind: 'money' | 'count' | 'none') => {
    b.set(`A${r}`, label);
    if (n !== null) b.set(`B${r}`, n, { align: 'center' });
    if (kind !== 'none') b.input(`C${r}`, kind === 'money' ? c.fmt : '0');
    return r++;
  };
  b.merge(`A${r}:C${r}`, '一、政府采购情况', { bold: true }); r++;
  ['项目', '行次', s22 ? '采购金额' : '统计数'].forEach((h, i) => b.set(`${col(i)}${r}`, h, { bold: true, align: 'center' })); r++;
  const total = line('合计', 1, 'money');
  const parts = [line('货物', 2, 'money'), line('工程', 3, 'money'), line('服务', 4, 'money')];
  b.formula(`C${total}`, { kind: 'sum', refs: parts.map((x) => `C${x}`) }, c.fmt);
  b.merge(`A${r}:C${r}`, '二、机关运行经费', { bold: true }); r++;
  ['项目', '', '统计数'].forEach((h, i) => h && b.set(`${col(i)}${r}`, h, { bold: true, align: 'center' })); r++;
  line(p('（一）行政单位'), 5, 'money');
  line(p('（二）参照公务员法管理事业单位'), 6, 'money');
  b.merge(`A${r}:C${r}`, '三、国有资产占用情况', { bold: true }); r++;
  const cars = line(p('（一）车辆数合计（辆）'), 7, 'none');
  const types = ['副部（省）级及以上领导用车', s22 ? '主要领导干部用车' : '主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', s22 ? '离退休干部用车' : '离退休干部服务用车', '其他用车'];
  const typeRows = types.map((t, i) => line(p(`${i + 1}.${s22 ? '' : ' '}${t}`), 8 + i, 'count'));
  b.formula(`C${cars}`, { kind: 'sum', refs: typeRows.map((x) => `C${x}`) }, '0');
  line(p('（二）单价100万元（含）以上设备（不含车辆）'), 17, 'count');
  note(b, r, 3, s22 ? '注：本表反映部门本年度政府采购及机关运行经费和国有资产占用情况。' : '注：本表反映部门本年度政府采购、机关运行经费和国有资产占用情况。');
  b.widths = [44, 8, 16];
  return b.sheet('disclosure-stats', c.variant, sheetName(c, 'disclosure-stats', title), title);
}

/** Every 公开表 of a variant, in marker order. */
export function gongkaiTemplates(variant: GongkaiVariant, options: TemplateOptions = {}): TemplateSheet[] {
  const c = context(variant, options);
  const all: TemplateSheet[] = [
    incomeExpenditureSummary(c), income(c), expenditure(c), fiscalSummary(c), generalBudget(c), basicExpenditure(c),
    threePublic(c), fund(c, 'gov-fund'), fund(c, 'state-capital'),
  ];
  if (variant !== 'henan-2021') all.push(disclosureStats(c));
  const order = MARKERS[variant];
  return all.sort((a, b) => (order[a.template as GongkaiTemplate] ?? 99) - (order[b.template as GongkaiTemplate] ?? 99));
}
