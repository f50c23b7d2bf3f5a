/**
 * The in-memory host: a workbook read from an .xlsx file (readXlsx) held as grids plus fills and notes, behind the
 * same Host interface and the same journal as the Excel add-in — the browser playground's "Excel". DOM-free.
 */
import { parseA1 } from '../core/address';
import { Cell, CellRange, SheetGrid, WorkbookGrid, isJournalSheet, makeSheetGrid } from '../core/grid';
import { HostCapabilities, ReadProgress } from './host';
import { CellKey, CellState, FillState, JOURNAL_KEY, TEXT_FORMAT, cellKey, fingerprintValues, valueKind } from './journal';
import { JournalSeal, installationSeal } from './journal-seal';
import { CommitRequest, JournalBackend, JournaledHost, Snapshot, SnapshotRequest } from './journaled-host';

export const NO_FILL: FillState = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };

export interface MemorySheet {
  grid: SheetGrid;
  fills: Map<string, FillState>;
  notes: Map<string, string>;
}

export interface MemoryDocument {
  fileName: string;
  sheets: MemorySheet[];
  settings: Map<string, string>;
}

export function memoryDocument(workbook: WorkbookGrid): MemoryDocument {
  return { fileName: workbook.fileName, sheets: workbook.sheets.map((grid) => ({ grid, fills: new Map(), notes: new Map() })), settings: new Map() };
}

function cellOf(sheet: MemorySheet, address: string): Cell | undefined {
  const p = parseA1(address);
  return p ? sheet.grid.cells[p.row]?.[p.col] : undefined;
}

function setCell(sheet: MemorySheet, address: string, update: (c: Cell) => Cell | undefined): void {
  const p = parseA1(address)!;
  const g = sheet.grid;
  while (g.cells.length <= p.row) g.cells.push([]);
  const row = g.cells[p.row];
  const next = update(row[p.col] ? { ...row[p.col]! } : { value: null });
  row[p.col] = next;
  g.rowCount = Math.max(g.rowCount, p.row + 1);
  g.colCount = Math.max(g.colCount, p.col + 1);
}

export class MemoryHost extends JournaledHost {
  readonly capabilities: HostCapabilities = { canWrite: true, notes: 'note', canDownload: true };
  protected readonly backend: JournalBackend;
  /** The playground listens here to move its selection and to redraw after writes. */
  onSelect: (sheet: string, cell: string) => void = () => undefined;
  /** The cell the playground user clicked: where 插入到所选单元格 writes. */
  selection: CellKey | null = null;

  /** `seal`: whose journals count as this installation's (a test passes another to play a second PC). */
  constructor(
    readonly doc: MemoryDocument,
    private readonly seal: JournalSeal = installationSeal,
  ) {
    super();
    this.backend = new MemoryBackend(doc, () => this.selection, seal);
  }

  async readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<WorkbookGrid> {
    onProgress?.({ done: 0, total: this.doc.sheets.length, counting: 'sheets' });
    this.journal = await this.seal.open(this.doc.settings.get(JOURNAL_KEY));
    const sheets = this.doc.sheets.map((s) =>
      makeSheetGrid({
        name: s.grid.name,
        // Rows are copied, cells shared: a write replaces a cell object (setCell), never changes one, so the grid
        // handed to the check keeps what it read; copying 1.6 million cells held a 200 000-row check up for a second.
        cells: s.grid.cells.map((row) => (row ? row.slice() : [])),
        merges: s.grid.merges,
        hiddenRows: s.grid.hiddenRows,
        hiddenCols: s.grid.hiddenCols,
        protected: s.grid.protected,
      }),
    );
    onProgress?.({ done: sheets.length, total: sheets.length, counting: 'sheets' });
    this.workbook = { fileName: this.doc.fileName, sheets };
    return this.workbook;
  }

  async markedElsewhere(): Promise<string | null> {
    return this.doc.sheets.some((s) => isJournalSheet(s.grid.name))
      ? '此工作簿曾在 WPS 表格中由决算校验助手标记，标记记录保存在工作簿的隐藏记录中：要恢复 WPS 写入的内容，请在 WPS 表格中点“清除标记”。这里的“清除标记”只恢复在本页写入的内容。'
      : null;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    if (!this.doc.sheets.some((s) => s.grid.name === sheet)) throw new Error(`没有工作表“${sheet}”`);
    this.selection = { sheet, address: cell };
    this.onSelect(sheet, cell);
  }
}

function parseRange(range: string): CellRange | null {
  const [a, b] = range.replace(/\$/g, '').split(':');
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  return p && q ? { top: p.row, left: p.col, bottom: q.row, right: q.col } : null;
}

const FORMULA_RESULTS = new WeakMap<MemoryDocument, Map<string, Cell>>();

class MemoryBackend implements JournalBackend {
  /**
   * Cached results of formula cells seen in snapshots: nothing recalculates here, so a restored formula gets its
   * value back. Kept per document, so a host opened later over the same document (the pane reloaded) has them too.
   */
  private readonly formulaValues: Map<string, Cell>;
  constructor(
    private readonly doc: MemoryDocument,
    private readonly selected: () => CellKey | null,
    private readonly seal: JournalSeal,
  ) {
    let cache = FORMULA_RESULTS.get(doc);
    if (!cache) FORMULA_RESULTS.set(doc, (cache = new Map()));
    this.formulaValues = cache;
  }

  async selection(): Promise<CellKey | null> {
    const sel = this.selected();
    return sel && this.doc.sheets.some((s) => s.grid.name === sel.sheet) ? sel : null;
  }

  private sheet(name: string): MemorySheet {
    const s = this.doc.sheets.find((x) => x.grid.name === name);
    if (!s) throw new Error(`没有工作表“${name}”`);
    return s;
  }

  async snapshot(req: SnapshotRequest): Promise<Snapshot> {
    const states = new Map<string, CellState>();
    for (const c of req.cells) {
      const s = this.sheet(c.sheet);
      const cell = cellOf(s, c.address);
      if (cell?.formula) this.formulaValues.set(`${cellKey(c.sheet, c.address)}\u0000${cell.formula}`, { ...cell });
      states.set(cellKey(c.sheet, c.address), {
        fill: { ...NO_FILL, ...(s.fills.get(c.address) ?? {}) },
        formula: cell?.formula ? `=${cell.formula}` : (cell?.error ?? cell?.value ?? ''),
        numFmt: cell?.numFmt ?? 'General',
        note: s.notes.get(c.address) ?? null,
      });
    }
    const fingerprints = new Map<string, string | null>();
    for (const name of req.fingerprint ?? []) {
      const s = this.doc.sheets.find((x) => x.grid.name === name);
      fingerprints.set(name, s ? fingerprintValues(s.grid.cells.map((r) => (r ?? []).map((c) => (c?.formula ? `=${c.formula}` : (c?.value ?? ''))))) : null);
    }
    return { states, journal: await this.seal.open(this.doc.settings.get(JOURNAL_KEY)), sheetNames: this.doc.sheets.map((s) => s.grid.name), fingerprints };
  }

  async commit(req: CommitRequest): Promise<void> {
    this.doc.settings.set(JOURNAL_KEY, await this.seal.close(req.journal));
    if (req.addSheet) {
      const cells = req.addSheet.cells.map((r) =>
        r.map((c): Cell | undefined => {
          if (!c.formula && (c.value === null || c.value === '')) return undefined;
          const cell: Cell = { value: c.value === '' ? null : c.value };
          if (c.formula) cell.formula = c.formula;
          // Text is text under the text format, as the Excel host writes it.
          const numFmt = c.numFmt ?? (!c.formula && typeof c.value === 'string' ? TEXT_FORMAT : undefined);
          if (numFmt && numFmt !== 'General') cell.numFmt = numFmt;
          return cell;
        }),
      );
      const merges = (req.addSheet.merges ?? []).map(parseRange).filter((m): m is CellRange => m !== null);
      this.doc.sheets.push({ grid: makeSheetGrid({ name: req.addSheet.name, cells, merges }), fills: new Map(), notes: new Map() });
    }
    for (const w of req.writes) {
      const s = this.sheet(w.sheet);
      if (w.fill !== undefined) {
        if (w.fill.pattern === 'None' || (!w.fill.pattern && !w.fill.color)) s.fills.delete(w.address);
        else s.fills.set(w.address, { ...NO_FILL, ...w.fill });
      }
      if (w.note !== undefined) {
        if (w.note === null) s.notes.delete(w.address);
        else s.notes.set(w.address, w.note);
      }
      if (w.formula !== undefined || w.numFmt !== undefined) {
        setCell(s, w.address, (c) => {
          if (w.numFmt !== undefined) c.numFmt = w.numFmt === 'General' ? undefined : w.numFmt;
          if (w.formula !== undefined) {
            const f = w.formula;
            delete c.error;
            delete c.formulaWithoutValue;
            // A string starting with = in a cell formatted as text is text, as in Excel.
            if (typeof f === 'string' && valueKind(f, c.numFmt ?? 'General') === 'formula') {
              const known = w.result !== undefined ? { value: w.result } as Cell : undefined;
              const cached = known ?? this.formulaValues.get(`${cellKey(w.sheet, w.address)}\u0000${f.slice(1)}`);
              c.formula = f.slice(1);
              c.value = cached ? cached.value : null;
              if (cached?.error) c.error = cached.error;
              if (cached?.text !== undefined) c.text = cached.text;
              if (!cached) c.formulaWithoutValue = true;
              return c;
            } else {
              delete c.formula;
              c.value = f === '' ? null : f;
            }
            delete c.text;
          }
          return c.value === null && !c.formula && !c.numFmt ? undefined : c;
        });
      }
    }
    for (const name of req.deleteSheets ?? []) this.doc.sheets = this.doc.sheets.filter((s) => s.grid.name !== name);
  }
}
