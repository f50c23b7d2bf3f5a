/**
 * The toolkit rules are written with: the rule shape (like an ESLint rule: id, Chinese title, what it yields),
 * the context that finds tables by role, and builders for the common identity shapes.
 */
import { Finding } from '../../findings';
import { IdentityBatch } from '../batch';
import { Decimal } from '../../numbers';
import { CellValues, Identity, Place, Strength, Term } from '../identity';
import { AmountColumn, CodeRow, codeCell, columnOf, GongkaiTemplate, GTable, lineCell, Pos } from '../model';

export interface GRule {
  id: string;
  /** Chinese: the identity in the accountants' words. */
  title: string;
  /** Identity instances to evaluate (equalities and inequalities). */
  instances?(ctx: GContext): Identity[];
  /** The same sum over many rows or columns of one table (kept as cell numbers; see batch.ts). */
  batches?(ctx: GContext): IdentityBatch[];
  /** Direct findings that are not arithmetic (structure, missing codes). */
  findings?(ctx: GContext): Finding[];
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
