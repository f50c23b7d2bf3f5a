/** Pure helpers behind the pane: grouping worst first, counts and the edits a finding offers. */
import { CheckResult, Finding, ProposedEdit, Severity } from '../core/findings';
import { compareFindings, isAdvice } from '../core/present';
import { findingKey } from '../host/journal';

export type MarkSeverity = Exclude<Severity, 'info'>;
export const MARK_SEVERITIES: MarkSeverity[] = ['error', 'rounding', 'warning'];

export { isAdvice };

export function counts(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, rounding: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export type GroupKey = MarkSeverity | 'advice' | 'info' | 'explained';

export interface FindingGroup {
  key: GroupKey;
  title: string;
  findings: Finding[];
}

export const GROUP_ORDER: GroupKey[] = ['error', 'rounding', 'warning', 'advice', 'info', 'explained'];

/**
 * Findings worst first: 错误, 尾数误差, 提示, then 建议 (S-ADV), 说明 (reading notes) and 已说明 (explained by the
 * accountant); each group by sheet in workbook order, then row. Hidden severities are left out.
 */
export function groupFindings(result: CheckResult, shown: Set<Severity>, titles: Record<GroupKey, string>, explained: Record<string, string> = {}): FindingGroup[] {
  const buckets = new Map<GroupKey, Finding[]>(GROUP_ORDER.map((k) => [k, []]));
  for (const f of result.findings) {
    if (explained[findingKey(f)] !== undefined) buckets.get('explained')!.push(f);
    else if (isAdvice(f)) buckets.get('advice')!.push(f);
    else if (f.severity === 'info') buckets.get('info')!.push(f);
    else if (shown.has(f.severity)) buckets.get(f.severity)!.push(f);
  }
  const cmp = compareFindings(result.sheets);
  return GROUP_ORDER.filter((k) => buckets.get(k)!.length).map((k) => ({ key: k, title: titles[k], findings: buckets.get(k)!.sort(cmp) }));
}

function toValue(text: string): number | string {
  const t = text.replace(/,/g, '').trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
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
    return { sheet: p.sheet, cell: p.cell, current: p.sheet === f.sheet && p.cell === f.cell ? f.stated : null, proposed: p.value, value: toValue(p.value), rule: f.rule };
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

/** What changed between two checks, in counts per severity (`尾数误差 56 → 47`). */
export function countChanges(before: Record<Severity, number>, after: Record<Severity, number>, labels: Record<Severity, string>): string[] {
  return (['error', 'rounding', 'warning'] as Severity[]).filter((s) => before[s] !== after[s]).map((s) => `${labels[s]} ${before[s]} → ${after[s]}`);
}
