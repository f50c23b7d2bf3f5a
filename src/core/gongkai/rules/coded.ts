/** Shared by the coded-table rules (G-INTRA-10…13): which tables, and the branches a missing parent cuts off. */
import { GongkaiTemplate, GTable } from '../model';
import { GContext, orphans } from './kit';

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
