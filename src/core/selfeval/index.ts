/**
 * 绩效自评表 (selfeval.md, selfeval-rules.md): recognition and checks. Placeholder until issue 4 lands: it claims
 * no sheet, so such sheets are listed as unrecognised rather than silently passed.
 */
import type { FamilyResult, WorkbookContext } from '../engine';
import type { SheetGrid } from '../grid';
import type { RecognitionOutcome } from '../recognition';

export function recognizeSelfEval(_sheet: SheetGrid): RecognitionOutcome {
  return null;
}

export function checkSelfEval(_context: WorkbookContext): FamilyResult {
  return { findings: [] };
}
