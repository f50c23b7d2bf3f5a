/**
 * 舍位平衡 (identities.md §8): for a rounding finding, the single cell change — the total first, then the addends
 * by decreasing size — that makes its identity hold exactly without breaking any other identity the cell is in.
 */
import { a1 } from '../address';
import { Finding, ProposedEdit } from '../findings';
import { Decimal, fixed } from '../numbers';
import { IdentityBatch } from './batch';
import { CellMap, CellValues, evaluate, Evaluation, Identity, oneUnitCents, Override, Place, samePlace, Status, statusWith } from './identity';

/** A 舍位平衡 to write, with the finding it settles (the engine lists fixes in its findings' order). */
export interface BalanceFix {
  finding: Finding;
  fix: ProposedEdit;
}

/**
 * Sets each rounding finding's proposal (the contract's text) and returns the same changes as fixes to write, their
 * values taken from the computed amounts rather than read back from the text.
 */
export function proposeBalances(failing: { id: Identity; finding: Finding }[], run: { identities: Identity[]; batches: IdentityBatch[]; values: CellValues }): BalanceFix[] {
  const fixes: BalanceFix[] = [];
  if (failing.length === 0) return fixes;
  const values = run.values;
  // Index only the cells a proposal may change: the places of the failing identities, not every cell of the book.
  const byCell = new CellMap<Identity[]>();
  for (const { id } of failing) for (const p of [id.stated, ...id.terms]) byCell.set(p, []);
  const index = (id: Identity) => {
    byCell.get(id.stated)?.push(id);
    for (const t of id.terms) byCell.get(t)?.push(id);
  };
  for (const id of run.identities) index(id);
  for (const batch of run.batches) {
    const cells = byCell.sheet(batch.table.sheet);
    if (cells) for (const i of batch.touching(cells)) index(batch.identity(i));
  }
  const before = new Map<Identity, Status | null>();
  const statusBefore = (id: Identity) => {
    if (!before.has(id)) before.set(id, statusWith(id, values));
    return before.get(id)!;
  };

  for (const { id, finding } of failing) {
    const candidates = candidatesInCents(id, values) ?? candidatesInDecimals(id, values);
    const broken: { place: Place; rules: string[] }[] = [];
    let chosen: Override | null = null;
    for (const change of candidates) {
      if (change.negative) continue;
      const rules: string[] = [];
      for (const other of byCell.get(change.place) ?? []) {
        const b = statusBefore(other);
        const a = statusWith(other, values, change);
        if (!b || !a) continue;
        const fails = a === 'beyond' || (b === 'exact' && a !== 'exact') || (other === id && a !== 'exact');
        if (fails && !rules.includes(other.rule)) rules.push(other.rule);
      }
      if (rules.length === 0) {
        chosen = change;
        break;
      }
      broken.push({ place: change.place, rules });
    }
    if (chosen) {
      const sheet = chosen.place.table.sheet.name;
      const cell = a1(chosen.place.pos.row, chosen.place.pos.col);
      const proposed = fixed(chosen.value, 2);
      finding.proposal = { sheet, cell, value: proposed };
      const current = sheet === finding.sheet && cell === finding.cell ? finding.stated : null;
      fixes.push({ finding, fix: { sheet, cell, current, proposed, value: chosen.value.toDecimalPlaces(2).toNumber(), rule: finding.rule } });
    } else {
      finding.proposal = null;
      finding.proposalReason = reasonFor(id, broken);
    }
  }
  return fixes;
}

/**
 * The trial changes, the total first, then the non-zero addends by decreasing size, each by the difference; in exact
 * hundredths when every cell has them in one unit (the common case), null otherwise.
 */
function candidatesInCents(id: Identity, values: CellValues): Override[] | null {
  const sums = oneUnitCents(id, values);
  if (!sums) return null;
  const difference = sums.stated - sums.expected;
  const addends = id.terms
    .map((t) => ({ t, c: values.cents(t)! }))
    .filter((x) => x.c !== 0)
    .sort((a, b) => Math.abs(b.c) - Math.abs(a.c));
  return [
    Override.inCents(id.stated, sums.expected),
    ...addends.map(({ t, c }) => Override.inCents(t, t.sign === 1 ? c + difference : c - difference)),
  ];
}

function candidatesInDecimals(id: Identity, values: CellValues): Override[] {
  const e = evaluate(id, values);
  if (!e) return [];
  const candidates: Override[] = [];
  if (values.value(id.stated) && sameUnit(id, id.stated, e)) candidates.push(Override.of(id.stated, e.expected));
  const addends = id.terms
    .map((t) => ({ t, v: values.value(t) }))
    .filter((x): x is { t: typeof x.t; v: Decimal } => x.v !== null && !x.v.isZero() && sameUnit(id, x.t, e))
    .sort((a, b) => b.v.abs().comparedTo(a.v.abs()));
  for (const { t, v } of addends) candidates.push(Override.of(t, t.sign === 1 ? v.plus(e.difference) : v.minus(e.difference)));
  return candidates;
}

/** A candidate in another unit than the comparison (元 beside 万元) is not adjusted: the cent would not be a cent. */
function sameUnit(id: Identity, p: Place, e: Evaluation): boolean {
  return (p.table.unit ?? '万元') === e.unit || !id.terms.some((t) => t.table.unit !== id.stated.table.unit);
}

function reasonFor(id: Identity, broken: { place: Place; rules: string[] }[]): string {
  if (broken.length === 0) return '没有可调整的非零单元格';
  const parts: string[] = [];
  const stated = broken.find((b) => samePlace(b.place, id.stated));
  if (stated) parts.push(`改动合计数 ${a1(id.stated.pos.row, id.stated.pos.col)} 会使 ${stated.rules.join('、')} 不再平衡`);
  const addends = broken.filter((b) => !samePlace(b.place, id.stated));
  if (addends.length > 0) {
    const rules = [...new Set(addends.flatMap((b) => b.rules))];
    parts.push(`改动任一分项（${addends.length} 个）会使 ${rules.join('、')} 不再平衡`);
  }
  return `无法只改一个单元格实现舍位平衡：${parts.join('；')}。该数与其他表或总计已相互一致，建议保留并在出错说明中注明尾数误差`;
}
