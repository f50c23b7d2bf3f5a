/** Pure helpers behind the pane: grouping worst first, counts and the edits a finding offers. */
import { CheckResult, Finding, Severity } from '../core/findings';
import { compareFindings, isAdvice } from '../core/present';
import { allEdits, editFor } from '../core/edits';
import { findingKey } from '../host/journal';

export { allEdits, editFor };

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

/** What changed between two checks, in counts per severity (`尾数误差 56 → 47`). */
export function countChanges(before: Record<Severity, number>, after: Record<Severity, number>, labels: Record<Severity, string>): string[] {
  return (['error', 'rounding', 'warning'] as Severity[]).filter((s) => before[s] !== after[s]).map((s) => `${labels[s]} ${before[s]} → ${after[s]}`);
}
