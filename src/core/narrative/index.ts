/**
 * 第三部分 情况说明: recognition (gongkai-layouts.md §4.11) and the narrative-versus-table checks (narratives.md §4).
 */
import type { FamilyResult, WorkbookContext } from '../workbook-context';
import { Finding } from '../findings';
import { NarrativeContext, TableResults, tableResultsOf } from './context';
import { NotesModel, recognizeSituationNotes } from './recognize';
import { NARRATIVE_RULES } from './rules';

export { recognizeSituationNotes };
export { NarrativeContext } from './context';
export type { TableResults } from './context';
export { NARRATIVE_RULES } from './rules';

/**
 * The narrative checks, given what the 公开表 and 自评表 checks found: their cell values and identities, and the
 * readings they settled on (units, decimal commas), so a figure is never read a second way.
 */
export function checkNarratives(context: WorkbookContext, results: TableResults = tableResultsOf(context)): FamilyResult {
  const findings: Finding[] = [];
  for (const r of context.recognitions) {
    if (r.template !== 'situation-notes') continue;
    const ctx = new NarrativeContext(context, r.model as NotesModel, r.sheet.name, results);
    for (const rule of NARRATIVE_RULES) findings.push(...rule.run(ctx));
  }
  return { findings };
}
