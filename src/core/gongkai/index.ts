/** 部门决算公开表: recognition (gongkai-layouts.md) and identities (identities.md). */
import type { FamilyResult, WorkbookContext } from '../engine';
import type { SheetGrid } from '../grid';
import type { RecognitionOutcome } from '../recognition';

export function recognizeGongkai(_sheet: SheetGrid): RecognitionOutcome {
  return null;
}

export function checkGongkai(_context: WorkbookContext): FamilyResult {
  return { findings: [] };
}
