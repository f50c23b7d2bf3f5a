/**
 * The WPS 表格 host: the same Host interface and journal as the Excel add-in, over WPS's synchronous, VBA-shaped
 * object model (`Application.ActiveWorkbook.Worksheets …`, see wps-api.ts for exactly the members used).
 *
 * Reading, per sheet: the used range's position and size, its Value2 and Formula as two 2-D arrays, its number
 * format (one call when the whole range shares one, else one per non-empty cell), the shown text of formatted
 * numbers, merged areas and hidden rows and columns — both by halving a block of rows while the object model
 * answers "some" (null), so a sheet without merges or hidden rows costs one call for each.
 *
 * Writing goes through the shared journal (journaled-host.ts). WPS keeps no add-in settings with a document, so the
 * journal lives in the workbook itself, in a very hidden sheet (JOURNAL_SHEET, xlSheetVeryHidden): it is saved with
 * the file in .xlsx and .et alike, survives closing and reopening, and the core skips it in every host. The sheet
 * is removed again when 清除标记 leaves nothing to restore, so a cleared workbook has the sheets it had before.
 * Fills are BGR integers; "no fill" is its own state (ColorIndex xlColorIndexNone), never white. Comments are
 * WPS's notes: ours are appended to a user's comment and the user's text is put back on restore.
 */
import { a1, parseA1 } from '../core/address';
import { Cell, CellRange, SheetGrid, WorkbookGrid, JOURNAL_SHEET, isJournalSheet, makeSheetGrid } from '../core/grid';
import { HostCapabilities, HostError, ReadProgress } from '../host/host';
import { CellKey, CellState, CellWrite, FillState, FormulaValue, Journal, TEXT_FORMAT, cellKey, emptyJournal, fingerprintValues, valueKind } from '../host/journal';
import { JournalSeal, installationSeal } from '../host/journal-seal';
import { CommitRequest, JournalBackend, JournaledHost, Snapshot, SnapshotRequest } from '../host/journaled-host';
import { NOTE_TAG } from '../host/marks';
import { WpsApplication, WpsInterior, WpsRange, WpsWorkbook, WpsWorksheet, asWorksheet } from './wps-api';

/** xlColorIndexNone / xlNone: a cell without fill. */
export const XL_NONE = -4142;
export const XL_SOLID = 1;
/** How the journal records a cell without fill: no colour at all, so it can never be confused with white. */
const NO_FILL_STATE: FillState = { pattern: 'None', color: null, patternColor: null, tintAndShade: null, patternTintAndShade: null };
const XL_SHEET_VISIBLE: Et.XlSheetVisibility = -1;
const XL_SHEET_VERY_HIDDEN: Et.XlSheetVisibility = 2;
/** Journal text per cell: well under a cell's 32,767 characters. */
const CHUNK = 30_000;
/** Each chunk starts with this, so no chunk can be read by WPS as a number, date or formula. */
const CHUNK_MARK = 'J:';
const JOURNAL_HEADER = '决算校验助手的标记记录：用于“清除标记”恢复原样，请勿修改或删除';

/** XlPattern codes by the names the journal and the Excel host use. */
const PATTERNS: Record<string, number> = {
  Solid: 1,
  None: XL_NONE,
  Automatic: -4105,
  Gray75: -4126,
  Gray50: -4125,
  Gray25: -4124,
  Gray16: 17,
  Gray8: 18,
  Horizontal: -4128,
  Vertical: -4166,
  Down: -4121,
  Up: -4162,
  Checker: 9,
  SemiGray75: 10,
  LightHorizontal: 11,
  LightVertical: 12,
  LightDown: 13,
  LightUp: 14,
  Grid: 15,
  CrissCross: 16,
};
const PATTERN_NAMES = new Map(Object.entries(PATTERNS).map(([k, v]) => [v, k]));

/** VBA's CVErr values as Value2 shows them for an error cell. */
const ERROR_CODES = new Map<number, string>([
  [-2146826288, '#NULL!'],
  [-2146826281, '#DIV/0!'],
  [-2146826273, '#VALUE!'],
  [-2146826265, '#REF!'],
  [-2146826259, '#NAME?'],
  [-2146826252, '#NUM!'],
  [-2146826246, '#N/A'],
]);
const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/;

export const WPS_CAPABILITIES: HostCapabilities = { canWrite: true, notes: 'note' };

/** A workbook whose structure is protected cannot take the journal sheet: checked, listed, not marked. */
export const STRUCTURE_PROTECTED: HostCapabilities = {
  canWrite: false,
  notes: 'none',
  reason:
    '工作簿结构受保护（审阅 › 保护工作簿），加载项无法保存标记记录，因此以只读方式运行：可以审核并列出问题，但不标记、不修改工作簿（加载项不会解除保护）。需要标记时请先取消工作簿保护。',
};

export function hexToBgr(hex: string): number {
  const h = hex.replace('#', '');
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return (b << 16) | (g << 8) | r;
}

export function bgrToHex(bgr: number): string {
  const n = Number(bgr) >>> 0;
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/** The state of a cell's fill; "no fill" carries no colour at all, so it can never be confused with white. */
export function readFill(i: WpsInterior): FillState {
  if (i.ColorIndex === XL_NONE || i.Pattern === XL_NONE) return { ...NO_FILL_STATE };
  return {
    color: bgrToHex(i.Color),
    pattern: PATTERN_NAMES.get(i.Pattern) ?? String(i.Pattern),
    patternColor: bgrToHex(i.PatternColor),
    tintAndShade: Number(i.TintAndShade) || 0,
    patternTintAndShade: Number(i.PatternTintAndShade) || 0,
  };
}

function isNoFill(fill: FillState): boolean {
  return fill.pattern === 'None' || (!fill.pattern && !fill.color);
}

function writeFill(i: WpsInterior, fill: FillState): void {
  if (isNoFill(fill)) {
    i.ColorIndex = XL_NONE;
    return;
  }
  if (fill.color) i.Color = hexToBgr(fill.color);
  const pattern = fill.pattern ? (PATTERNS[fill.pattern] ?? Number(fill.pattern)) : XL_SOLID;
  if (Number.isFinite(pattern)) i.Pattern = pattern;
  if (fill.patternColor && pattern !== XL_SOLID) i.PatternColor = hexToBgr(fill.patternColor);
  if (typeof fill.tintAndShade === 'number') i.TintAndShade = fill.tintAndShade;
  if (typeof fill.patternTintAndShade === 'number' && pattern !== XL_SOLID) i.PatternTintAndShade = fill.patternTintAndShade;
}

/** Text WPS would read as a number, date, percentage, boolean or formula when assigned as is. */
function wouldConvert(s: string): boolean {
  const t = s.trim();
  return /^[-+=@'(（.,%$¥￥\d]/.test(t) || /^(true|false)$/i.test(t);
}

/**
 * Writes a value or formula the way the journal recorded it, by the same rule as the Excel host (valueKind): text
 * stays text, a number stays a number. Text WPS would convert (a number, date or formula look-alike) goes in under
 * the text format (@), and the cell's own format is put back after it — never with a leading apostrophe, which would
 * leave a prefix the original cell did not have.
 */
function writeFormula(r: WpsRange, f: FormulaValue, numFmt: string | null): void {
  const kind = valueKind(f, numFmt ?? undefined);
  if (f === '') r.Formula = '';
  else if (kind === 'formula') r.Formula = f;
  else if (kind === 'text' && numFmt !== TEXT_FORMAT && typeof f === 'string' && wouldConvert(f)) {
    r.NumberFormat = TEXT_FORMAT;
    r.Value2 = f;
    r.NumberFormat = numFmt ?? 'General';
  } else r.Value2 = f;
}

/** A range's Value2/Formula as rows × columns, whether WPS gave a scalar (one cell) or an array. */
export function matrix(v: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(v)) return [[v]];
  const out = v.map((row) => (Array.isArray(row) ? row : [row]));
  // A one-row range given as a flat list.
  if (rows === 1 && out.length === cols && cols > 1 && !v.some((x) => Array.isArray(x))) return [v];
  return out;
}

function parseRange(address: string): CellRange | null {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [s, e] = local.split(':');
  const p = parseA1(s);
  const q = parseA1(e ?? s);
  return p && q ? { top: p.row, left: p.col, bottom: q.row, right: q.col } : null;
}

function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

export interface WpsHostOptions {
  fileName?: string;
  /** Signs this PC's journals (journal-seal.ts); tests give another PC's. */
  seal?: JournalSeal;
}

export class WpsHost extends JournaledHost {
  /** Asked of the open workbook each time: its structure protection can change while the pane is open. */
  get capabilities(): HostCapabilities {
    return this.app.ActiveWorkbook?.ProtectStructure ? STRUCTURE_PROTECTED : WPS_CAPABILITIES;
  }
  protected readonly backend: WpsBackend;

  constructor(
    private readonly app: WpsApplication,
    private readonly options: WpsHostOptions = {},
  ) {
    super();
    this.backend = new WpsBackend(app, options.seal ?? installationSeal);
  }

  private book(): WpsWorkbook {
    return activeBook(this.app);
  }

  async readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<WorkbookGrid> {
    const wb = this.book();
    // From now on every write goes to this workbook only (the pane stays open when the user switches workbooks).
    this.backend.checkedBook = wb.Name;
    const all = this.backend.sheets(wb);
    const user = all.filter((ws) => !isJournalSheet(ws.Name));
    this.journal = await this.backend.readJournal(wb);
    onProgress?.({ done: 0, total: user.length, counting: 'sheets' });
    const sheets: SheetGrid[] = [];
    for (const ws of user) {
      sheets.push(readSheet(ws));
      onProgress?.({ done: sheets.length, total: user.length, counting: 'sheets' });
      // WPS answers synchronously: let the pane draw its progress between sheets.
      await new Promise((r) => setTimeout(r, 0));
    }
    this.workbook = { fileName: this.options.fileName ?? wb.Name, sheets };
    return this.workbook;
  }

  /**
   * The Excel add-in's notes show here as comments starting with its tag; with no WPS journal in the workbook they
   * can only have come from Excel, whose journal stays in Excel.
   */
  async markedElsewhere(): Promise<string | null> {
    const wb = this.book();
    if ((await this.backend.readJournal(wb)).entries.length > 0) return null;
    const tagged = this.backend.sheets(wb).some((ws) => {
      const comments = ws.Comments;
      for (let k = 1; k <= comments.Count; k++) if (comments.Item(k).Text().includes(NOTE_TAG)) return true;
      return false;
    });
    return tagged
      ? '此工作簿带有在 Microsoft Excel 中由决算校验助手写入的批注（以“【决算校验】”开头），它们的标记记录保存在 Excel 中：要恢复原样，请在 Excel 中点“清除标记”。WPS 中的“清除标记”只恢复在 WPS 中写入的内容。'
      : null;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const ws = this.backend.sheet(this.book(), sheet);
    ws.Activate();
    ws.Range(cell.replace(/\$/g, '')).Select();
  }
}

/** Cells of the used range read one by one only where the whole range did not answer in one call. */
function readSheet(ws: WpsWorksheet): SheetGrid {
  const name = ws.Name;
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  // Should a WPS build answer a multi-cell range with something other than an array (the typings say `string` for
  // Formula), the cells are read one by one rather than misread.
  const whole = (raw: unknown, one: (r: WpsRange) => unknown) =>
    rows * cols > 1 && !Array.isArray(raw)
      ? Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => one(ws.Range(a1(top + i, left + j)))))
      : matrix(raw, rows, cols);
  const values = whole(used.Value2, (r) => r.Value2);
  const formulas = whole(used.Formula, (r) => r.Formula);
  const sharedFormat = used.NumberFormat;
  const cells: (Cell | undefined)[][] = [];
  for (let i = 0; i < rows; i++) {
    const out: (Cell | undefined)[] = (cells[top + i] = []);
    for (let j = 0; j < cols; j++) {
      const v = values[i]?.[j];
      const f = formulas[i]?.[j];
      const formula = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
      if (isEmptyValue(v) && !formula) continue;
      const address = a1(top + i, left + j);
      let range: WpsRange | null = null;
      const at = () => (range ??= ws.Range(address));
      const numFmt = sharedFormat ?? at().NumberFormat ?? 'General';
      const cell: Cell = { value: (isEmptyValue(v) ? null : v) as Cell['value'], numFmt };
      if (formula) cell.formula = formula;
      const errorCode = typeof v === 'number' && formula ? ERROR_CODES.get(v) : undefined;
      if (errorCode || (typeof v === 'string' && formula && ERROR_TEXT.test(v))) {
        const shown = at().Text ?? '';
        if (ERROR_TEXT.test(shown)) {
          cell.error = shown;
          cell.value = null;
        }
      } else if (typeof v === 'number' && numFmt !== 'General') {
        cell.text = at().Text ?? undefined;
      }
      out[left + j] = cell;
    }
  }
  for (let r = 0; r < top; r++) cells[r] = [];
  const merges = mergedAreas(ws, top, left, rows, cols);
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  if (rows > 0 && cols > 0) {
    hiddenSpans((a, b) => ws.Range(`${a1(a, left)}:${a1(b, left)}`).EntireRow.Hidden, top, top + rows - 1, hiddenRows);
    hiddenSpans((a, b) => ws.Range(`${a1(top, a)}:${a1(top, b)}`).EntireColumn.Hidden, left, left + cols - 1, hiddenCols);
  }
  return makeSheetGrid({ name, cells, merges, hiddenRows, hiddenCols, protected: ws.ProtectContents });
}

/**
 * Merged areas: blocks of rows are halved while their MergeCells is not false, so rows without merges cost a few
 * calls in all; a row that has one is scanned cell by cell, each area taken once, from its first cell.
 */
function mergedAreas(ws: WpsWorksheet, top: number, left: number, rows: number, cols: number): CellRange[] {
  const found: CellRange[] = [];
  const covered = (r: number, c: number) => found.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const scanRow = (r: number) => {
    for (let c = left; c < left + cols; c++) {
      if (covered(r, c)) continue;
      const cell = ws.Range(a1(r, c));
      if (!cell.MergeCells) continue;
      const area = parseRange(cell.MergeArea.Address(false, false));
      if (area && (area.bottom > area.top || area.right > area.left)) found.push(area);
    }
  };
  const block = (from: number, to: number) => {
    if (ws.Range(`${a1(from, left)}:${a1(to, left + cols - 1)}`).MergeCells === false) return;
    if (from === to) return scanRow(from);
    const mid = Math.floor((from + to) / 2);
    block(from, mid);
    block(mid + 1, to);
  };
  block(top, top + rows - 1);
  return found;
}

/** Hidden rows (or columns) in [from, to]: a range answers true (all hidden), false (none) or null (some). */
function hiddenSpans(hidden: (from: number, to: number) => boolean | null, from: number, to: number, out: number[]): void {
  const h = hidden(from, to);
  if (h === true) {
    for (let i = from; i <= to; i++) out.push(i);
  } else if (h !== false && from < to) {
    const mid = Math.floor((from + to) / 2);
    hiddenSpans(hidden, from, mid, out);
    hiddenSpans(hidden, mid + 1, to, out);
  }
}

function activeBook(app: WpsApplication): WpsWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new HostError('请先在 WPS 表格中打开要审核的工作簿');
  return wb;
}

class WpsBackend implements JournalBackend {
  /** The workbook the last 一键审核 read: marks and restores go there only. */
  checkedBook: string | null = null;

  constructor(
    private readonly app: WpsApplication,
    private readonly seal: JournalSeal,
  ) {}

  /** The active workbook, refused when the user has switched to another one since the check. */
  private book(): WpsWorkbook {
    const wb = activeBook(this.app);
    const name = wb.Name;
    if (this.checkedBook !== null && name !== this.checkedBook) {
      throw new HostError(`当前工作簿已切换为“${name}”，审核结果属于“${this.checkedBook}”。请切换回该工作簿，或对当前工作簿重新点“一键审核”。`);
    }
    return wb;
  }

  sheets(wb: WpsWorkbook): WpsWorksheet[] {
    const list = wb.Worksheets;
    const out: WpsWorksheet[] = [];
    for (let i = 1; i <= list.Count; i++) out.push(asWorksheet(list.Item(i)));
    return out;
  }

  sheet(wb: WpsWorkbook, name: string): WpsWorksheet {
    const ws = this.sheets(wb).find((s) => s.Name === name);
    if (!ws) throw new HostError(`没有工作表“${name}”`);
    return ws;
  }

  /** The stored journal with its provenance (journal-seal.ts): ours when signed with this PC's key, else foreign. */
  async readJournal(wb: WpsWorkbook): Promise<Journal> {
    const ws = this.sheets(wb).find((s) => isJournalSheet(s.Name));
    if (!ws) return emptyJournal();
    const used = ws.UsedRange;
    const column = matrix(used.Value2, used.Rows.Count, used.Columns.Count);
    const text = column
      .slice(1)
      .map((r) => r[0])
      .filter((v): v is string => typeof v === 'string' && v.startsWith(CHUNK_MARK))
      .map((v) => v.slice(CHUNK_MARK.length))
      .join('');
    return this.seal.open(text);
  }

  /** Stores the journal in its very hidden sheet (made on first use); an empty journal removes the sheet. */
  private async writeJournal(wb: WpsWorkbook, journal: Journal): Promise<void> {
    const all = this.sheets(wb);
    let ws = all.find((s) => isJournalSheet(s.Name)) ?? null;
    // 已说明 explanations are the accountant's words and stay with the workbook even when nothing is left to restore.
    const empty = journal.entries.length === 0 && journal.sheets.length === 0 && Object.keys(journal.explained ?? {}).length === 0;
    if (empty) {
      if (ws) this.deleteSheet(ws);
      return;
    }
    const text = await this.seal.close(journal);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += CHUNK) chunks.push(CHUNK_MARK + text.slice(i, i + CHUNK));
    let previous = 0;
    if (!ws) {
      if (wb.ProtectStructure) throw new HostError('工作簿结构受保护，加载项无法保存标记记录，因此没有标记（加载项不会解除保护）。可以只查看窗格中的问题列表。');
      const active = wb.ActiveSheet;
      ws = wb.Worksheets.Add(undefined, all[all.length - 1]);
      ws.Name = JOURNAL_SHEET;
      ws.Visible = XL_SHEET_VERY_HIDDEN;
      active.Activate();
      ws.Range(`A1:A${chunks.length + 1}`).NumberFormat = '@';
      ws.Range('A1').Value2 = JOURNAL_HEADER;
    } else {
      const used = ws.UsedRange;
      previous = used.Row + used.Rows.Count - 2;
    }
    chunks.forEach((c, i) => {
      const r = ws!.Range(`A${i + 2}`);
      if (i >= previous) r.NumberFormat = '@';
      r.Value2 = c;
    });
    for (let i = chunks.length; i < previous; i++) ws.Range(`A${i + 2}`).Formula = '';
  }

  private deleteSheet(ws: WpsWorksheet): void {
    const alerts = this.app.DisplayAlerts;
    this.app.DisplayAlerts = false;
    try {
      if (ws.Visible !== XL_SHEET_VISIBLE) ws.Visible = XL_SHEET_VISIBLE;
      ws.Delete();
    } finally {
      this.app.DisplayAlerts = alerts;
    }
  }

  async selection(): Promise<CellKey | null> {
    const cell = this.app.ActiveCell;
    if (!cell) return null;
    const address = cell.Address(false, false).split(':')[0];
    return parseA1(address) ? { sheet: cell.Worksheet.Name, address } : null;
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const wb = this.book();
    const sheets = this.sheets(wb);
    const byName = new Map(sheets.map((s) => [s.Name, s]));
    const states = new Map<string, CellState>();
    for (const run of runs(req.cells)) {
      const ws = byName.get(run.sheet);
      if (!ws) continue;
      readRun(ws, run);
      run.items.forEach((c, j) => states.set(cellKey(c.sheet, c.address), run.states[j]));
    }
    const fingerprints = new Map<string, string | null>();
    for (const name of req.fingerprint ?? []) {
      const ws = byName.get(name);
      fingerprints.set(name, ws ? fingerprintSheet(ws) : null);
    }
    return { states, journal: await this.readJournal(wb), sheetNames: sheets.map((s) => s.Name).filter((n) => !isJournalSheet(n)), fingerprints };
  }

  async commit(req: CommitRequest): Promise<void> {
    const wb = this.book();
    const screen = this.app.ScreenUpdating;
    this.app.ScreenUpdating = false;
    try {
      // The journal goes first: if a later write fails, 清除标记 still knows every cell that may have been touched.
      await this.writeJournal(wb, req.journal);
      const byName = new Map(this.sheets(wb).map((s) => [s.Name, s]));
      if (req.addSheet) this.addSheet(wb, req.addSheet);
      // Fills by runs of adjacent cells that get the same fill: a highlighted (or restored) row is one write.
      for (const run of fillRuns(req.writes)) {
        const ws = byName.get(run.sheet);
        if (ws) writeFill(ws.Range(runAddress(run)).Interior, run.fill);
      }
      for (const w of req.writes) {
        if (w.numFmt === undefined && w.formula === undefined && w.note === undefined) continue;
        const ws = byName.get(w.sheet);
        if (!ws) continue;
        const r = ws.Range(w.address);
        // The number format before the value: a value written into a text-formatted cell stays as typed.
        if (w.numFmt !== undefined) r.NumberFormat = w.numFmt;
        if (w.formula !== undefined) writeFormula(r, w.formula, w.numFmt ?? r.NumberFormat);
        if (w.note !== undefined) {
          const existing = r.Comment;
          if (w.note === null) existing?.Delete();
          else if (existing) existing.Text(w.note);
          else r.AddComment(w.note);
        }
      }
      for (const name of req.deleteSheets ?? []) {
        const ws = byName.get(name);
        if (ws) this.deleteSheet(ws);
      }
    } finally {
      this.app.ScreenUpdating = screen;
    }
  }

  private addSheet(wb: WpsWorkbook, add: NonNullable<CommitRequest['addSheet']>): void {
    const user = this.sheets(wb).filter((s) => !isJournalSheet(s.Name));
    const active = wb.ActiveSheet;
    const ws = wb.Worksheets.Add(undefined, user[user.length - 1]);
    ws.Name = add.name;
    const width = Math.max(1, ...add.cells.map((r) => r.length));
    add.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (!c || (!c.formula && (c.value === null || c.value === ''))) return;
        const r = ws.Range(a1(i, j));
        if (c.numFmt) r.NumberFormat = c.numFmt;
        writeFormula(r, c.formula ? `=${c.formula}` : c.value!, c.numFmt ?? 'General');
        if (c.bold) r.Font.Bold = true;
      }),
    );
    for (const m of add.merges ?? []) ws.Range(m).Merge(false);
    if (add.boldFirstRow) ws.Range(`A1:${a1(0, width - 1)}`).Font.Bold = true;
    add.widths?.forEach((w, j) => (ws.Range(a1(0, j)).ColumnWidth = w));
    active.Activate();
  }
}

function formulaOf(f: unknown, v: unknown): FormulaValue {
  if (typeof f === 'string' && f.startsWith('=')) return f;
  if (isEmptyValue(v)) return '';
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : String(v);
}

interface Run<T extends CellKey = CellKey> {
  sheet: string;
  row: number;
  left: number;
  items: T[];
  /** Filled in by readRun, in the order of items. */
  states: CellState[];
}

/** Cells grouped into runs of adjacent columns in one row (a highlighted row is one run). */
function runs<T extends CellKey>(cells: T[]): Run<T>[] {
  const sorted = cells
    .map((c) => ({ c, p: parseA1(c.address.replace(/\$/g, '')) }))
    .filter((x): x is { c: T; p: { row: number; col: number } } => x.p !== null)
    .sort((x, y) => (x.c.sheet < y.c.sheet ? -1 : x.c.sheet > y.c.sheet ? 1 : x.p.row - y.p.row || x.p.col - y.p.col));
  const out: Run<T>[] = [];
  let cur: Run<T> | null = null;
  for (const { c, p } of sorted) {
    if (cur && cur.sheet === c.sheet && cur.row === p.row && cur.left + cur.items.length === p.col) cur.items.push(c);
    else if (!(cur && cur.sheet === c.sheet && cur.row === p.row && p.col < cur.left + cur.items.length)) out.push((cur = { sheet: c.sheet, row: p.row, left: p.col, items: [c], states: [] }));
  }
  return out;
}

function runAddress(run: { row: number; left: number; items: unknown[] }): string {
  const start = a1(run.row, run.left);
  return run.items.length === 1 ? start : `${start}:${a1(run.row, run.left + run.items.length - 1)}`;
}

/** Fill writes as runs of adjacent cells in one row that get the same fill. */
function fillRuns(writes: CellWrite[]): { sheet: string; row: number; left: number; items: CellWrite[]; fill: FillState }[] {
  const out: { sheet: string; row: number; left: number; items: CellWrite[]; fill: FillState }[] = [];
  for (const run of runs(writes.filter((w) => w.fill !== undefined))) {
    for (const w of run.items) {
      const col = parseA1(w.address.replace(/\$/g, ''))!.col;
      const last = out[out.length - 1];
      const same = last && last.sheet === run.sheet && last.row === run.row && last.left + last.items.length === col && JSON.stringify(last.fill) === JSON.stringify(w.fill);
      if (same) last.items.push(w);
      else out.push({ sheet: run.sheet, row: run.row, left: col, items: [w], fill: w.fill! });
    }
  }
  return out;
}

/**
 * The state of a run of cells: formulas, values, number format and "no fill" asked of the whole run at once (a row
 * that is all unfilled and all one format, the usual case, costs a handful of calls); fills and formats that differ,
 * and comments, cell by cell.
 */
function readRun(ws: WpsWorksheet, run: Run): void {
  const n = run.items.length;
  const block = ws.Range(n === 1 ? a1(run.row, run.left) : `${a1(run.row, run.left)}:${a1(run.row, run.left + n - 1)}`);
  const cell = (j: number) => ws.Range(a1(run.row, run.left + j));
  const row = (raw: unknown, one: (r: WpsRange) => unknown) =>
    n > 1 && !Array.isArray(raw) ? Array.from({ length: n }, (_, j) => one(cell(j))) : matrix(raw, 1, n)[0];
  const formulas = row(block.Formula, (r) => r.Formula);
  const values = row(block.Value2, (r) => r.Value2);
  const sharedFormat = block.NumberFormat;
  const allUnfilled = block.Interior.ColorIndex === XL_NONE;
  for (let j = 0; j < n; j++) {
    const one = n === 1 ? block : cell(j);
    const comment = one.Comment;
    run.states.push({
      fill: allUnfilled ? { ...NO_FILL_STATE } : readFill(one.Interior),
      formula: formulaOf(formulas[j], values[j]),
      numFmt: sharedFormat ?? one.NumberFormat ?? 'General',
      note: comment ? comment.Text() : null,
    });
  }
}

/** What a sheet the add-in inserted shows, from A1: formulas as `=…`, constants as they read. */
function fingerprintSheet(ws: WpsWorksheet): string {
  const used = ws.UsedRange;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const formulas = matrix(used.Formula, rows, cols);
  const values = matrix(used.Value2, rows, cols);
  const pad = Array.from({ length: used.Column - 1 }, () => '');
  const out: unknown[][] = Array.from({ length: used.Row - 1 }, () => []);
  for (let i = 0; i < rows; i++) {
    out.push([...pad, ...Array.from({ length: cols }, (_, j) => {
      const f = formulas[i]?.[j];
      return typeof f === 'string' && f.startsWith('=') ? f : (values[i]?.[j] ?? '');
    })]);
  }
  return fingerprintValues(out);
}
