/**
 * 第三部分 情况说明: recognition (gongkai-layouts.md §4.11) and the narrative-versus-table checks (narratives.md §4).
 */
import type { FamilyResult, WorkbookContext } from '../engine';
import { recognizeSituationNotes } from './recognize';

export { recognizeSituationNotes };

export function checkNarratives(_context: WorkbookContext): FamilyResult {
  return { findings: [] };
}
