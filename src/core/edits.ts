/**
 * The values a check offers to write: the S rules' recomputed 执行率/得分/… (result.edits) and the G rules' 舍位平衡
 * proposals — one per cell, so 全部应用 in the pane and `juesuan fix` write the same cells.
 */
import { CheckResult, Finding, ProposedEdit } from './findings';
import { Decimal } from './numbers';
import { isAdvice } from './present';

/**
 * Which finding an explanation (已说明) belongs to: its sheet, cell, rule and stated figure — one paragraph may hold
 * several figures under one rule, and a changed figure is a new question for the accountant.
 */
export function findingKey(f: { sheet: string; cell: string | null; rule: string; stated?: string | null }): string {
  return `${f.sheet}!${f.cell ?? ''}#${f.rule}#${f.stated ?? ''}`;
}

/**
 * The value a proposal's text stands for: a number, a percentage as its fraction under a percent format showing the
 * same decimals (the add-in writes text as text, so Excel no longer reads "85.50%" as a number on its own), else text.
 */
function toValue(text: string): { value: number | string; numFmt?: string } {
  const t = text.replace(/,/g, '').trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return { value: Number(t) };
  const pct = /^(-?\d+(?:\.(\d+))?)%$/.exec(t);
  if (pct) return { value: new Decimal(pct[1]).dividedBy(100).toNumber(), numFmt: `0${pct[2] ? `.${'0'.repeat(pct[2].length)}` : ''}%` };
  return { value: text };
}

/**
 * The recomputed value a finding offers: an engine edit for its cell, else its proposal. A reading note (说明) and
 * an S-ADV suggestion never offer one: they report how a cell was read or what might be scored, not an error.
 */
export function editFor(f: Finding, result: CheckResult): ProposedEdit | null {
  if (f.severity === 'info' || isAdvice(f)) return null;
  const sameCell = (e: ProposedEdit) => e.sheet === f.sheet && !!f.cell && e.cell === f.cell;
  const fromEdits = result.edits.find((e) => sameCell(e) && e.rule === f.rule) ?? result.edits.find(sameCell);
  if (fromEdits) return fromEdits;
  if (f.proposal) {
    const p = f.proposal;
    return { sheet: p.sheet, cell: p.cell, current: p.sheet === f.sheet && p.cell === f.cell ? f.stated : null, proposed: p.value, ...toValue(p.value), rule: f.rule };
  }
  return null;
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
  result.edits.filter((e) => !settled.has(cellOf(e))).forEach(push);
  open.forEach((f) => push(editFor(f, result)));
  return out;
}

