/**
 * The toolkit rules are written with: the rule shape (like an ESLint rule: id, Chinese title, what it yields),
 * the context that finds tables by role, and builders for the common identity shapes.
 */
import { Finding, Severity, SEVERITY_LABEL, TemplateId } from '../../findings';
import type { RuleDefinition } from '../../rules/definition';
import { IdentityBatch } from '../batch';
import { Decimal } from '../../numbers';
import { CellValues, Identity, Place, Strength, Term } from '../identity';
import { AmountColumn, CodeRow, codeCell, columnOf, GongkaiTemplate, GTable, lineCell, Pos } from '../model';

/**
 * How a 公开表 rule's identities are judged (identities.md §1–2), which fixes the severities it can give: `eq` an
 * identity (尾数误差 within the tolerance, error beyond it); `def` an inequality that holds by definition (error);
 * `plaus` a plausibility inequality (warning); `cond` an identity run only when its condition holds (warning beyond
 * the tolerance); `count` a count that must match exactly (error); `structure` findings that are not arithmetic.
 */
export type GKind = 'eq' | 'def' | 'plaus' | 'cond' | 'count' | 'structure';

export interface GRuleSpec {
  id: string;
  title: string;
  /** The identity in the accountants' words (表、行次、栏次). */
  formula: string;
  /** The tables the rule reads. */
  tables: TemplateId[];
  kind: GKind;
  /** It restates another identity from the other side (reported with `derived: true`). */
  derived?: boolean;
  /** Non-arithmetic findings of the rule (`findings()`): their severities and message shapes. */
  structure?: { severities: Severity[]; messages: string[] };
  /** Identity instances to evaluate (equalities and inequalities). */
  instances?(ctx: GContext): Identity[];
  /** The same sum over many rows or columns of one table (kept as cell numbers; see batch.ts). */
  batches?(ctx: GContext): IdentityBatch[];
  /** Direct findings that are not arithmetic (structure, missing codes). */
  findings?(ctx: GContext): Finding[];
}

export interface GRule extends RuleDefinition, Omit<GRuleSpec, 'structure' | 'id' | 'title' | 'formula' | 'tables'> {
  readonly tables: readonly TemplateId[];
}

const SEVERITY_WEIGHT: Severity[] = ['error', 'rounding', 'warning', 'info'];

const IDENTITY_TEXT = '{说明}：填报 {填报数}，应为 {应为数}';
const ROUNDING_MESSAGE = `${IDENTITY_TEXT}，相差 {差额}{单位}（尾数误差，容差 {容差}）`;
const BEYOND_MESSAGE = `${IDENTITY_TEXT}，相差 {差额}{单位}，超出尾数误差容差 {容差}`;
const UNIT_SLIP_MESSAGE = `${IDENTITY_TEXT}，两者相差约一万倍：很可能是某张表的金额单位（万元/元）标注有误`;
const TOLERANCE = '差额为 0 通过；|差额| ≤ 0.01 × max(1, n)（n 为非零加数个数）为尾数误差';
const UNIT_SLIP = '；两表相差约一万倍时为错误，提示金额单位可能标错';

const BY_KIND: Record<GKind, (inter: boolean) => { severities: Severity[]; how: string; messages: string[]; fix: string | null }> = {
  eq: (inter) => ({
    severities: ['error', 'rounding'],
    how: `${TOLERANCE}；超出容差为错误${inter ? UNIT_SLIP : ''}`,
    messages: inter ? [ROUNDING_MESSAGE, BEYOND_MESSAGE, UNIT_SLIP_MESSAGE] : [ROUNDING_MESSAGE, BEYOND_MESSAGE],
    fix: '尾数误差时给出舍位平衡建议（改动一个单元格）',
  }),
  cond: (inter) => ({
    severities: inter ? ['error', 'rounding', 'warning'] : ['rounding', 'warning'],
    how: `条件成立时才核对：${TOLERANCE}；超出容差为提示${inter ? UNIT_SLIP : ''}`,
    messages: inter ? [ROUNDING_MESSAGE, BEYOND_MESSAGE, UNIT_SLIP_MESSAGE] : [ROUNDING_MESSAGE, BEYOND_MESSAGE],
    fix: '尾数误差时给出舍位平衡建议（改动一个单元格）',
  }),
  def: () => ({ severities: ['error'], how: '按定义必须成立：超过上限即为错误', messages: ['{说明}：填报 {填报数} 超过上限 {上限} {超出额}{单位}（错误）'], fix: null }),
  plaus: () => ({ severities: ['warning'], how: '合理性检查：超过上限为提示，请核实', messages: ['{说明}：填报 {填报数} 超过上限 {上限} {超出额}{单位}（提示：请核实）'], fix: null }),
  count: () => ({ severities: ['error'], how: '数量须完全相等，不等即为错误', messages: ['{说明}：填报 {填报数}，应为 {应为数}（数量须完全相等）'], fix: null }),
  structure: () => ({ severities: [], how: '', messages: [], fix: null }),
};

/** A 公开表 rule: its catalogue entry follows from its kind, so the severities it declares are the ones it can give. */
export function gRule(spec: GRuleSpec): GRule {
  const { structure, ...rest } = spec;
  const inter = spec.id.startsWith('G-INTER-');
  const byKind = BY_KIND[spec.kind](inter);
  const severities = SEVERITY_WEIGHT.filter((s) => byKind.severities.includes(s) || structure?.severities.includes(s));
  const how = [byKind.how, structure && spec.kind !== 'structure' ? `${structure.severities.map((s) => SEVERITY_LABEL[s]).join('、')}：结构性检查（见说明）` : '']
    .filter(Boolean)
    .join('；');
  return {
    ...rest,
    family: inter ? 'inter' : 'intra',
    spec: inter ? 'identities.md §4' : 'identities.md §3',
    severities,
    severityHow: (spec.derived ? '推导式（从另一侧重述同一等式，标注为推导）；' : '') + (how || `${severities.map((s) => SEVERITY_LABEL[s]).join('、')}`),
    messages: [...byKind.messages, ...(structure?.messages ?? [])],
    fix: byKind.fix,
  };
}

export class GContext {
  constructor(readonly tables: GTable[], readonly values: CellValues) {}

  /** Every table of a role (intra-table rules check each, duplicates included). */
  all(template: GongkaiTemplate): GTable[] {
    return this.tables.filter((t) => t.template === template);
  }

  /** The one table of a role for inter-table rules; null when absent or when two compete (R-DUP). */
  one(template: GongkaiTemplate): GTable | null {
    const all = this.all(template);
    return all.length === 1 ? all[0] : null;
  }

  value(t: GTable, pos: Pos | null): Decimal | null {
    return pos ? this.values.value({ table: t, pos }) : null;
  }
}

export function place(table: GTable, pos: Pos): Place {
  return { table, pos };
}

export function term(table: GTable, pos: Pos, sign: 1 | -1 = 1): Term {
  return { table, pos, sign };
}

export interface IdentityOptions {
  relation?: 'eq' | 'le';
  strength?: Strength;
  derived?: boolean;
}

/** An instance when its stated cell exists; absent addends (rows not in the table) count as blank. */
export function identity(rule: string, stated: Place | null, terms: (Term | null)[], what: string, options: IdentityOptions = {}): Identity[] {
  if (!stated) return [];
  return [{
    rule, stated, terms: terms.filter((t): t is Term => t !== null), what,
    relation: options.relation ?? 'eq', strength: options.strength ?? 'eq', derived: options.derived,
  }];
}

/** `行k` of a 行次-keyed table as a place. */
export function line(t: GTable, k: number, lanci?: number): Place | null {
  const pos = lineCell(t, k, lanci);
  return pos ? { table: t, pos } : null;
}

export function lineTerm(t: GTable, k: number, lanci?: number, sign: 1 | -1 = 1): Term | null {
  const p = line(t, k, lanci);
  return p ? { ...p, sign } : null;
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** `stated 行 = Σ lines` in one column. */
export function lineSum(rule: string, t: GTable, stated: number, lines: number[], what: string, lanci?: number, options?: IdentityOptions): Identity[] {
  return identity(rule, line(t, stated, lanci), lines.map((k) => lineTerm(t, k, lanci)), what, options);
}

/** A coded table's cell (null code = the 合计 row) as a place. */
export function coded(t: GTable, code: string | null, lanci: number): Place | null {
  const pos = codeCell(t, code, lanci);
  return pos ? { table: t, pos } : null;
}

export function codedTerm(t: GTable, code: string | null, lanci: number, sign: 1 | -1 = 1): Term | null {
  const pos = codeCell(t, code, lanci);
  return pos ? { table: t, pos, sign } : null;
}

/** Every row of a coded table: the 合计 row and each code row, with a label for messages. */
export function everyRow(t: GTable): { row: number; code: string | null; label: string }[] {
  const rows: { row: number; code: string | null; label: string }[] = [];
  if (t.totalRow !== null) rows.push({ row: t.totalRow, code: null, label: '合计行' });
  for (const r of t.codeRows) rows.push({ row: r.row, code: r.code, label: rowLabel(r) });
  return rows;
}

function rowLabel(r: CodeRow | null): string {
  return r ? `${r.code} ${r.name}` : '合计行';
}

/**
 * Within each row of a coded table (the 合计 row, then every code row): 栏stated = Σ 栏addends (± signs).
 * `what(label)` words one row's identity.
 */
export function rowSums(rule: string, t: GTable, stated: number, addends: [number, 1 | -1][], what: (label: string) => string): IdentityBatch[] {
  const s = columnOf(t.columns, stated);
  if (!s) return [];
  const terms = addends.flatMap(([k, sign]) => {
    const c = columnOf(t.columns, k);
    return c ? [{ col: c.col, sign }] : [];
  });
  const rows: (CodeRow | null)[] = t.totalRow !== null ? [null, ...t.codeRows] : t.codeRows;
  const batch = new IdentityBatch(rule, t, { instances: rows.length, terms: rows.length * terms.length }, (i) => what(rowLabel(rows[i])));
  for (const r of rows) {
    const row = r ? r.row : t.totalRow!;
    batch.add(row, s.col);
    for (const { col, sign } of terms) batch.term(row, col, sign);
  }
  return [batch];
}

/**
 * In each of `columns`: every parent row = Σ its child rows. `what(i, column)` words instance i (parents in order,
 * each across the columns).
 */
export function treeSums<P>(rule: string, t: GTable, parents: { parent: P; row: number; children: number[] }[], columns: AmountColumn[], what: (parent: P, column: AmountColumn) => string): IdentityBatch[] {
  if (columns.length === 0 || parents.length === 0) return [];
  const size = { instances: parents.length * columns.length, terms: parents.reduce((n, p) => n + p.children.length, 0) * columns.length };
  const batch = new IdentityBatch(rule, t, size, (i) => what(parents[Math.floor(i / columns.length)].parent, columns[i % columns.length]));
  for (const p of parents) {
    for (const c of columns) {
      batch.add(p.row, c.col);
      for (const child of p.children) batch.term(child, c.col);
    }
  }
  return [batch];
}

/** A 3P cell by 栏次 (1–6 预算数, 7–12 决算数). */
export function threePublic(t: GTable, lanci: number): Place | null {
  const c = columnOf(t.columns, lanci);
  return c && t.dataRow !== null ? { table: t, pos: { row: t.dataRow, col: c.col } } : null;
}

export function asTerm(p: Place | null, sign: 1 | -1 = 1): Term | null {
  return p ? { ...p, sign } : null;
}

/** The 26 class lines: IE 行32–57 / FS 行33–58, with their function-class codes. */
export { FUNCTION_CLASSES } from '../model';

/** The three funds of the fiscal summary: their 栏次, income 行, opening-balance 行 and name (FS 行1–3, 行29–31). */
export const FUNDS: [number, number, number, string][] = [
  [3, 1, 29, '一般公共预算财政拨款'],
  [4, 2, 30, '政府性基金预算财政拨款'],
  [5, 3, 31, '国有资本经营预算财政拨款'],
];
