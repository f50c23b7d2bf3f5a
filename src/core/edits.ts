/**
 * The values a check offers to write: the S rules' recomputed 执行率/得分/… (result.edits) and the G rules' 舍位平衡
 * proposals — one per cell, so 全部应用 in the pane and `juesuan fix` write the same cells.
 */
import { CheckResult, Finding, ProposedEdit } from './findings';
import { isAdvice } from './present';

/**
 * Which finding an explanation (已说明) belongs to: its sheet, cell, rule and stated figure — one paragraph may hold
 * several figures under one rule, and a changed figure is a new question for the accountant.
 */
export function findingKey(f: { sheet: string; cell: string | null; rule: string; stated?: string | null }): string {
  return `${f.sheet}!${f.cell ?? ''}#${f.rule}#${f.stated ?? ''}`;
}

/**
 * The recomputed value a finding offers: the engine's fix for its cell, or for the cell its 舍位平衡 changes — a value
 * carried from the engine, never read back from the text shown. A reading note (说明) and
 * an S-ADV suggestion never offer one: they report how a cell was read or what might be scored, not an error.
 */
export function editFor(f: Finding, result: CheckResult): ProposedEdit | null {
  if (f.severity === 'info' || isAdvice(f)) return null;
  const sameCell = (e: ProposedEdit) => e.sheet === f.sheet && !!f.cell && e.cell === f.cell;
  const fromEdits = result.edits.find((e) => sameCell(e) && e.rule === f.rule) ?? result.edits.find(sameCell);
  if (fromEdits) return fromEdits;
  // A 舍位平衡 may change another cell of the identity than the one the finding is on.
  const p = f.proposal;
  return (p && result.edits.find((e) => e.sheet === p.sheet && e.cell === p.cell && e.rule === f.rule)) || null;
}

/** Every edit on offer, one per cell (engine edits first); explained findings offer none. */
export function allEdits(result: CheckResult, explained: Record<string, string> = {}): ProposedEdit[] {
  const seen = new Set<string>();
  const out: ProposedEdit[] = [];
  const push = (e: ProposedEdit | null) => {
    if (!e) return;
    const k = `${e.sheet}\u0000${e.cell}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(e);
  };
  const open = result.findings.filter((f) => explained[findingKey(f)] === undefined);
  const cellOf = (x: { sheet: string; cell: string | null }) => `${x.sheet}\u0000${x.cell}`;
  const openCells = new Set(open.map(cellOf));
  const settled = new Set(result.findings.filter((f) => !openCells.has(cellOf(f))).map(cellOf));
  // A 舍位平衡 (G rules) is offered while a finding still open proposes it; it may sit on another cell of the identity.
  const proposedByOpen = new Set(open.flatMap((f) => (f.proposal ? [cellOf(f.proposal)] : [])));
  result.edits.filter((e) => !settled.has(cellOf(e)) && (!e.rule.startsWith('G-') || proposedByOpen.has(cellOf(e)))).forEach(push);
  open.forEach((f) => push(editFor(f, result)));
  return out;
}

