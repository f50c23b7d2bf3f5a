/**
 * What every family's check is given and what it returns. A leaf both the engine and the families import, so no
 * family imports the engine that imports it (a type-only cycle today, a real one with undefined bindings in the
 * CommonJS CLI the day an import starts carrying a value).
 */
import type { Finding, ProposedEdit } from './findings';
import type { WorkbookGrid } from './grid';
import type { Recognition } from './recognition';

export interface WorkbookContext {
  workbook: WorkbookGrid;
  recognitions: Recognition[];
}

export interface FamilyResult {
  findings: Finding[];
  edits?: ProposedEdit[];
}

/** Appends in place without spreading arguments (a list of 100k+ elements spread as arguments overflows the stack). */
export function append<T>(into: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) into.push(items[i]);
}
