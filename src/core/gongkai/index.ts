/** 部门决算公开表: recognition (gongkai-layouts.md) and identities (identities.md), run like ESLint rules. */
import { a1 } from '../address';
import { append, FamilyResult, WorkbookContext } from '../workbook-context';
import { Finding, TEMPLATE_LABEL } from '../findings';
import { fixed, Reading } from '../numbers';
import { CellValues, evaluate, findingOf, holdsExactly, Identity, severityOf } from './identity';
import { IdentityBatch } from './batch';
import { GTable } from './model';
import { BalanceFix, proposeBalances } from './proposal';
import { recognizeGongkai } from './recognize';
import { GContext, GRule } from './rules/kit';
import { RULES } from './rules';
import R_DUP from '../reading/R-DUP';
import R_EMPTY from '../reading/R-EMPTY';
import R_FORMAT from '../reading/R-FORMAT';
import R_FORMULA from '../reading/R-FORMULA';
import R_PREC from '../reading/R-PREC';
import R_TEXT from '../reading/R-TEXT';

export { recognizeGongkai };
export type { GTable };

/** The 公开表 of a workbook, each with the unit the engine resolved (its units stage set it on the model). */
export function gongkaiTables(context: WorkbookContext): GTable[] {
  return context.recognitions.filter((r) => r.family === 'gongkai').map((r) => r.model as GTable);
}

export interface GongkaiRun {
  findings: Finding[];
  /** The 舍位平衡 changes of the rounding findings, as values to write. */
  fixes: BalanceFix[];
  identities: Identity[];
  batches: IdentityBatch[];
  values: CellValues;
}

/** Runs every rule over the tables; exported for the proposal tests and the narrative checks. */
export function runGongkai(tables: GTable[], rules: GRule[] = RULES): GongkaiRun {
  const values = new CellValues();
  const ctx = new GContext(tables, values);
  const findings: Finding[] = [];
  // append(), not push(...list): a list of 100k+ elements spread as arguments overflows the stack (200k rows).
  for (const t of tables) append(findings, readingFindings(t, values));
  append(findings, duplicateRoleWarnings(tables));
  const identities: Identity[] = [];
  const batches: IdentityBatch[] = [];
  const failing: { id: Identity; finding: Finding }[] = [];
  const check = (id: Identity) => {
    const e = evaluate(id, values);
    const severity = e && severityOf(id, e);
    if (!e || !severity) return;
    const finding = findingOf(id, e, severity);
    findings.push(finding);
    failing.push({ id, finding });
  };
  for (const rule of rules) {
    for (const id of rule.instances?.(ctx) ?? []) {
      identities.push(id);
      if (!holdsExactly(id, values)) check(id);
    }
    for (const batch of rule.batches?.(ctx) ?? []) {
      batches.push(batch);
      for (let i = 0; i < batch.size; i++) if (!batch.holdsExactly(i, values)) check(batch.identity(i));
    }
    if (rule.findings) append(findings, rule.findings(ctx));
  }
  const fixes = proposeBalances(failing.filter((f) => f.finding.severity === 'rounding'), { identities, batches, values });
  return { findings, fixes, identities, batches, values };
}

const runs = new WeakMap<WorkbookContext, GongkaiRun>();

/** The 公开表 run of a workbook, done once: the narrative checks reuse its identities and cell values. */
export function gongkaiRun(context: WorkbookContext): GongkaiRun {
  let run = runs.get(context);
  if (!run) runs.set(context, (run = runGongkai(gongkaiTables(context))));
  return run;
}

export function checkGongkai(context: WorkbookContext): FamilyResult {
  return { findings: gongkaiRun(context).findings };
}

/** R-TEXT, R-FORMULA, R-PREC, R-FORMAT and R-EMPTY: how the amount cells were read (spec README "Reading cells"). */
function readingFindings(t: GTable, values: CellValues): Finding[] {
  const out: Finding[] = [];
  let filled = false;
  const width = t.sheet.colCount + 1;
  const seen = new Uint8Array((t.sheet.rowCount + 1) * width);
  const sheetValues = values.of(t.sheet);
  for (const block of t.amountCells) {
    for (const row of block.rows) {
      for (const col of block.cols) {
        const key = row * width + col;
        if (seen[key]) continue;
        seen[key] = 1;
        const plain = sheetValues.plainKind(row, col);
        if (plain) {
          filled ||= plain === 'number';
          continue;
        }
        const r = sheetValues.reading(row, col);
        if (r.kind !== 'empty') filled = true;
        const finding = readingFinding(t.sheet.name, a1(row, col), r);
        if (finding) out.push(finding);
      }
    }
  }
  if (!filled && t.amountCells.some((b) => b.rows.length > 0 && b.cols.length > 0)) {
    out.push({ sheet: t.sheet.name, cell: null, rule: R_EMPTY.id, severity: 'info', stated: null, expected: null, message: `${TEMPLATE_LABEL[t.template]}没有填列任何金额（空表），表内核对从略` });
  }
  return out;
}

function readingFinding(sheet: string, cell: string, r: Reading): Finding | null {
  const base = { sheet, cell };
  if (r.kind === 'unreadable') {
    return { ...base, rule: R_TEXT.id, severity: 'warning', stated: r.text, expected: null, message: `${r.reason}，无法作为金额读取，涉及该单元格的核对已跳过` };
  }
  if (r.kind === 'unknown') {
    return { ...base, rule: R_FORMULA.id, severity: 'info', stated: null, expected: null, message: `${r.reason}（文件未经 Excel 重新计算），涉及该单元格的核对已跳过，未按 0 处理` };
  }
  if (r.kind === 'number' && r.fromText) {
    return { ...base, rule: R_TEXT.id, severity: 'info', stated: r.text ?? null, expected: fixed(r.value, Math.max(2, r.decimals)), message: `单元格为文本“${r.text}”，按数字 ${r.value.toString()}${r.unitWord ? `（带单位“${r.unitWord}”）` : ''} 读取` };
  }
  if (r.kind === 'number' && r.percent) {
    const shown = `${fixed(r.value.times(100), r.decimals - 2)}%`;
    const amount = fixed(r.value, Math.max(2, r.decimals));
    return { ...base, rule: R_FORMAT.id, severity: 'info', stated: shown, expected: amount, message: `金额单元格设成了百分比格式（显示为 ${shown}），按存储的金额 ${amount} 核对；请把该单元格改为数值格式` };
  }
  if (r.kind === 'number' && r.storedValue) {
    return { ...base, rule: R_PREC.id, severity: 'info', stated: r.storedValue.toString(), expected: fixed(r.value, r.decimals), message: `存储值 ${r.storedValue.toString()} 的小数位多于显示的 ${r.decimals} 位，核对按显示值 ${fixed(r.value, r.decimals)} 进行` };
  }
  return null;
}

/** README "Reading cells" (f): two tables of one role are each checked alone; their inter-table checks are skipped. */
function duplicateRoleWarnings(tables: GTable[]): Finding[] {
  const byRole = new Map<string, GTable[]>();
  for (const t of tables) byRole.set(t.template, [...(byRole.get(t.template) ?? []), t]);
  const out: Finding[] = [];
  for (const [role, list] of byRole) {
    if (list.length < 2) continue;
    const names = list.map((t) => `“${t.sheet.name}”`).join('、');
    out.push({
      sheet: list[0].sheet.name, cell: null, rule: R_DUP.id, severity: 'warning', stated: null, expected: null,
      message: `工作簿中有 ${list.length} 张${TEMPLATE_LABEL[role as GTable['template']]}（${names}），各自做了表内核对，涉及该表的表间核对已跳过`,
    });
  }
  return out;
}
