/** Shared by the coded-table rules (G-INTRA-10…13): which tables, and the branches a missing parent cuts off. */
import { AmountColumn, GongkaiTemplate, GTable, orphans } from '../model';
import { GContext } from './kit';

export const CODED: GongkaiTemplate[] = ['income', 'expenditure', 'general-budget-expenditure', 'gov-fund', 'state-capital'];

export function codedTables(ctx: GContext): GTable[] {
  return CODED.flatMap((template) => ctx.all(template));
}

/** Codes whose sum check is skipped because a descendant's parent row is missing (G-INTRA-13). */
export function brokenAncestors(t: GTable): Set<string> {
  const broken = new Set<string>();
  for (const o of orphans(t)) {
    for (let len = 3; len < o.code.length; len += 2) broken.add(o.code.slice(0, len));
    broken.add('合计');
  }
  return broken;
}

const live = new WeakMap<GTable, AmountColumn[]>();

/**
 * The columns holding any figure. A column of blanks and zeros satisfies every sum in it, so its 合计/类/款
 * identities are not built at all: on a 50 000-row table that halves the work of G-INTRA-10…12.
 */
export function liveColumns(ctx: GContext, t: GTable): AmountColumn[] {
  let cols = live.get(t);
  if (!cols) {
    const rows = t.codeRows.map((r) => r.row);
    if (t.totalRow !== null) rows.push(t.totalRow);
    const values = ctx.values.of(t.sheet);
    cols = t.columns.filter((c) => rows.some((row) => {
      if (values.centsAt(row, c.col) === 0) return false;
      const r = values.reading(row, c.col);
      return r.kind !== 'empty' && !(r.kind === 'number' && r.value.isZero());
    }));
    live.set(t, cols);
  }
  return cols;
}
