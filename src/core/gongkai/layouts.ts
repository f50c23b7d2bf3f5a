/**
 * The layouts of the 公开表 as data (gongkai-layouts.md §1–§4): title rules, header signatures, the labels of
 * 行次-keyed rows. The recogniser reads these; no variant is a branch of code.
 */
import { GongkaiTemplate } from './model';

/** §3 step 1: title substrings, first match wins (收入支出决算总表 is inside 财政拨款收入支出决算总表). */
export const TITLE_RULES: { test: (title: string) => boolean; template: GongkaiTemplate }[] = [
  { test: (t) => t.includes('三公'), template: 'three-public' },
  { test: (t) => t.includes('政府性基金'), template: 'gov-fund' },
  { test: (t) => t.includes('国有资本经营') && !t.includes('总表'), template: 'state-capital' },
  { test: (t) => t.includes('相关信息统计'), template: 'disclosure-stats' },
  { test: (t) => t.includes('明细表') || t.includes('基本支出决算'), template: 'basic-expenditure' },
  { test: (t) => t.includes('一般公共预算财政拨款支出决算表'), template: 'general-budget-expenditure' },
  { test: (t) => t.includes('财政拨款收入支出决算总表') || t.includes('财政拨款收支决算总表'), template: 'fiscal-summary' },
  { test: (t) => t.includes('收入支出决算总表') || t.includes('收支决算总表'), template: 'income-expenditure-summary' },
  { test: (t) => t.includes('收入决算表'), template: 'income' },
  { test: (t) => t.includes('支出决算表'), template: 'expenditure' },
];

/**
 * §3 step 2: header signatures. `all` words must occur in the sheet's normalised text, `none` must not. Tested in
 * this order, most specific first; the state-capital ones also need the title (it matches GB or GF otherwise).
 */
export interface Signature {
  template: GongkaiTemplate;
  all: string[];
  none?: string[];
  needsTitle?: string;
  /** Words counted twice at least (行次 in the two-sided tables). */
  twice?: string[];
}

export const SIGNATURES: Signature[] = [
  { template: 'disclosure-stats', all: ['政府采购', '机关运行经费', '国有资产占用'] },
  { template: 'three-public', all: ['预算数', '决算数', '因公出国', '公务接待'] },
  { template: 'basic-expenditure', all: ['人员经费', '公用经费', '科目名称'] },
  { template: 'fiscal-summary', all: ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款', '年初财政拨款结转和结余'], twice: ['行次'] },
  { template: 'income-expenditure-summary', all: ['收入', '支出', '项目', '本年收入合计', '本年支出合计', '结余分配'], twice: ['行次'] },
  { template: 'state-capital', all: ['年初结转和结余', '本年收入', '本年支出', '年末结转和结余'], needsTitle: '国有资本经营' },
  { template: 'gov-fund', all: ['年初结转和结余', '本年收入', '本年支出', '年末结转和结余'], needsTitle: '政府性基金' },
  { template: 'income', all: ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '附属单位上缴收入'] },
  { template: 'expenditure', all: ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '对附属单位补助支出'] },
  { template: 'state-capital', all: ['本年支出', '合计', '基本支出', '项目支出'], none: ['年初结转和结余'], needsTitle: '国有资本经营' },
  { template: 'general-budget-expenditure', all: ['本年支出', '小计', '基本支出', '项目支出'], none: ['年初结转和结余'] },
];

/** Words that open a header (the first row holding one is the first header row). */
export const HEADER_WORDS = [
  '项目', '收入', '支出', '行次', '科目编码', '科目代码', '功能分类科目编码', '科目名称', '人员经费', '公用经费', '预算数', '决算数',
  '本年收入合计', '本年支出合计', '年初结转和结余', '本年支出', '合计', '因公出国', '统计数', '采购金额',
];

/** Labels of the 行次-keyed rows, used where a row has no 行次 (labels are fallbacks, §5). */
export const LINE_LABELS: Partial<Record<GongkaiTemplate, { line: number; labels: string[]; side: 'left' | 'right' }[]>> = {
  'income-expenditure-summary': [
    { line: 1, labels: ['一般公共预算财政拨款收入'], side: 'left' },
    { line: 2, labels: ['政府性基金预算财政拨款收入'], side: 'left' },
    { line: 3, labels: ['国有资本经营预算财政拨款收入'], side: 'left' },
    { line: 4, labels: ['上级补助收入'], side: 'left' },
    { line: 5, labels: ['事业收入'], side: 'left' },
    { line: 6, labels: ['经营收入'], side: 'left' },
    { line: 7, labels: ['附属单位上缴收入'], side: 'left' },
    { line: 8, labels: ['其他收入'], side: 'left' },
    { line: 27, labels: ['本年收入合计'], side: 'left' },
    { line: 28, labels: ['使用非财政拨款结余', '使用非财政拨款结余(含专用结余)'], side: 'left' },
    { line: 29, labels: ['年初结转和结余'], side: 'left' },
    { line: 31, labels: ['总计', '收入总计'], side: 'left' },
    { line: 58, labels: ['本年支出合计'], side: 'right' },
    { line: 59, labels: ['结余分配'], side: 'right' },
    { line: 60, labels: ['年末结转和结余'], side: 'right' },
    { line: 62, labels: ['总计', '支出总计'], side: 'right' },
  ],
  'fiscal-summary': [
    { line: 1, labels: ['一般公共预算财政拨款'], side: 'left' },
    { line: 2, labels: ['政府性基金预算财政拨款'], side: 'left' },
    { line: 3, labels: ['国有资本经营预算财政拨款', '国有资本经营财政拨款'], side: 'left' },
    { line: 27, labels: ['本年收入合计'], side: 'left' },
    { line: 28, labels: ['年初财政拨款结转和结余'], side: 'left' },
    { line: 32, labels: ['总计', '收入总计'], side: 'left' },
    { line: 59, labels: ['本年支出合计'], side: 'right' },
    { line: 60, labels: ['年末财政拨款结转和结余'], side: 'right' },
    { line: 64, labels: ['总计', '支出总计'], side: 'right' },
  ],
};

/** The first 行次 of the class rows on the right-hand side: IE 行32, FS 行33. */
export const CLASS_LINE_START: Partial<Record<GongkaiTemplate, number>> = {
  'income-expenditure-summary': 32,
  'fiscal-summary': 33,
};

/** BE variants by column count (gongkai-layouts.md §4.6). */
export const BE_VARIANT_BY_COLUMNS: Record<number, string> = { 9: 'henan-2021', 12: 'shanxi-2024', 16: 'shanxi-2022' };

export const UNIT_PATTERN = /(?:金额)?单位[:：]?(万元|元)/;
export const MARKER_PATTERN = /^公开0?(\d{1,2})表?$/;
export const TRAILER_PATTERN = /^(注|说明|备注|填表说明)[:：]?/;

/**
 * Column roles by header words (§3: "column roles come from header words, not positions"): the canonical 栏次 of
 * each amount column of every role with columns, so a table without a 栏次 row, or one that reorders its columns,
 * is read right. A header matches when its normalised text ends with the word; the first matching word wins.
 * 栏次 0 numbers the matching columns in their order (the two 金额 columns of the 收入支出决算总表). The 三公 words
 * give 栏1–6 under 预算数 and 栏7–12 under 决算数.
 */
export const COLUMN_WORDS: Partial<Record<GongkaiTemplate, [string, number][]>> = {
  'income-expenditure-summary': [['金额', 0], ['决算数', 0]],
  'fiscal-summary': [['国有资本经营预算财政拨款', 5], ['政府性基金预算财政拨款', 4], ['一般公共预算财政拨款', 3], ['合计', 2], ['金额', 1], ['决算数', 1]],
  income: [['本年收入合计', 1], ['财政拨款收入', 2], ['上级补助收入', 3], ['事业收入', 4], ['经营收入', 5], ['附属单位上缴收入', 6], ['其他收入', 7]],
  expenditure: [['本年支出合计', 1], ['基本支出', 2], ['项目支出', 3], ['上缴上级支出', 4], ['经营支出', 5], ['对附属单位补助支出', 6]],
  'general-budget-expenditure': [['小计', 1], ['合计', 1], ['基本支出', 2], ['项目支出', 3]],
  'gov-fund': [['年初结转和结余', 1], ['本年收入', 2], ['小计', 3], ['基本支出', 4], ['项目支出', 5], ['年末结转和结余', 6]],
  'three-public': [
    ['公务用车购置及运行维护费', 3], ['公务用车购置及运行费', 3], ['小计', 3], ['购置费', 4], ['运行维护费', 5], ['运行费', 5],
    ['公务接待费', 6], ['因公出国(境)费', 2], ['因公出国费', 2], ['合计', 1],
  ],
};
