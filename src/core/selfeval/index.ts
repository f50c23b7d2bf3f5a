/**
 * 绩效自评表 (selfeval.md, selfeval-rules.md): recognition of every stacked table of a sheet, then the checks of
 * each table on its own, with the recomputed 执行率, 得分, 结余, 总分 and 等级 as proposed edits.
 */
import { rangeA1 } from '../address';
import type { FamilyResult, WorkbookContext } from '../workbook-context';
import type { Finding, ProposedEdit, TableSpan } from '../findings';
import type { SheetGrid } from '../grid';
import type { Candidate, Evidence, Reading, Recognition, RecognitionOutcome } from '../recognition';
import { TableCheck } from './context';
import { SelfEvalModel, SelfEvalTable } from './model';
import { readTable, splitTables } from './recognize';
import { checkAdvice } from './rules/advice';
import { checkBudget } from './rules/budget';
import { checkIndicators } from './rules/indicators';
import { checkStructure } from './rules/structure';
import { checkTotal } from './rules/total';
import { TARGET_TABLE_REASON } from './vocab';
import S_STR_02 from './rules/S-STR-02';

export type { SelfEvalModel, SelfEvalTable } from './model';

/** Words every self-evaluation or target table carries somewhere (title, 得分 column, 执行率 column). */
const SELF_EVAL_WORD = /绩\s*效|自\s*评|得\s*分|执\s*行\s*率/;

/** The first characters of those words: one character class is much cheaper to scan for than the alternation. */
const SELF_EVAL_CHAR = /[绩自得执]/;

/**
 * A self-evaluation sheet names itself (绩效, 自评) or its columns (得分, 执行率) within its first rows, even with
 * many tables stacked; a sheet silent on them that far down is not one.
 */
const SELF_EVAL_SCAN_ROWS = 1000;

/** A cheap look at the raw text before the full reading normalises every cell of a 50 000-row 公开表. */
function mayBeSelfEval(sheet: SheetGrid): boolean {
  const rows = Math.min(sheet.cells.length, SELF_EVAL_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = sheet.cells[r];
    if (!row) continue;
    for (const c of row) if (c && typeof c.value === 'string' && SELF_EVAL_CHAR.test(c.value) && SELF_EVAL_WORD.test(c.value)) return true;
  }
  return false;
}

export function recognizeSelfEval(sheet: SheetGrid): RecognitionOutcome {
  if (!mayBeSelfEval(sheet)) return null;
  const tables: SelfEvalTable[] = [];
  let rejected = false;
  for (const span of splitTables(sheet)) {
    const outcome = readTable(sheet, span);
    if (!outcome) continue;
    if ('rejected' in outcome) rejected = true;
    else tables.push(outcome.table);
  }
  if (tables.length === 0) return rejected ? { reason: TARGET_TABLE_REASON } : null;
  const first = tables[0];
  const findings: Finding[] = [];
  for (const t of tables) {
    if (t.kindConflict) {
      findings.push({ sheet: sheet.name, cell: t.titleRow !== null ? rangeA1(t.titleRow, 0, t.titleRow, 0) : null, rule: S_STR_02.id, severity: 'info', stated: t.title, expected: t.kind, message: t.kindConflict });
    }
  }
  const spans: TableSpan[] = tables.map((t) => ({ template: t.kind, range: rangeA1(t.top, t.left, t.bottom, t.right), variant: t.form ? `${t.variant} ${t.form}` : t.variant }));
  const model: SelfEvalModel = { tables };
  const recognition: Recognition<SelfEvalModel> = {
    family: 'selfeval',
    template: first.kind,
    variant: first.variant,
    unit: tables.find((t) => t.unit)?.unit ?? null,
    tables: spans,
    findings,
    sheet,
    model,
  };
  return recognition;
}

/**
 * The self-evaluation family's claim (gongkai-layouts.md §3 item 7). The reading is the one recognition always did
 * first on such sheets, so it is done at once; its evidence is what the first table's reading found.
 */
export function selfEvalCandidates(sheet: SheetGrid): Candidate[] {
  const outcome = recognizeSelfEval(sheet);
  if (!outcome) return [];
  if (!('template' in outcome)) return [{ family: 'selfeval', template: 'project-selfeval', evidence: [], read: () => ({ outcome, evidence: [], lacks: outcome.reason }) }];
  const tables = (outcome.model as SelfEvalModel).tables;
  const evidence: Evidence[] = [];
  const first = tables[0];
  if (first.byTitle) evidence.push({ kind: 'title', text: `标题“${first.title}”` });
  if (first.bySignature) evidence.push({ kind: 'header', text: first.kind === 'department-selfeval' ? '表头含部门预算总额、年度履职目标、一级指标、得分' : '表头含全年预算数、全年执行数、执行率、一级指标、得分' });
  const budgetRows = tables.reduce((n, t) => n + (t.budget?.rows.length ?? 0), 0);
  const indicatorRows = tables.reduce((n, t) => n + (t.indicators?.rows.length ?? 0), 0);
  if (budgetRows + indicatorRows > 0) {
    const parts = [budgetRows ? `预算执行 ${budgetRows} 行` : '', indicatorRows ? `绩效指标 ${indicatorRows} 行` : ''].filter(Boolean);
    evidence.push({ kind: 'body', text: `表体：${parts.join('、')}${tables.length > 1 ? `（${tables.length} 张表）` : ''}` });
  }
  return [{ family: 'selfeval', template: outcome.template, evidence, read: () => ({ outcome, evidence: [], lacks: evidence.some((e) => e.kind === 'body') ? undefined : '没有找到预算执行或绩效指标的数据行' }) }];
}

/** The sheet read as the kind the accountant chose (指定表类型): its tables are checked as that kind. */
export function readSelfEvalAs(sheet: SheetGrid, kind: SelfEvalTable['kind']): Reading {
  const outcome = recognizeSelfEval(sheet);
  if (!outcome || !('template' in outcome)) return { outcome: null, evidence: [], lacks: outcome?.reason ?? '没有找到预算执行或绩效指标的表头' };
  outcome.template = kind;
  for (const t of (outcome.model as SelfEvalModel).tables) t.kind = kind;
  for (const span of outcome.tables ?? []) span.template = kind;
  return { outcome, evidence: [] };
}

/** Checks one table; exported for tests and for hosts that check a single range. */
export function checkSelfEvalTable(sheet: SheetGrid, table: SelfEvalTable, sheetUnit: SelfEvalTable['unit']): { findings: Finding[]; edits: ProposedEdit[] } {
  const ctx = runSelfEvalTable(sheet, table, sheetUnit);
  return { findings: ctx.findings, edits: ctx.edits };
}

function runSelfEvalTable(sheet: SheetGrid, table: SelfEvalTable, sheetUnit: SelfEvalTable['unit']): TableCheck {
  const ctx = new TableCheck(sheet, table, table.unit ?? sheetUnit);
  if (checkStructure(ctx)) {
    const budget = checkBudget(ctx);
    const ind = checkIndicators(ctx, table.budget ? budget?.weight ?? null : null);
    checkTotal(ctx, budget, ind);
    checkAdvice(ctx, budget);
  }
  return ctx;
}

/** One checked table: where it is, and the check with the readings it settled on (units, decimal commas). */
export interface CheckedSelfEvalTable {
  sheet: SheetGrid;
  table: SelfEvalTable;
  check: TableCheck;
}

const runs = new WeakMap<WorkbookContext, CheckedSelfEvalTable[]>();

/**
 * The 自评表 check of a workbook, done once: the 综述 checks and drafts quote its readings (a decimal-comma `27,415`
 * read as 27.415 by S-PARSE-03, the unit the engine assumed) instead of reading the cells a second way.
 */
export function selfEvalRun(context: WorkbookContext): CheckedSelfEvalTable[] {
  let run = runs.get(context);
  if (!run) {
    run = [];
    for (const r of context.recognitions) {
      if (r.family !== 'selfeval') continue;
      for (const table of (r.model as SelfEvalModel).tables) run.push({ sheet: r.sheet, table, check: runSelfEvalTable(r.sheet, table, r.unit) });
    }
    runs.set(context, run);
  }
  return run;
}

export function checkSelfEval(context: WorkbookContext): FamilyResult {
  const findings: Finding[] = [];
  const edits: ProposedEdit[] = [];
  for (const { check } of selfEvalRun(context)) {
    append(findings, check.findings);
    append(edits, check.edits);
  }
  return { findings, edits };
}

function append<T>(into: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) into.push(items[i]);
}
