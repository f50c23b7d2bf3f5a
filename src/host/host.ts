/**
 * The one interface every interactive host implements: the Office.js add-in (src/excel), the in-memory browser
 * playground (src/host/memory-host.ts) and the fake Excel used in tests. The pane talks to nothing else, so there is
 * exactly one checking path: host.readWorkbook() → checkWorkbook() → host.applyHighlights().
 */
import { CellRef, CheckResult, Finding, ProposedEdit, SheetSummary, TemplateId } from '../core/findings';
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
  /** A foreign journal the user chose not to replay: nothing was changed. */
  declined?: boolean;
  /** A foreign journal of which only fills and notes were restored, as the user chose. */
  marksOnly?: boolean;
  /** Why the workbook's journal was refused (Chinese): nothing was replayed and the journal was discarded. */
  rejected?: string;
}

/** One aspect of one cell a foreign journal would change, as the cell shows it now and as it would become. */
export interface ForeignChange extends CellRef {
  aspect: 'content' | 'numFmt' | 'fill' | 'note';
  from: string;
  to: string;
}

/** Everything replaying a journal not written on this PC would do, for the user to check first. */
export interface ForeignRestorePlan {
  changes: ForeignChange[];
  /** Sheets it would delete (their contents still match what the journal says was added). */
  deleteSheets: string[];
}

/** 'all' replays it as listed; 'marks' restores fills and notes only; null changes nothing. */
export type ForeignRestoreChoice = 'all' | 'marks' | null;
export type ConfirmForeignRestore = (plan: ForeignRestorePlan) => Promise<ForeignRestoreChoice>;

/** Asked before a non-empty cell is overwritten; resolves true to overwrite. */
export type ConfirmOverwrite = (cells: CellChange[]) => Promise<boolean>;

export interface ReadProgress {
  done: number;
  total: number;
  /** What done/total count: sheets, or — while a large sheet comes in row blocks — cells. */
  counting: 'sheets' | 'cells';
}

/**
 * A cell the add-in inserts (a draft paragraph, a template cell): a constant, or a formula together with the result
 * it shows, so a host without a calculation engine (the playground) shows and checks the same figure as Excel.
 */
export interface InsertCell {
  value: string | number | null;
  /** Formula text without the leading `=`. */
  formula?: string;
  numFmt?: string;
  bold?: boolean;
}

/** One inserted row: plain text/number cells or full cells; null or '' leaves the cell empty. */
export type InsertRow = Array<string | number | null | InsertCell>;

export interface InsertSheetOptions {
  /** A1 ranges to merge (`A1:I1`). */
  merges?: string[];
  /** Column widths in characters, from column A. */
  widths?: number[];
}

export interface InsertReport {
  sheet: string;
  /** The range written (`B5:B12`). */
  range: string;
  written: number;
}

export interface Host {
  readonly capabilities: HostCapabilities;
  readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<WorkbookGrid>;
  /**
   * Fills the failing rows (only the failing half of a two-sided table, from `sheets`) and notes the stated cells;
   * rows highlighted earlier and no longer failing are restored.
   */
  applyHighlights(findings: Finding[], sheets?: SheetSummary[]): Promise<WriteReport>;
  applyEdits(edits: ProposedEdit[], confirmOverwrite: ConfirmOverwrite): Promise<WriteReport>;
  /**
   * Restores what the journal recorded. A journal not signed on this PC is foreign: every change it would make is
   * passed to `confirmForeign` first (without it nothing foreign is replayed).
   */
  clearMarks(confirmForeign?: ConfirmForeignRestore): Promise<RestoreReport>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Inserts a new 审核结果 sheet (never replaces one) and returns its name. */
  insertReportSheet(result: CheckResult): Promise<string>;
  /**
   * Inserts rows into a new sheet named after `name` (made unique, never replacing a sheet) and returns its name.
   * Journaled: 清除标记 removes the sheet while the user has not edited it.
   */
  insertSheet(name: string, rows: InsertRow[], options?: InsertSheetOptions): Promise<string>;
  /**
   * Writes rows downward from the selected cell. Refuses (HostError) when any target cell is non-empty: nothing is
   * overwritten without asking. Journaled: 清除标记 restores the cells as they were.
   */
  insertAtSelection(rows: InsertRow[]): Promise<InsertReport>;
  /** 已说明 as stored in the workbook (key: journal.findingKey → the accountant's explanation). */
  explanations(): Record<string, string>;
  /** Stores (or with null removes) the explanation of one finding in the workbook. */
  setExplanation(key: string, text: string | null): Promise<void>;
  /**
   * A Chinese note when the workbook carries marks another host wrote (Excel ↔ WPS): each host keeps its own
   * journal, so 清除标记 here cannot restore those. Null when there are none. Optional: the playground has no other.
   */
  markedElsewhere?(): Promise<string | null>;
  /** 指定表类型: templates set by hand, stored in the workbook with the journal (optional: not every host stores). */
  templateChoices?(): Map<string, TemplateId>;
  setTemplateChoice?(sheet: string, template: TemplateId | null): Promise<void>;
}

export class HostError extends Error {}
