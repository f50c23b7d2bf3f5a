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
 * runs unchanged against the fake context in tests. Read planning is read-plan.ts (pure), the grid grid-build.ts,
 * writing excel-backend.ts, addresses address.ts.
 */
/* global Excel */
import { a1 } from '../core/address';
import { CellRange, JOURNAL_SHEET, SheetGrid, WorkbookGrid, isJournalSheet } from '../core/grid';
import { HostCapabilities, HostError, ReadProgress } from '../host/host';
import { JOURNAL_KEY, cellKey } from '../host/journal';
import { JournalSeal, installationSeal } from '../host/journal-seal';
import { JournalBackend, JournaledHost } from '../host/journaled-host';
import { NOTE_TAG } from '../host/marks';
import { rangeOf, rangesOf, splitAddress } from './address';
import { ExcelBackend } from './excel-backend';
import { DEFAULT_TIMEOUT_MS, ExcelRun, withTimeout } from './run';
import { Block, buildGrid } from './grid-build';
import { BYTES_PER_CELL, mergeSlabs, nextBatch, Piece, pieceAddress, weightOf, windowRows } from './read-plan';

export type { ExcelRun } from './run';
export { DEFAULT_TIMEOUT_MS, withTimeout } from './run';

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

export const MAX_CELLS_PER_READ = 5_000_000;
export const MAX_BYTES_PER_REQUEST = 5 * 1024 * 1024;


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






/** Everything read of one sheet, whichever path read it. */
interface SheetRead {
  name: string;
  blocks: Block[];
  hiddenRows: number[];
  hiddenCols: number[];
  merges: CellRange[];
  protected?: boolean;
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
      const rows = windowRows(this.maxBytes, names.length);
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
            s.merges.push(...rangesOf(mergeAddress));
            const cells = w.rowCount * used.cols;
            weights.set(p.name, weightOf([block.values, block.text, block.numberFormat, block.formulas, p.rows?.value ?? null, [mergeAddress]], cells));
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
            const r = rangeOf(l.range.address);
            return r ? cellKey(splitAddress(l.range.address).sheet, a1(r.top, r.left)) : '';
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
    const weight = (sheet: string) => weights.get(sheet) ?? BYTES_PER_CELL;
    const queue = pieces.map((p) => ({ ...p }));
    while (queue.length > 0) {
      const cut = nextBatch(queue, { maxBytes: this.maxBytes, maxCells: this.maxCells }, weight);
      const cells = cut.reduce((n, p) => n + p.rows * p.cols, 0);
      const batch = cut.map((p) => {
        const ws = context.workbook.worksheets.getItem(p.sheet);
        const range = ws.getRange(pieceAddress(p, p.top, p.rows));
        range.load('values,text,numberFormat,formulas');
        const merged = meta.merges
          ? mergeSlabs(p).map((address) => {
              const m = ws.getRange(address).getMergedAreasOrNullObject();
              m.load('address');
              return m;
            })
          : [];
        return { p, range, rows: meta.rows ? range.getRowProperties(ROW_PROPS) : null, merged };
      });
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
        for (const a of addresses) s.merges.push(...rangesOf(a));
        // The next requests for this sheet are sized by what these rows weighed.
        weights.set(p.sheet, weightOf([block.values, block.text, block.numberFormat, block.formulas, rows?.value ?? null, addresses], p.rows * p.cols));
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
