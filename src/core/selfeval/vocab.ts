/**
 * The words of the 绩效自评表 as data (selfeval.md §1.1, §1.3, §5): titles, zone labels, column synonyms and variant
 * cues. Every pattern is matched against `norm()` text (NFKC, no whitespace, no quotes). Nothing here names a
 * fixture's cells or sheets: a province's table is recognised by the words it prints.
 */

/** A title row: the normalised text ends with one of these forms (optionally followed by a year in brackets). */
export const TITLE = /(自评表|绩效目标表|目标申报表)(\(\d{4}年度?\))?$/;
export const DEPARTMENT_TITLE = /整体(支出)?绩效自评表/;
export const PROJECT_TITLE = /绩效自评表/;
export const TARGET_TITLE = /绩效目标表|目标申报表/;
/** Trailer rows start with these and are never a title nor data. */
export const TRAILER = /^(注|说明|备注|填表说明)/;
export const YEAR = /^\(\s*(\d{4})\s*年度\s*\)$/;
export const TITLE_MAX_LENGTH = 80;

/** Budget (资金) block: the header row holds an 执行数 cell and an 执行率 cell. */
export const BUDGET_HEADER_EXEC = /执行数/;
export const BUDGET_HEADER_RATE = /执行率/;

export type BudgetField = 'reason' | 'target' | 'exec' | 'rate' | 'bal' | 'init' | 'full' | 'weight' | 'score';
/** Tested in this order; the first field a header matches wins, and the first column of a field wins. */
export const BUDGET_COLUMNS: ReadonlyArray<[BudgetField, RegExp]> = [
  ['reason', /偏差原因|原因/],
  ['target', /目标申报/],
  ['exec', /执行数/],
  ['rate', /执行率/],
  ['bal', /资金结.*余|^结.*余/],
  ['init', /预算编制|年初/],
  ['full', /全年预算|全年数|年预算数|^全年/],
  ['weight', /分值|权重/],
  ['score', /得分/],
];
export const MONEY_FIELDS: readonly BudgetField[] = ['init', 'target', 'full', 'exec', 'bal'];
export const MONEY_FIELD_LABEL: Record<string, string> = {
  init: '年初预算数',
  target: '目标申报数',
  full: '全年预算数',
  exec: '全年执行数',
  bal: '资金结转结余',
};

/** The total row of a budget block; the other data rows are its parts (fund sources). */
export const BUDGET_TOTAL_LABEL = /总额|合计|总计/;
/** Labels that end the budget block (goal rows, indicator zone). */
export const BUDGET_STOP = /^(年度总体目标|年度履职目标|项目年度绩效目标|年度主要任务|绩效指标|一级指标|预期目标|年度目标)|^\(?[一二三四五六七八九十]+[)、]/;

export type IndicatorField =
  | 'reason'
  | 'l1'
  | 'l2'
  | 'l3'
  | 'qual'
  | 'note'
  | 'targetAdj'
  | 'targetInit'
  | 'actual'
  | 'target'
  | 'weight'
  | 'score';
export const INDICATOR_COLUMNS: ReadonlyArray<[IndicatorField, RegExp]> = [
  ['reason', /原因/],
  ['l1', /一级指标/],
  ['l2', /二级指标/],
  ['l3', /三级指标|指标名称/],
  ['qual', /定性/],
  ['note', /指标说明/],
  ['targetAdj', /调整后/],
  ['targetInit', /年初/],
  ['actual', /完成值|实际完成/],
  ['target', /指标值|年度指标|^年度$/],
  ['weight', /分值|权重/],
  ['score', /得分/],
];
export const INDICATOR_HEADER_L1 = /一级指标/;
export const INDICATOR_HEADER_SCORE = /^得分$/;
export const INDICATOR_HEADER_WEIGHT = /^(分值|权重)$/;

/** A second header row holds only these sub-headings (年度/指标值, 实际/完成值, 年初预算数 over 目标申报数/预算编制数). */
export const SUBHEADER = /^(年度)?指标值$|完成值$|^目标申报|^预算编制|^年初指标|^调整后指标|^年初预算值/;

export const TOTAL_ROW = /^总(分|计)[:：]?$/;
export const GRADES = ['优', '良', '中', '差'] as const;
export const GRADE_LABEL = /^(自评等级|评价等级|等级)[:：]?$/;
/** A 一级 label's weight: `产出指标50分`, `投入管理指标(30分)`. */
export const BLOCK_WEIGHT = /(\d+(?:\.\d+)?)分/;

/** Negative cues of a 绩效目标表 (selfeval.md §5 step 2). */
export const TARGET_TABLE_CUE = /资金支出计划/;
export const TARGET_TABLE_REASON = '绩效目标表，不属于自评表，未审核';

export type Variant = 'national-2020' | 'henan-2021' | 'shanxi' | 'generic';
export type Form = 'S-W' | 'S-Y';
