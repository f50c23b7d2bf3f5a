/**
 * The Office.js host: the same Host interface as the in-memory host, over a live workbook.
 * Round trips: readWorkbook = 2 syncs (list sheets + journal; every used range with values, text, number formats,
 * formulas, hidden rows/columns and merged areas), falling back to row blocks only when Excel refuses the read
 * (5 MB per request on the web, values null beyond 5 million cells). Each write = 2 syncs (snapshot, then journal +
 * writes with screen updating suspended). Office.js is reached only through the `run` function passed in, so the
 * adapter runs unchanged against the fake context in tests.
 */
/* global Excel */
import { a1, parseA1 } from '../core/address';
import { Cell, CellRange, SheetGrid, WorkbookGrid, makeSheetGrid } from '../core/grid';
import { HostCapabilities, HostError, ReadProgress } from '../host/host';
import { CellKey, CellState, FillState, JOURNAL_KEY, cellKey, fingerprintValues, parseJournal, serializeJournal } from '../host/journal';
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
 * Bytes per cell for values + text + numberFormat + formulas. The first row block is sized with the conservative
 * figure; later blocks with what the earlier ones really weighed (about 50 B on 公开表), kept under 80 % of the limit.
 */
const BYTES_PER_CELL = 160;
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
    this.backend = new ExcelBackend(this.run, this.capabilities, () => this.userComments);
    this.isSet = options.isSetSupported;
  }

  private readonly isSet: (name: string, version: string) => boolean;

  async readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<WorkbookGrid> {
    const commentMode = this.capabilities.notes === 'comment';
    const rowProps = this.isSet('ExcelApi', '1.9');
    const merges = this.isSet('ExcelApi', '1.13');
    const workbook = await this.run(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets;
      sheets.load('items/name');
      const journalItem = this.capabilities.canWrite ? wb.settings.getItemOrNullObject(JOURNAL_KEY) : null;
      journalItem?.load('value');
      const comments = commentMode ? wb.comments : null;
      comments?.load('items/id,items/content');
      await context.sync();
      this.journal = parseJournal(journalItem && !journalItem.isNullObject ? String(journalItem.value) : null);
      const names = sheets.items.map((s) => s.name);
      onProgress?.({ done: 0, total: names.length });

      // One request for everything; Excel refuses it only for very large workbooks.
      const used = names.map((name) => {
        const ws = sheets.getItem(name);
        const range = ws.getUsedRangeOrNullObject(true);
        range.load('address,rowIndex,columnIndex,rowCount,columnCount,values,text,numberFormat,formulas');
        ws.protection.load('protected');
        return {
          name,
          ws,
          range,
          rows: rowProps ? range.getRowProperties({ rowIndex: true, rowHidden: true }) : null,
          cols: rowProps ? range.getColumnProperties({ columnIndex: true, columnHidden: true }) : null,
          merged: merges ? range.getMergedAreasOrNullObject() : null,
        };
      });
      for (const u of used) u.merged?.load('address');
      const locations = commentMode ? comments!.items.map((c) => ({ content: c.content, range: c.getLocation().load('address') })) : [];
      let blocks: Block[] | null = null;
      try {
        await context.sync();
        blocks = [];
        for (const u of used) {
          if (u.range.isNullObject) continue;
          if (u.range.values === null || u.range.values === undefined) {
            blocks = null; // over the cell limit: Excel returns null instead of failing
            break;
          }
          blocks.push({
            sheet: u.name,
            top: u.range.rowIndex,
            left: u.range.columnIndex,
            values: u.range.values,
            text: u.range.text,
            numberFormat: u.range.numberFormat,
            formulas: u.range.formulas,
          });
        }
      } catch (e) {
        if (!isPayloadError(e)) throw e;
        blocks = null;
      }
      const readMeta = blocks !== null;
      if (blocks === null) blocks = await this.readInBlocks(context, names, onProgress);
      this.userComments = new Set(
        readMeta
          ? locations
              .filter((l) => !l.content.startsWith(NOTE_TAG))
              .map((l) => {
                const r = parseRange(l.range.address);
                return r ? cellKey(sheetOf(l.range.address), a1(r.top, r.left)) : '';
              })
          : [],
      );
      const grids: SheetGrid[] = names.map((name) => {
        const u = used.find((x) => x.name === name)!;
        return buildGrid(
          name,
          blocks!.filter((b) => b.sheet === name),
          readMeta && u.rows ? u.rows.value.filter((r) => r.rowHidden).map((r) => r.rowIndex!) : [],
          readMeta && u.cols ? u.cols.value.filter((c) => c.columnHidden).map((c) => c.columnIndex!) : [],
          readMeta && u.merged && !u.merged.isNullObject ? parseMerges(u.merged.address) : [],
          readMeta ? u.ws.protection.protected : undefined,
        );
      });
      onProgress?.({ done: names.length, total: names.length });
      return { fileName: this.fileName, sheets: grids };
    });
    this.workbook = workbook;
    return workbook;
  }

  /** The slow path: sizes first, then row blocks that stay under both limits, several blocks per request. */
  private async readInBlocks(context: Excel.RequestContext, names: string[], onProgress?: (p: ReadProgress) => void): Promise<Block[]> {
    const sizes = names.map((name) => {
      const r = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
      r.load('rowIndex,columnIndex,rowCount,columnCount');
      return { name, r };
    });
    await context.sync();
    let bytesPerCell = BYTES_PER_CELL;
    const budgetFor = (perCell: number) => Math.max(1, Math.min(this.maxCells, Math.floor((this.maxBytes * 0.8) / perCell)));
    let budget = budgetFor(bytesPerCell);
    type Piece = { sheet: string; top: number; left: number; rows: number; cols: number };
    // Pieces are cut as they are requested, so each request is sized by what the previous ones weighed.
    const queue = sizes.filter(({ r }) => !r.isNullObject).map(({ name, r }) => ({ name, top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, cols: r.columnCount }));
    const total = queue.reduce((n, q) => n + q.rows * q.cols, 0);
    let done = 0;
    const out: Block[] = [];
    while (queue.length > 0) {
      const batch: { p: Piece; range: Excel.Range }[] = [];
      let cells = 0;
      while (queue.length > 0 && cells < budget) {
        const q = queue[0];
        const rows = Math.max(1, Math.min(q.rows, Math.floor((budget - cells) / Math.max(1, q.cols))));
        if (batch.length > 0 && rows * q.cols > budget - cells) break;
        const p: Piece = { sheet: q.name, top: q.top, left: q.left, rows, cols: q.cols };
        q.top += rows;
        q.rows -= rows;
        if (q.rows === 0) queue.shift();
        cells += p.rows * p.cols;
        const address = `${a1(p.top, p.left)}:${a1(p.top + p.rows - 1, p.left + p.cols - 1)}`;
        const range = context.workbook.worksheets.getItem(p.sheet).getRange(address);
        range.load('values,text,numberFormat,formulas');
        batch.push({ p, range });
      }
      await context.sync();
      let bytes = 0;
      for (const { p, range } of batch) {
        if (range.values === null) throw new HostError(`工作表“${p.sheet}”过大，Excel 拒绝读取；请删除多余的空行空列后再审核`);
        out.push({ sheet: p.sheet, top: p.top, left: p.left, values: range.values, text: range.text, numberFormat: range.numberFormat, formulas: range.formulas });
        bytes += JSON.stringify([range.values, range.text, range.numberFormat, range.formulas]).length;
      }
      done += cells;
      // The next requests are sized by what this one weighed, with a floor so a sparse block cannot balloon them.
      bytesPerCell = Math.max(16, (bytes / Math.max(1, cells)) * 1.25);
      budget = budgetFor(bytesPerCell);
      onProgress?.({ done, total });
    }
    return out;
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
  ) {}

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    return this.run(async (context) => {
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
        journal: parseJournal(journalItem.isNullObject ? null : String(journalItem.value)),
        sheetNames: wb.worksheets.items.map((w) => w.name),
        fingerprints,
      };
    });
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
    await this.run(async (context) => {
      const wb = context.workbook;
      context.application.suspendScreenUpdatingUntilNextSync();
      // The journal goes first in the batch: if a later write fails, restore still knows every cell touched.
      wb.settings.add(JOURNAL_KEY, serializeJournal(req.journal));
      if (req.addSheet) {
        const add = req.addSheet;
        const ws = wb.worksheets.add(add.name);
        const width = Math.max(1, ...add.cells.map((r) => r.length));
        const block = add.cells.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? { value: null }));
        const range = ws.getRange(`A1:${a1(block.length - 1, width - 1)}`);
        range.numberFormat = block.map((r) => r.map((c) => c.numFmt ?? 'General'));
        // Constants and formulas in one matrix: Excel calculates the formulas itself.
        range.formulas = block.map((r) => r.map((c) => (c.formula ? `=${c.formula}` : (c.value ?? ''))));
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
        const range = wb.worksheets.getItem(w.sheet).getRange(w.address);
        if (w.numFmt !== undefined) range.numberFormat = [[w.numFmt]];
        if (w.formula !== undefined) range.formulas = [[w.formula]];
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

function settableFill(fill: FillState): Excel.CellPropertiesFill {
  const out: Excel.CellPropertiesFill = {};
  if (fill.pattern) out.pattern = fill.pattern as Excel.CellPropertiesFill['pattern'];
  if (fill.color) out.color = fill.color;
  if (fill.patternColor) out.patternColor = fill.patternColor;
  if (typeof fill.tintAndShade === 'number') out.tintAndShade = fill.tintAndShade;
  if (typeof fill.patternTintAndShade === 'number') out.patternTintAndShade = fill.patternTintAndShade;
  return out;
}
