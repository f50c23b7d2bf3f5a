/**
 * The one interface every interactive host implements: the Office.js add-in (src/excel), the in-memory browser
 * playground (src/host/memory-host.ts) and the fake Excel used in tests. The pane talks to nothing else, so there is
 * exactly one checking path: host.readWorkbook() → checkWorkbook() → host.applyHighlights().
 */
import { CellRef, CheckResult, Finding, ProposedEdit } from '../core/findings';
import { WorkbookGrid } from '../core/grid';

export type NoteKind = 'note' | 'comment' | 'none';

export interface HostCapabilities {
  /** False below ExcelApi 1.9: the pane checks and lists findings but writes nothing. */
  canWrite: boolean;
  /** How a finding is attached to its cell: a note (ExcelApi 1.18), a comment (1.10), or not at all. */
  notes: NoteKind;
  /** Shown to the user when canWrite is false or notes are unavailable (Chinese). */
  reason?: string;
  /** Whether 下载标注工作簿 makes sense (the in-memory host). */
  canDownload?: boolean;
}

export interface CellChange extends CellRef {
  current: string;
  proposed: string;
}

export interface WriteReport {
  /** Cells written. */
  written: number;
  /** Cells left alone (the user declined to overwrite them, or a comment already sat there). */
  skipped: CellRef[];
  /** Protected sheets that had something to write: left untouched (the add-in never unprotects a sheet). */
  protectedSheets?: string[];
}

export interface RestoreReport {
  /** Cells put back exactly as they were. */
  restored: number;
  /** Cells the user changed after the add-in wrote them: left alone. */
  userChanged: CellRef[];
  /** Report sheets removed because they were untouched. */
  sheetsRemoved: string[];
  /** Report sheets kept because the user wrote in them. */
  sheetsKept: string[];
}

/** Asked before a non-empty cell is overwritten; resolves true to overwrite. */
export type ConfirmOverwrite = (cells: CellChange[]) => Promise<boolean>;

export interface ReadProgress {
  done: number;
  total: number;
}

export interface Host {
  readonly capabilities: HostCapabilities;
  readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<WorkbookGrid>;
  /** Fills the failing rows and notes the stated cells; rows highlighted earlier and no longer failing are restored. */
  applyHighlights(findings: Finding[]): Promise<WriteReport>;
  applyEdits(edits: ProposedEdit[], confirmOverwrite: ConfirmOverwrite): Promise<WriteReport>;
  clearMarks(): Promise<RestoreReport>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Inserts a new 审核结果 sheet (never replaces one) and returns its name. */
  insertReportSheet(result: CheckResult): Promise<string>;
}

export class HostError extends Error {}
