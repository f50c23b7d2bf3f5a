/** Pure helpers behind the pane: grouping, counts and the edits a finding offers. */
import { CheckResult, Finding, ProposedEdit, Severity } from '../core/findings';

export type MarkSeverity = Exclude<Severity, 'info'>;
export const MARK_SEVERITIES: MarkSeverity[] = ['error', 'rounding', 'warning'];

export function counts(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, rounding: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export const isAdvice = (f: Finding) => f.rule.startsWith('S-ADV-');

export interface FindingGroup {
  key: string;
  title: string;
  findings: Finding[];
}

/** Findings by sheet (advice rules in their own 建议 group, info apart), filtered by severity. */
export function groupFindings(findings: Finding[], shown: Set<Severity>, adviceTitle: string): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  const advice: Finding[] = [];
  for (const f of findings) {
    if (f.severity === 'info' || !shown.has(f.severity)) continue;
    if (isAdvice(f)) {
      advice.push(f);
      continue;
    }
    const g = groups.get(f.sheet) ?? { key: `sheet:${f.sheet}`, title: f.sheet, findings: [] };
    g.findings.push(f);
    groups.set(f.sheet, g);
  }
  const out = [...groups.values()];
  if (advice.length) out.push({ key: 'advice', title: adviceTitle, findings: advice });
  return out;
}

function toValue(text: string): number | string {
  const t = text.replace(/,/g, '').trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
}

/** The recomputed value a finding offers: an engine edit for its cell, else its proposal. */
export function editFor(f: Finding, result: CheckResult): ProposedEdit | null {
  const fromEdits = result.edits.find((e) => e.sheet === f.sheet && f.cell && e.cell === f.cell);
  if (fromEdits) return fromEdits;
  if (f.proposal) {
    const p = f.proposal;
    return { sheet: p.sheet, cell: p.cell, current: p.sheet === f.sheet && p.cell === f.cell ? f.stated : null, proposed: p.value, value: toValue(p.value), rule: f.rule };
  }
  return null;
}

/** Every edit on offer, one per cell (engine edits first). */
export function allEdits(result: CheckResult): ProposedEdit[] {
  const seen = new Set<string>();
  const out: ProposedEdit[] = [];
  const push = (e: ProposedEdit | null) => {
    if (!e) return;
    const k = `${e.sheet}\u0000${e.cell}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(e);
  };
  result.edits.forEach(push);
  result.findings.forEach((f) => push(editFor(f, result)));
  return out;
}
