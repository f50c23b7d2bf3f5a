/**
 * The Office.js host: the same Host interface as the in-memory host, over a live workbook.
 * Round trips: readWorkbook = 2 syncs for an ordinary workbook — (1) the sheet list and the journal; (2) for every
 * sheet the used range's size, protection and hidden columns, and the values, text, number formats, formulas,
 * hidden rows and merged areas of its first rows, a window sized so that the windows of all sheets together stay
 * well under Excel's limits (5 MB per request on the web, 5 million cells per read). Rows beyond a window follow in
 * row blocks with their hidden rows and merged areas, as many per request as fit the limits by what that sheet's
 * rows weighed. Only if the second sync still fails (thousands of columns, more than 512 merged areas in a window)
 * is everything read in blocks after one sync for the sizes. Each write = 2 syncs (snapshot, then journal + writes
 * with screen updating suspended). Office.js is reached only through the `run` function passed in, so the adapter
 * runs unchanged against the fake context in tests.
 */
/* global Excel */
import { a1, parseA1 } from '../core/address';
import { Cell, CellRange, JOURNAL_SHEET, SheetGrid, WorkbookGrid, isJournalSheet, makeSheetGrid } from '../core/grid';
import { HostCapabilities, HostError, ReadProgress } from '../host/host';
import { CellKey, CellState, FillState, FormulaValue, JOURNAL_KEY, TEXT_FORMAT, cellKey, fingerprintValues, valueKind } from '../host/journal';
import { JournalSeal, installationSeal } from '../host/journal-seal';
import { CommitRequest, JournalBackend, JournaledHost, Snapshot, SnapshotRequest } from '../host/journaled-host';
import { NOTE_TAG } from '../host/marks';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  run: ExcelRun;
  isSetSupported: (name: string, version: string) => boolean;
  /** Excel's read limits; tests lower them to exercise the block path. */
  maxCellsPerRead?: number;
  maxBytesPerRequest?: number;
  fileName?: string;
  /** Excel on the web can leave context.sync() pending forever while busy (office-js#4805); give up after this. */
  timeoutMs?: number;
  /** Whose journals count as this installation's; tests pass another to play a second PC. */
  seal?: JournalSeal;
}

export const DEFAULT_TIMEOUT_MS = 120_000;

/** Wraps a run function so a batch that never returns ends in a visible Chinese error instead of a hung pane. */
export function withTimeout(run: ExcelRun, ms: number): ExcelRun {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new HostError(`Excel 在 ${Math.round(ms / 1000)} 秒内没有响应，请稍后重试（大型工作簿在网页版中加载时可能较慢）`)), ms);
      run(batch).then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e) => (clearTimeout(timer), reject(e)),
      );
    });
}

export const MAX_CELLS_PER_READ = 5_000_000;
export const MAX_BYTES_PER_REQUEST = 5 * 1024 * 1024;
/**
 * Bytes per cell for values + text + numberFormat + formulas (with the rows' hidden state and merged areas), for a
 * sheet none of whose rows has been read yet. Later blocks are sized by what that sheet's earlier rows weighed.
 */
const BYTES_PER_CELL = 160;
/** Share of the request limit a row-block request is planned to fill; estimates are from earlier rows, so keep room. */
const BLOCK_SHARE = 0.8;
/**
 * A row of a 公开表 or 自评表 weighs 0.3–1 KB as values, text, formats and formulas (the samples: 32–104 B a cell,
 * at most 12 columns, 765 B for a one-column 情况说明 paragraph); the windows assume 1 KB a row, and together take
 * at most this share of one request, leaving room for the comments, row and column properties in the same sync.
 */
const PLAUSIBLE_ROW_BYTES = 1024;
const WINDOW_SHARE = 0.6;
/** Range.getMergedAreasOrNullObject fails when its range holds more than 512 merged areas (ExcelApi reference). */
const MAX_MERGED_AREAS = 512;
const USER_COMMENT = '〔单元格已有批注〕';

const FILL_LOAD = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } };

export function excelCapabilities(isSetSupported: (name: string, version: string) => boolean): HostCapabilities {
  const canWrite = isSetSupported('ExcelApi', '1.9');
  const notes = isSetSupported('ExcelApi', '1.18') ? 'note' : isSetSupported('ExcelApi', '1.10') ? 'comment' : 'none';
  if (!canWrite) {
    return {
      canWrite: false,
      notes: 'none',
      reason:
        '当前 Excel 版本不支持 ExcelApi 1.9（逐格读取与恢复填充色），加载项以只读方式运行：可以审核并列出问题，但不会标记或修改工作簿。需要 Excel 2021、Microsoft 365 或 Excel 网页版。',
    };
  }
  if (notes === 'none') return { canWrite, notes, reason: '当前 Excel 版本不支持批注，问题只在窗格中列出。' };
  return { canWrite, notes };
}

/** `Sheet1!A1:C5`, `'My sheet'!A1` → the part after the sheet name. */
function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

function parseRange(address: string): CellRange | null {
  const [start, end] = localAddress(address).replace(/\$/g, '').split(':');
  const s = parseA1(start);
  const e = parseA1(end ?? start);
  if (!s || !e) return null;
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

interface Block {
  sheet: string;
  top: number;
  left: number;
  values: unknown[][];
  text: string[][];
  numberFormat: string[][];
  formulas: unknown[][];
}

/** Everything read of one sheet, whichever path read it. */
interface SheetRead {
  name: string;
  blocks: Block[];
  hiddenRows: number[];
  hiddenCols: number[];
  merges: CellRange[];
  protected?: boolean;
}

/** Rows [top, top + rows) of a sheet's used range, all its columns. */
interface Piece {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Row and column properties need ExcelApi 1.9, merged areas 1.13; below that the grid goes without them. */
interface MetaSupport {
  rows: boolean;
  merges: boolean;
}

const ROW_PROPS = { rowIndex: true, rowHidden: true };
const COLUMN_PROPS = { columnIndex: true, columnHidden: true };

function hiddenRowsOf(rows: Excel.RowProperties[]): number[] {
  return rows.filter((r) => r.rowHidden).map((r) => r.rowIndex!);
}

function hiddenColumns(cols: Excel.ColumnProperties[]): number[] {
  return cols.filter((c) => c.columnHidden).map((c) => c.columnIndex!);
}

function pieceAddress(p: Piece, top: number, rows: number): string {
  return `${a1(top, p.left)}:${a1(top + rows - 1, p.left + p.cols - 1)}`;
}

/**
 * The merged areas of a piece, asked for in slabs of at most 512 cells: an area is reported by the range holding its
 * top-left cell, so a slab cannot hold more than 512 of them and every area is reported exactly once.
 */
function mergeSlabs(ws: Excel.Worksheet, p: Piece): Excel.RangeAreas[] {
  const step = Math.max(1, Math.floor(MAX_MERGED_AREAS / p.cols));
  const out: Excel.RangeAreas[] = [];
  for (let top = p.top; top < p.top + p.rows; top += step) {
    const m = ws.getRange(pieceAddress(p, top, Math.min(step, p.top + p.rows - top))).getMergedAreasOrNullObject();
    m.load('address');
    out.push(m);
  }
  return out;
}

/** UTF-8 length: Excel's limit is on bytes, and 科目名称 and 情况说明 are three bytes a character. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    }
    else n += 3;
  }
  return n;
}

/** What the next request should expect a cell of this sheet to weigh, from what these rows weighed. */
function weightOf(b: Block, rows: Excel.RowProperties[] | undefined, merges: string[], cells: number): number {
  const bytes = utf8Length(JSON.stringify([b.values, b.text, b.numberFormat, b.formulas, rows ?? null, merges]));
  // A floor, so a block of empty cells cannot balloon the next request.
  return Math.max(16, (bytes / Math.max(1, cells)) * 1.25);
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  return /PayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded/.test(code + msg);
}

export class ExcelHost extends JournaledHost {
  readonly capabilities: HostCapabilities;
  protected readonly backend: JournalBackend;
  private readonly run: ExcelRun;
  private readonly maxCells: number;
  private readonly maxBytes: number;
  private readonly fileName: string;
  /** Cells holding a comment the add-in did not write (comment mode), from the last read. */
  private userComments = new Set<string>();

  constructor(options: ExcelHostOptions) {
    super();
    this.run = withTimeout(options.run, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    this.capabilities = excelCapabilities(options.isSetSupported);
    this.maxCells = options.maxCellsPerRead ?? MAX_CELLS_PER_READ;
    this.maxBytes = options.maxBytesPerRequest ?? MAX_BYTES_PER_REQUEST;
    this.fileName = options.fileName ?? '当前工作簿';
    this.seal = options.seal ?? installationSeal;
    this.backend = new ExcelBackend(this.run, this.capabilities, () => this.userComments, this.seal);
    this.isSet = options.isSetSupported;
  }

  private readonly seal: JournalSeal;

  private readonly isSet: (name: string, version: string) => boolean;

  /**
   * Rows of each sheet's window in the second sync: the windows of all sheets together are sized to a share of one
   * request at a plausible row weight, so an ordinary workbook is read whole in that sync and a huge sheet costs no
   * more than its window there.
   */
  private windowRows(sheetCount: number): number {
    return Math.max(1, Math.floor((this.maxBytes * WINDOW_SHARE) / PLAUSIBLE_ROW_BYTES / Math.max(1, sheetCount)));
  }

  async readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<WorkbookGrid> {
    const commentMode = this.capabilities.notes === 'comment';
    const meta: MetaSupport = { rows: this.isSet('ExcelApi', '1.9'), merges: this.isSet('ExcelApi', '1.13') };
    let journalText: string | null = null;
    const workbook = await this.run(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets;
      sheets.load('items/name');
      const journalItem = this.capabilities.canWrite ? wb.settings.getItemOrNullObject(JOURNAL_KEY) : null;
      journalItem?.load('value');
      const comments = commentMode ? wb.comments : null;
      comments?.load('items/id,items/content');
      await context.sync();
      journalText = journalItem && !journalItem.isNullObject ? String(journalItem.value) : null;
      // The WPS 加载项's journal sheet is never read as a table.
      const names = sheets.items.map((s) => s.name).filter((n) => !isJournalSheet(n));
      onProgress?.({ done: 0, total: names.length, counting: 'sheets' });
      const reads = new Map<string, SheetRead>(names.map((name) => [name, { name, blocks: [], hiddenRows: [], hiddenCols: [], merges: [] }]));
      const locate = () => (comments ? comments.items.map((c) => ({ content: c.content, range: c.getLocation().load('address') })) : []);

      // Every sheet's used-range size, protection and hidden columns, and the full content of its first rows only:
      // the request stays bounded whatever the sheets hold beyond their windows.
      const rows = this.windowRows(names.length);
      const planned = names.map((name) => {
        const ws = sheets.getItem(name);
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        const firstRows = used.getIntersectionOrNullObject(ws.getRange(`1:${rows}`));
        firstRows.load('rowIndex,rowCount,values,text,numberFormat,formulas');
        ws.protection.load('protected');
        const merged = meta.merges ? firstRows.getMergedAreasOrNullObject() : null;
        merged?.load('address');
        return {
          name,
          ws,
          used,
          firstRows,
          rows: meta.rows ? firstRows.getRowProperties(ROW_PROPS) : null,
          cols: meta.rows ? used.getColumnProperties(COLUMN_PROPS) : null,
          merged,
        };
      });
      let locations = locate();
      let windowsRead = true;
      try {
        await context.sync();
      } catch {
        // Pathological widths can still overflow the response, and more than 512 merged areas in a window make
        // getMergedAreasOrNullObject fail; the bounded path below reads the same things in pieces, and a fault that
        // is not about size fails there again and reaches the user.
        windowsRead = false;
      }

      const pieces: Piece[] = [];
      const weights = new Map<string, number>();
      let total = 0;
      let done = 0;
      if (windowsRead) {
        for (const p of planned) {
          const s = reads.get(p.name)!;
          s.protected = p.ws.protection.protected;
          if (p.used.isNullObject) continue;
          if (p.cols) s.hiddenCols = hiddenColumns(p.cols.value);
          const used = { top: p.used.rowIndex, left: p.used.columnIndex, rows: p.used.rowCount, cols: p.used.columnCount };
          total += used.rows * used.cols;
          let next = used.top;
          // values null: the window alone is over the cell limit (a sheet thousands of columns wide); read it in blocks.
          if (!p.firstRows.isNullObject && p.firstRows.values !== null && p.firstRows.values !== undefined) {
            const w = p.firstRows;
            const block: Block = { sheet: p.name, top: w.rowIndex, left: used.left, values: w.values, text: w.text, numberFormat: w.numberFormat, formulas: w.formulas };
            s.blocks.push(block);
            if (p.rows) s.hiddenRows.push(...hiddenRowsOf(p.rows.value));
            const mergeAddress = p.merged && !p.merged.isNullObject ? p.merged.address : '';
            s.merges.push(...parseMerges(mergeAddress));
            const cells = w.rowCount * used.cols;
            weights.set(p.name, weightOf(block, p.rows?.value, [mergeAddress], cells));
            done += cells;
            next = w.rowIndex + w.rowCount;
          }
          const bottom = used.top + used.rows - 1;
          if (next <= bottom) pieces.push({ sheet: p.name, top: next, left: used.left, rows: bottom - next + 1, cols: used.cols });
        }
      } else {
        const sizes = names.map((name) => {
          const ws = sheets.getItem(name);
          const used = ws.getUsedRangeOrNullObject(true);
          used.load('rowIndex,columnIndex,rowCount,columnCount');
          ws.protection.load('protected');
          return { name, ws, used, cols: meta.rows ? used.getColumnProperties(COLUMN_PROPS) : null };
        });
        locations = locate();
        await context.sync();
        for (const z of sizes) {
          const s = reads.get(z.name)!;
          s.protected = z.ws.protection.protected;
          if (z.used.isNullObject) continue;
          if (z.cols) s.hiddenCols = hiddenColumns(z.cols.value);
          total += z.used.rowCount * z.used.columnCount;
          pieces.push({ sheet: z.name, top: z.used.rowIndex, left: z.used.columnIndex, rows: z.used.rowCount, cols: z.used.columnCount });
        }
      }
      if (pieces.length > 0) {
        onProgress?.({ done, total, counting: 'cells' });
        await this.readBlocks(context, pieces, reads, weights, meta, (cells) => onProgress?.({ done: (done += cells), total, counting: 'cells' }));
      }

      this.userComments = new Set(
        locations
          .filter((l) => !l.content.startsWith(NOTE_TAG))
          .map((l) => {
            const r = parseRange(l.range.address);
            return r ? cellKey(sheetOf(l.range.address), a1(r.top, r.left)) : '';
          }),
      );
      const grids: SheetGrid[] = names.map((name) => {
        const s = reads.get(name)!;
        return buildGrid(name, s.blocks, s.hiddenRows, s.hiddenCols, s.merges, s.protected);
      });
      onProgress?.({ done: names.length, total: names.length, counting: 'sheets' });
      return { fileName: this.fileName, sheets: grids };
    });
    const stored = await this.seal.open(journalText);
    // Read-only: the 指定表类型 choices live in the session only, so a re-read must not drop them.
    this.journal = this.capabilities.canWrite ? stored : { ...stored, templates: this.journal.templates };
    this.workbook = workbook;
    return workbook;
  }

  /**
   * Row blocks under both limits, several per request, each with its rows' hidden state and its merged areas.
   * Pieces are cut as they are requested, so each request is sized by what that sheet's rows weighed so far.
   */
  private async readBlocks(
    context: Excel.RequestContext,
    pieces: Piece[],
    reads: Map<string, SheetRead>,
    weights: Map<string, number>,
    meta: MetaSupport,
    onBlock: (cells: number) => void,
  ): Promise<void> {
    const budget = this.maxBytes * BLOCK_SHARE;
    const weight = (sheet: string) => weights.get(sheet) ?? BYTES_PER_CELL;
    const queue = pieces.map((p) => ({ ...p }));
    while (queue.length > 0) {
      const batch: { p: Piece; range: Excel.Range; rows: OfficeExtension.ClientResult<Excel.RowProperties[]> | null; merged: Excel.RangeAreas[] }[] = [];
      let cells = 0;
      let bytes = 0;
      while (queue.length > 0) {
        const q = queue[0];
        const fit = Math.min(q.rows, Math.floor((budget - bytes) / (q.cols * weight(q.sheet))), Math.floor((this.maxCells - cells) / q.cols));
        if (fit < 1 && batch.length > 0) break;
        const p: Piece = { sheet: q.sheet, top: q.top, left: q.left, rows: Math.max(1, fit), cols: q.cols };
        q.top += p.rows;
        q.rows -= p.rows;
        if (q.rows === 0) queue.shift();
        cells += p.rows * p.cols;
        bytes += p.rows * p.cols * weight(p.sheet);
        const ws = context.workbook.worksheets.getItem(p.sheet);
        const range = ws.getRange(pieceAddress(p, p.top, p.rows));
        range.load('values,text,numberFormat,formulas');
        batch.push({ p, range, rows: meta.rows ? range.getRowProperties(ROW_PROPS) : null, merged: meta.merges ? mergeSlabs(ws, p) : [] });
        if (fit < 1) break;
      }
      try {
        await context.sync();
      } catch (e) {
        if (!isPayloadError(e)) throw e;
        // These rows weigh more than the sheet's earlier ones: put them back and ask for half as many at a time.
        if (batch.length === 1 && batch[0].p.rows === 1) {
          const { p } = batch[0];
          throw new HostError(`工作表“${p.sheet}”第 ${p.top + 1} 行内容过多，Excel 拒绝读取；请精简该行后再审核`);
        }
        for (const { p } of batch) weights.set(p.sheet, weight(p.sheet) * 2);
        queue.unshift(...batch.map(({ p }) => p));
        continue;
      }
      for (const { p, range, rows, merged } of batch) {
        if (range.values === null || range.values === undefined) throw new HostError(`工作表“${p.sheet}”过大，Excel 拒绝读取；请删除多余的空行空列后再审核`);
        const s = reads.get(p.sheet)!;
        const block: Block = { sheet: p.sheet, top: p.top, left: p.left, values: range.values, text: range.text, numberFormat: range.numberFormat, formulas: range.formulas };
        s.blocks.push(block);
        if (rows) s.hiddenRows.push(...hiddenRowsOf(rows.value));
        const addresses = merged.map((m) => (m.isNullObject ? '' : m.address));
        for (const a of addresses) s.merges.push(...parseMerges(a));
        // The next requests for this sheet are sized by what these rows weighed.
        weights.set(p.sheet, weightOf(block, rows?.value, addresses, p.rows * p.cols));
      }
      onBlock(cells);
    }
  }

  /** One sync: the WPS 加载项's journal sheet is there when WPS marked this workbook. */
  async markedElsewhere(): Promise<string | null> {
    const marked = await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(JOURNAL_SHEET);
      await context.sync();
      return !ws.isNullObject;
    });
    return marked
      ? '此工作簿曾在 WPS 表格中由决算校验助手标记，标记记录保存在工作簿的隐藏记录中，只有 WPS 能据此恢复：要恢复 WPS 写入的内容，请在 WPS 表格中点“清除标记”。Excel 中的“清除标记”只恢复在 Excel 中写入的内容。'
      : null;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }
}

function sheetOf(address: string): string {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return '';
  const s = address.slice(0, bang);
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

function parseMerges(address: string): CellRange[] {
  return address
    .split(',')
    .map((a) => parseRange(a.trim()))
    .filter((r): r is CellRange => r !== null);
}

function buildGrid(name: string, blocks: Block[], hiddenRows: number[], hiddenCols: number[], merges: CellRange[], prot?: boolean): SheetGrid {
  const cells: (Cell | undefined)[][] = [];
  for (const b of blocks) {
    b.values.forEach((row, i) => {
      const r = b.top + i;
      const out = (cells[r] = cells[r] ?? []);
      row.forEach((v, j) => {
        const f = b.formulas[i]?.[j];
        const formula = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
        if ((v === '' || v === null || v === undefined) && !formula) return;
        const cell: Cell = { value: v as Cell['value'], numFmt: b.numberFormat[i]?.[j], text: b.text[i]?.[j] };
        if (formula) cell.formula = formula;
        if (typeof v === 'string' && ERROR_VALUE.test(v) && (formula || b.text[i]?.[j] === v)) {
          cell.error = v;
          cell.value = null;
        }
        out[b.left + j] = cell;
      });
    });
  }
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  return makeSheetGrid({ name, cells, merges, hiddenRows, hiddenCols, protected: prot });
}

/** Cells grouped into runs of adjacent columns in one row: one range (one proxy) per run. */
function runs<T extends CellKey>(cells: T[]): { sheet: string; row: number; left: number; items: T[] }[] {
  const sorted = cells
    .map((c) => ({ c, p: parseA1(c.address)! }))
    .filter((x) => x.p)
    .sort((x, y) => (x.c.sheet < y.c.sheet ? -1 : x.c.sheet > y.c.sheet ? 1 : x.p.row - y.p.row || x.p.col - y.p.col));
  const out: { sheet: string; row: number; left: number; items: T[] }[] = [];
  let cur: { sheet: string; row: number; left: number; items: T[] } | null = null;
  for (const { c, p } of sorted) {
    if (cur && cur.sheet === c.sheet && cur.row === p.row && cur.left + cur.items.length === p.col) cur.items.push(c);
    else if (!(cur && cur.sheet === c.sheet && cur.row === p.row && p.col < cur.left + cur.items.length)) {
      cur = { sheet: c.sheet, row: p.row, left: p.col, items: [c] };
      out.push(cur);
    }
  }
  return out;
}

function runAddress(run: { row: number; left: number; items: unknown[] }): string {
  const start = a1(run.row, run.left);
  return run.items.length === 1 ? start : `${start}:${a1(run.row, run.left + run.items.length - 1)}`;
}

function isNoFill(fill: FillState): boolean {
  return fill.pattern === 'None' || ((fill.pattern === undefined || fill.pattern === null) && (fill.color === undefined || fill.color === null));
}

/** Snapshot and commit against a live workbook, one sync each. */
class ExcelBackend implements JournalBackend {
  /** Note/comment presence from the last snapshot, so commit knows whether to add, edit or delete. */
  private noteIds = new Map<string, { kind: 'note' | 'comment'; id: string | null; exists: boolean }>();

  constructor(
    private readonly run: ExcelRun,
    private readonly caps: HostCapabilities,
    private readonly userComments: () => Set<string>,
    private readonly seal: JournalSeal,
  ) {}

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    // The journal's signature is checked after the round trip, outside Excel's batch.
    const { journalText, ...snap } = await this.run(async (context) => {
      const wb = context.workbook;
      const journalItem = wb.settings.getItemOrNullObject(JOURNAL_KEY);
      journalItem.load('value');
      wb.worksheets.load('items/name');
      const groups = runs(req.cells).map((run) => {
        const range = wb.worksheets.getItem(run.sheet).getRange(runAddress(run));
        range.load('formulas,numberFormat');
        return { run, range, props: range.getCellProperties(FILL_LOAD) };
      });
      const notes =
        this.caps.notes === 'note'
          ? req.cells.map((c) => {
              const n = wb.notes.getItemOrNullObject(`${quoteSheet(c.sheet)}!${c.address}`);
              n.load('content');
              return { c, n };
            })
          : [];
      const comments = this.caps.notes === 'comment' ? wb.comments : null;
      comments?.load('items/id,items/content');
      const prints = (req.fingerprint ?? []).map((name) => {
        const ws = wb.worksheets.getItemOrNullObject(name);
        const used = ws.getUsedRangeOrNullObject(true);
        // Formulas, not values: an inserted template's results change as Excel recalculates, its formulas do not.
        used.load('formulas');
        return { name, ws, used };
      });
      await context.sync();

      const states = new Map<string, CellState>();
      for (const g of groups) {
        g.run.items.forEach((c, j) => {
          const f = g.props.value[0][j].format?.fill ?? {};
          states.set(cellKey(c.sheet, c.address), {
            fill: {
              color: f.color ?? null,
              pattern: (f.pattern as string) ?? null,
              patternColor: f.patternColor ?? null,
              tintAndShade: f.tintAndShade ?? null,
              patternTintAndShade: f.patternTintAndShade ?? null,
            },
            formula: g.range.formulas[0][j] as CellState['formula'],
            numFmt: String(g.range.numberFormat[0][j]),
            note: null,
          });
        });
      }
      this.noteIds = new Map();
      for (const { c, n } of notes) {
        const k = cellKey(c.sheet, c.address);
        const s = states.get(k);
        const exists = !n.isNullObject;
        if (s) s.note = exists ? n.content : null;
        this.noteIds.set(k, { kind: 'note', id: null, exists });
      }
      if (comments) {
        const ours = new Map<string, { id: string; content: string }>();
        for (const item of comments.items) {
          if (!item.content.startsWith(NOTE_TAG)) continue;
          const first = item.content.slice(NOTE_TAG.length).split('\n')[0];
          const bang = first.lastIndexOf('!');
          ours.set(cellKey(first.slice(0, bang), first.slice(bang + 1)), { id: item.id, content: item.content });
        }
        const user = this.userComments();
        for (const c of req.cells) {
          const k = cellKey(c.sheet, c.address);
          const s = states.get(k);
          const mine = ours.get(k);
          if (s) s.note = mine ? mine.content : user.has(k) ? USER_COMMENT : null;
          this.noteIds.set(k, { kind: 'comment', id: mine?.id ?? null, exists: !!mine || user.has(k) });
        }
      }
      const fingerprints = new Map<string, string | null>();
      for (const p of prints) {
        if (p.ws.isNullObject) fingerprints.set(p.name, null);
        else fingerprints.set(p.name, fingerprintValues(p.used.isNullObject ? [] : p.used.formulas));
      }
      return {
        states,
        journalText: journalItem.isNullObject ? null : String(journalItem.value),
        sheetNames: wb.worksheets.items.map((w) => w.name),
        fingerprints,
      };
    });
    return { ...snap, journal: await this.seal.open(journalText) };
  }

  /** The active cell of the selection, one sync. */
  async selection(): Promise<CellKey | null> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      range.load('address');
      await context.sync();
      const address = range.address;
      const bang = address.lastIndexOf('!');
      if (bang < 0) return null;
      const first = address.slice(bang + 1).split(':')[0].replace(/\$/g, '');
      return parseA1(first) ? { sheet: sheetOf(address), address: first } : null;
    });
  }

  async commit(req: CommitRequest): Promise<void> {
    const journalText = await this.seal.close(req.journal);
    await this.run(async (context) => {
      const wb = context.workbook;
      context.application.suspendScreenUpdatingUntilNextSync();
      // The journal goes first in the batch: if a later write fails, restore still knows every cell touched.
      wb.settings.add(JOURNAL_KEY, journalText);
      if (req.addSheet) {
        const add = req.addSheet;
        const ws = wb.worksheets.add(add.name);
        const width = Math.max(1, ...add.cells.map((r) => r.length));
        const block = add.cells.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? { value: null }));
        const range = ws.getRange(`A1:${a1(block.length - 1, width - 1)}`);
        const isText = (c: (typeof block)[number][number]) => !c.formula && typeof c.value === 'string' && c.value !== '';
        // Text cells get the text format before any value lands, so no text becomes a formula; constants go in as
        // values, formulas one cell at a time through `formulas`; a text's own format (rare) is set after its value.
        range.numberFormat = block.map((r) => r.map((c) => (isText(c) ? TEXT_FORMAT : (c.numFmt ?? 'General'))));
        range.values = block.map((r) => r.map((c) => (c.formula ? '' : (c.value ?? ''))));
        block.forEach((r, i) => r.forEach((c, j) => c.formula && (ws.getRange(a1(i, j)).formulas = [[`=${c.formula}`]])));
        if (block.some((r) => r.some((c) => isText(c) && c.numFmt && c.numFmt !== TEXT_FORMAT))) {
          range.numberFormat = block.map((r) => r.map((c) => (isText(c) ? (c.numFmt ?? TEXT_FORMAT) : (c.numFmt ?? 'General'))));
        }
        for (const m of add.merges ?? []) ws.getRange(m).merge(false);
        if (add.boldFirstRow) ws.getRange(`A1:${a1(0, width - 1)}`).format.font.bold = true;
        block.forEach((r, i) => r.forEach((c, j) => c.bold && (ws.getRange(a1(i, j)).format.font.bold = true)));
        // columnWidth on one cell sets its whole column (points; about 7 per character).
        if (add.widths?.length) add.widths.forEach((w, j) => (ws.getRange(a1(0, j)).format.columnWidth = w * 7));
        else range.format.autofitColumns();
      }
      const fillCells = req.writes.filter((w) => w.fill !== undefined);
      const cleared = fillCells.filter((w) => isNoFill(w.fill!));
      for (const run of runs(fillCells.filter((w) => !isNoFill(w.fill!)))) {
        const range = wb.worksheets.getItem(run.sheet).getRange(runAddress(run));
        range.setCellProperties([run.items.map((w) => ({ format: { fill: settableFill(w.fill!) } }))]);
      }
      for (const run of runs(cleared)) wb.worksheets.getItem(run.sheet).getRange(runAddress(run)).format.fill.clear();
      for (const w of req.writes) {
        if (w.formula === undefined && w.numFmt === undefined) continue;
        writeCell(wb.worksheets.getItem(w.sheet).getRange(w.address), w.formula, w.numFmt);
      }
      for (const w of req.writes) {
        if (w.note === undefined) continue;
        const k = cellKey(w.sheet, w.address);
        const known = this.noteIds.get(k);
        const qualified = `${quoteSheet(w.sheet)}!${w.address}`;
        if (this.caps.notes === 'note') {
          if (known?.exists) {
            if (w.note === null) wb.notes.getItem(qualified).delete();
            else wb.notes.getItem(qualified).content = w.note;
          } else if (w.note !== null) wb.notes.add(wb.worksheets.getItem(w.sheet).getRange(w.address), w.note);
        } else if (this.caps.notes === 'comment') {
          if (known?.id) {
            if (w.note === null) wb.comments.getItem(known.id).delete();
            else wb.comments.getItem(known.id).content = w.note;
          } else if (w.note !== null && !known?.exists) wb.comments.add(qualified, w.note);
        }
      }
      for (const name of req.deleteSheets ?? []) wb.worksheets.getItem(name).delete();
      await context.sync();
    });
  }
}

/**
 * One cell's value and number format, in this order: text under the text format first, then its value through
 * `values` (Office.js turns a string starting with =, + or - into a formula through `formulas` and through `values`
 * in any other format), then the format it is meant to keep; a formula through `formulas`; a number, boolean or ''
 * through `values` after its format.
 */
function writeCell(range: Excel.Range, value: FormulaValue | undefined, numFmt: string | undefined): void {
  if (value === undefined) {
    if (numFmt !== undefined) range.numberFormat = [[numFmt]];
    return;
  }
  const kind = valueKind(value, numFmt);
  if (kind === 'text') {
    range.numberFormat = [[TEXT_FORMAT]];
    range.values = [[value]];
    if (numFmt !== undefined && numFmt !== TEXT_FORMAT) range.numberFormat = [[numFmt]];
    return;
  }
  if (numFmt !== undefined) range.numberFormat = [[numFmt]];
  if (kind === 'formula') range.formulas = [[value]];
  else range.values = [[value]];
}

function settableFill(fill: FillState): Excel.CellPropertiesFill {
  const out: Excel.CellPropertiesFill = {};
  if (fill.pattern) out.pattern = fill.pattern as Excel.CellPropertiesFill['pattern'];
  if (fill.color) out.color = fill.color;
  if (fill.patternColor) out.patternColor = fill.patternColor;
  if (typeof fill.tintAndShade === 'number') out.tintAndShade = fill.tintAndShade;
  if (typeof fill.patternTintAndShade === 'number') out.patternTintAndShade = fill.patternTintAndShade;
  return out;
}
