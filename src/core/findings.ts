/**
 * The findings contract (shared/tools/README.md): what a check reports, and what a whole workbook's check returns.
 */

export type Severity = 'error' | 'rounding' | 'warning' | 'info';

export type TemplateId =
  | 'income-expenditure-summary'
  | 'income'
  | 'expenditure'
  | 'fiscal-summary'
  | 'general-budget-expenditure'
  | 'basic-expenditure'
  | 'three-public'
  | 'gov-fund'
  | 'state-capital'
  | 'disclosure-stats'
  | 'situation-notes'
  | 'project-selfeval'
  | 'department-selfeval';

export type Unit = '万元' | '元';

export interface CellRef {
  sheet: string;
  cell: string;
}

export interface Proposal {
  sheet: string;
  cell: string;
  value: string;
}

export interface Finding {
  sheet: string;
  /** A1 address of the stated cell; null for a table-level finding. */
  cell: string | null;
  rule: string;
  severity: Severity;
  stated: string | null;
  expected: string | null;
  message: string;
  difference?: string;
  derived?: boolean;
  /** The other cells of the identity (addends, other tables' cells). */
  related?: CellRef[];
  /** 舍位平衡 proposal (G rules, rounding) or the recomputed value (S rules). */
  proposal?: Proposal | null;
  proposalReason?: string;
  /** The stated cell sits on a hidden row. */
  hiddenRow?: boolean;
}

export interface TableSpan {
  template: TemplateId;
  range: string;
  variant?: string;
}

export interface SheetSummary {
  name: string;
  template: TemplateId | null;
  unit: Unit | null;
  reason?: string;
  variant?: string;
  marker?: string;
  tables?: TableSpan[];
  /**
   * Two-sided tables (收入支出决算总表, 财政拨款收入支出决算总表): the column span of the 收入 and the 支出 half
   * (`A:C`, `D:I`), so a failing row is marked only on the half that fails.
   */
  halves?: string[];
  /** The cues that won the sheet for its template (Chinese), e.g. `标题“收入决算表”`, `表头含…`, `表体：…`. */
  evidence?: string[];
  /** An unrecognised sheet's strongest claim and what it lacked. */
  candidate?: { template: TemplateId; evidence: string[]; lacks: string };
}

/** A recomputed value the user may apply: the S rules' corrected 执行率, 得分, 结余, 总分, 等级. */
export interface ProposedEdit {
  sheet: string;
  cell: string;
  current: string | null;
  proposed: string;
  /** The number to write (for numeric cells); `proposed` is the text shown. */
  value: number | string;
  rule: string;
  /** Number format to keep or set when writing a number. */
  numFmt?: string;
}

export interface CheckResult {
  file: string;
  sheets: SheetSummary[];
  findings: Finding[];
  edits: ProposedEdit[];
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  rounding: '尾数误差',
  warning: '提示',
  info: '说明',
};

export const TEMPLATE_LABEL: Record<TemplateId, string> = {
  'income-expenditure-summary': '收入支出决算总表',
  income: '收入决算表',
  expenditure: '支出决算表',
  'fiscal-summary': '财政拨款收入支出决算总表',
  'general-budget-expenditure': '一般公共预算财政拨款支出决算表',
  'basic-expenditure': '一般公共预算财政拨款基本支出决算表',
  'three-public': '“三公”经费支出决算表',
  'gov-fund': '政府性基金预算财政拨款收入支出决算表',
  'state-capital': '国有资本经营预算财政拨款支出决算表',
  'disclosure-stats': '部门决算公开相关信息统计表',
  'situation-notes': '部门决算情况说明',
  'project-selfeval': '项目支出绩效自评表',
  'department-selfeval': '部门（单位）整体绩效自评表',
};
