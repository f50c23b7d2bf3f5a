/**
 * The write operations every host shares, built on a two-call storage backend: `snapshot` (one round trip: the
 * current state of the cells about to be touched, the stored journal, sheet names) and `commit` (one round trip:
 * store the journal, then write). Each operation is therefore exactly two round trips in Excel.
 */
import { a1, parseA1, rangeA1 } from '../core/address';
import { CheckResult, Finding, ProposedEdit, SheetSummary } from '../core/findings';
import { WorkbookGrid } from '../core/grid';
import {
  ConfirmOverwrite,
  Host,
  HostCapabilities,
  HostError,
  InsertCell,
  InsertReport,
  InsertRow,
  InsertSheetOptions,
  ReadProgress,
  RestoreReport,
  WriteReport,
} from './host';
import {
  CellKey,
  CellState,
  CellWrite,
  FillState,
  Journal,
  cellKey,
  emptyJournal,
  entryIndex,
  fingerprintValues,
  ownedBase,
  planRestore,
  recordWrites,
} from './journal';
import { REPORT_SHEET, highlightFill, isHighlightFill, markColumns, noteTextFor, notesByCell, reportRows, rowMarks, uniqueSheetName } from './marks';

export interface SnapshotRequest {
  cells: CellKey[];
  /** Sheets whose values to fingerprint (report sheets the add-in added). */
  fingerprint?: string[];
}

export interface Snapshot {
  states: Map<string, CellState>;
  journal: Journal;
  sheetNames: string[];
  /** null for a sheet that no longer exists. */
  fingerprints: Map<string, string | null>;
}

export interface SheetAdd {
  name: string;
  /** Rows from A1; a formula cell carries the result it shows. */
  cells: InsertCell[][];
  merges?: string[];
  widths?: number[];
  /** The report sheet: bold header row, columns fitted. */
  boldFirstRow?: boolean;
}

export interface CommitRequest {
  writes: CellWrite[];
  journal: Journal;
  addSheet?: SheetAdd;
  deleteSheets?: string[];
}

export interface JournalBackend {
  snapshot(req: SnapshotRequest): Promise<Snapshot>;
  commit(req: CommitRequest): Promise<void>;
  /** The active cell (top-left of the selection); null when nothing is selected. */
  selection(): Promise<CellKey | null>;
}

/** Normalises an inserted row to full cells. */
export function insertCells(rows: InsertRow[]): InsertCell[][] {
  return rows.map((r) => r.map((v) => (v === null || typeof v !== 'object' ? { value: v === undefined || v === '' ? null : v } : v)));
}

/**
 * What a sheet shows per cell for its fingerprint: the formula (`=…`) of a formula cell, else the value. Formula
 * text, not its result, so Excel's recalculation does not make an untouched sheet look edited.
 */
export function fingerprintCells(cells: InsertCell[][]): string {
  return fingerprintValues(cells.map((r) => r.map((c) => (c.formula ? `=${c.formula}` : (c.value ?? '')))));
}

export abstract class JournaledHost implements Host {
  abstract readonly capabilities: HostCapabilities;
  protected abstract readonly backend: JournalBackend;
  /** The last workbook read (sheet widths for row fills). */
  protected workbook: WorkbookGrid | null = null;
  /** The journal as last seen (loaded with the workbook, updated on every commit). */
  protected journal: Journal = emptyJournal();

  abstract readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<WorkbookGrid>;
  abstract selectCell(sheet: string, cell: string): Promise<void>;

  /** Sheets the last read found protected: the add-in never unprotects a sheet, so it writes nothing there. */
  protected protectedSheets(): Set<string> {
    return new Set((this.workbook?.sheets ?? []).filter((s) => s.protected).map((s) => s.name));
  }

  protected requireWrite(): void {
    if (!this.capabilities.canWrite) throw new HostError(this.capabilities.reason ?? '当前环境只能审核，不能写入');
  }

  async applyHighlights(findings: Finding[], sheets: SheetSummary[] = []): Promise<WriteReport> {
    this.requireWrite();
    const wb = this.workbook;
    if (!wb) throw new HostError('请先审核工作簿');
    const locked = this.protectedSheets();
    const lockedHit = [...new Set(findings.filter((f) => locked.has(f.sheet) && f.cell).map((f) => f.sheet))];
    const widths = new Map(wb.sheets.filter((s) => !locked.has(s.name)).map((s) => [s.name, Math.max(s.colCount, 1)]));
    const fills = new Map<string, CellWrite>();
    for (const m of rowMarks(findings, sheets)) {
      const width = widths.get(m.sheet);
      if (width === undefined) continue;
      for (const c of markColumns(m, width)) {
        const address = a1(m.row, c);
        fills.set(cellKey(m.sheet, address), { sheet: m.sheet, address, fill: highlightFill(m.severity) });
      }
    }
    const noteKind = this.capabilities.notes;
    const notes = noteKind === 'none' ? new Map() : notesByCell(findings.filter((f) => widths.has(f.sheet)));
    // Cells marked by an earlier run: restored unless this run marks them again.
    const stale = this.journal.entries.filter(
      (e) =>
        !locked.has(e.sheet) &&
        (isHighlightFill(e.after.fill) || (e.after.note ?? '').includes('【决算校验】')) &&
        !fills.has(cellKey(e.sheet, e.address)),
    );
    const keys = new Map<string, CellKey>();
    for (const w of fills.values()) keys.set(cellKey(w.sheet, w.address), w);
    for (const n of notes.values()) keys.set(cellKey(n.sheet, n.cell), { sheet: n.sheet, address: n.cell });
    for (const e of stale) keys.set(cellKey(e.sheet, e.address), e);

    const snap = await this.backend.snapshot({ cells: [...keys.values()] });
    const index = entryIndex(snap.journal);
    const writes: CellWrite[] = [];
    const skipped: CellKey[] = [];
    for (const [k, key] of keys) {
      const current = snap.states.get(k)!;
      const entry = index.get(k);
      const w: CellWrite = { sheet: key.sheet, address: key.address };
      const fillWrite = fills.get(k);
      if (fillWrite) w.fill = fillWrite.fill;
      else if (entry && isHighlightFill(entry.after.fill)) w.fill = ownedBase(entry, current, 'fill') as FillState;
      const baseNote = ownedBase(entry, current, 'note') as string | null;
      const n = notes.get(k);
      if (n) {
        const ours = noteTextFor(n.sheet, n.cell, n.findings);
        if (noteKind === 'note') w.note = baseNote ? `${baseNote}\n\n${ours}` : ours;
        else if (baseNote === null) w.note = ours;
        else skipped.push({ sheet: key.sheet, address: key.address });
      } else if (entry && entry.after.note !== entry.before.note) {
        w.note = baseNote;
      }
      writes.push(w);
    }
    const journal = recordWrites(snap.journal, snap.states, writes);
    await this.backend.commit({ writes, journal });
    this.journal = journal;
    return { written: writes.length, skipped: skipped.map(toRef), ...(lockedHit.length ? { protectedSheets: lockedHit } : {}) };
  }

  async applyEdits(edits: ProposedEdit[], confirmOverwrite: ConfirmOverwrite): Promise<WriteReport> {
    this.requireWrite();
    const locked = this.protectedSheets();
    const lockedHit = [...new Set(edits.filter((e) => locked.has(e.sheet)).map((e) => e.sheet))];
    const lockedNote = lockedHit.length ? { protectedSheets: lockedHit } : {};
    const valid = edits.filter((e) => parseA1(e.cell) && !locked.has(e.sheet));
    const keys = valid.map((e) => ({ sheet: e.sheet, address: e.cell.replace(/\$/g, '').toUpperCase() }));
    const snap = await this.backend.snapshot({ cells: keys });
    const nonEmpty = valid
      .map((e, i) => ({ e, key: keys[i], state: snap.states.get(cellKey(keys[i].sheet, keys[i].address))! }))
      .filter((x) => x.state.formula !== '' && x.state.formula !== x.e.value);
    let allowed = true;
    if (nonEmpty.length > 0) {
      allowed = await confirmOverwrite(
        nonEmpty.map((x) => ({ sheet: x.key.sheet, cell: x.key.address, current: x.e.current ?? String(x.state.formula), proposed: x.e.proposed })),
      );
    }
    const declined = new Set(allowed ? [] : nonEmpty.map((x) => cellKey(x.key.sheet, x.key.address)));
    const writes: CellWrite[] = [];
    valid.forEach((e, i) => {
      const key = keys[i];
      if (declined.has(cellKey(key.sheet, key.address))) return;
      const w: CellWrite = { ...key, formula: e.value };
      if (e.numFmt) w.numFmt = e.numFmt;
      writes.push(w);
    });
    const skipped = nonEmpty.filter((x) => declined.has(cellKey(x.key.sheet, x.key.address))).map((x) => toRef(x.key));
    if (writes.length === 0) return { written: 0, skipped, ...lockedNote };
    const journal = recordWrites(snap.journal, snap.states, writes);
    await this.backend.commit({ writes, journal });
    this.journal = journal;
    this.afterEdits(writes);
    return { written: writes.length, skipped, ...lockedNote };
  }

  /** Lets a host update its cached grid after values were written. */
  protected afterEdits(_writes: CellWrite[]): void {}

  async clearMarks(): Promise<RestoreReport> {
    this.requireWrite();
    const pre = this.journal;
    const snap = await this.backend.snapshot({ cells: pre.entries, fingerprint: pre.sheets.map((s) => s.name) });
    // The journal stored in the document is authoritative; read states for any entry the cache did not know.
    const missing = snap.journal.entries.filter((e) => !snap.states.has(cellKey(e.sheet, e.address)));
    const states = missing.length ? new Map([...snap.states, ...(await this.backend.snapshot({ cells: missing })).states]) : snap.states;
    const plan = planRestore(snap.journal, states);
    const sheetsRemoved: string[] = [];
    const sheetsKept: string[] = [];
    for (const s of snap.journal.sheets) {
      const fp = snap.fingerprints.get(s.name);
      if (fp === undefined || fp === null) continue;
      if (fp === s.fingerprint) sheetsRemoved.push(s.name);
      else sheetsKept.push(s.name);
    }
    // Explanations are the accountant's words, not marks: they stay.
    const journal: Journal = snap.journal.explained ? { ...emptyJournal(), explained: snap.journal.explained } : emptyJournal();
    await this.backend.commit({ writes: plan.writes, journal, deleteSheets: sheetsRemoved });
    this.journal = journal;
    return { restored: plan.restored.length, userChanged: plan.userChanged.map(toRef), sheetsRemoved, sheetsKept };
  }

  explanations(): Record<string, string> {
    return { ...(this.journal.explained ?? {}) };
  }

  async setExplanation(key: string, text: string | null): Promise<void> {
    this.requireWrite();
    const snap = await this.backend.snapshot({ cells: [] });
    const explained = { ...(snap.journal.explained ?? {}) };
    if (text && text.trim()) explained[key] = text.trim();
    else delete explained[key];
    const journal: Journal = { ...snap.journal, explained };
    await this.backend.commit({ writes: [], journal });
    this.journal = journal;
  }

  async insertReportSheet(result: CheckResult): Promise<string> {
    this.requireWrite();
    const snap = await this.backend.snapshot({ cells: [] });
    const name = uniqueSheetName(REPORT_SHEET, snap.sheetNames);
    const rows = reportRows(result, snap.journal.explained ?? {});
    const journal: Journal = { ...snap.journal, sheets: [...snap.journal.sheets, { name, fingerprint: fingerprintValues(rows) }] };
    const cells = rows.map((r) => r.map((v) => ({ value: v === '' ? null : v, numFmt: '@' })));
    await this.backend.commit({ writes: [], journal, addSheet: { name, cells, boldFirstRow: true } });
    this.journal = journal;
    return name;
  }

  async insertSheet(name: string, rows: InsertRow[], options: InsertSheetOptions = {}): Promise<string> {
    this.requireWrite();
    const cells = insertCells(rows);
    if (cells.length === 0) throw new HostError('没有可插入的内容');
    const snap = await this.backend.snapshot({ cells: [] });
    const base = name.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || '新工作表';
    const sheetName = uniqueSheetName(base, snap.sheetNames);
    const journal: Journal = { ...snap.journal, sheets: [...snap.journal.sheets, { name: sheetName, fingerprint: fingerprintCells(cells) }] };
    await this.backend.commit({ writes: [], journal, addSheet: { name: sheetName, cells, merges: options.merges, widths: options.widths } });
    this.journal = journal;
    return sheetName;
  }

  async insertAtSelection(rows: InsertRow[]): Promise<InsertReport> {
    this.requireWrite();
    const cells = insertCells(rows);
    const at = await this.backend.selection();
    if (!at) throw new HostError('请先在工作表中选择要插入的起始单元格');
    if (this.protectedSheets().has(at.sheet)) throw new HostError(`工作表“${at.sheet}”受保护，加载项不会写入`);
    const origin = parseA1(at.address.replace(/\$/g, ''));
    if (!origin) throw new HostError(`无法识别所选单元格“${at.address}”`);
    const width = Math.max(1, ...cells.map((r) => r.length));
    const targets: { key: CellKey; cell: InsertCell }[] = [];
    const all: CellKey[] = [];
    cells.forEach((row, i) => {
      for (let j = 0; j < width; j++) {
        const key = { sheet: at.sheet, address: a1(origin.row + i, origin.col + j) };
        all.push(key);
        const cell = row[j];
        if (cell && (cell.formula || (cell.value !== null && cell.value !== ''))) targets.push({ key, cell });
      }
    });
    const snap = await this.backend.snapshot({ cells: all });
    const occupied = all.filter((k) => snap.states.get(cellKey(k.sheet, k.address))!.formula !== '');
    if (occupied.length) {
      const list = occupied.slice(0, 5).map((k) => k.address).join('、') + (occupied.length > 5 ? ` 等 ${occupied.length} 格` : '');
      throw new HostError(`所选位置下方已有内容（${at.sheet}!${list}），为避免覆盖，未插入。请选择一块足够大的空白区域。`);
    }
    const writes: CellWrite[] = targets.map(({ key, cell }) => ({
      ...key,
      formula: cell.formula ? `=${cell.formula}` : cell.value!,
      ...(cell.numFmt ? { numFmt: cell.numFmt } : {}),
      ...(cell.formula && cell.value !== null ? { result: cell.value } : {}),
    }));
    const range = rangeA1(origin.row, origin.col, origin.row + cells.length - 1, origin.col + width - 1);
    if (writes.length === 0) return { sheet: at.sheet, range, written: 0 };
    const states = new Map([...snap.states].filter(([k]) => writes.some((w) => cellKey(w.sheet, w.address) === k)));
    const journal = recordWrites(snap.journal, states, writes.map(({ result: _r, ...w }) => w));
    await this.backend.commit({ writes, journal });
    this.journal = journal;
    this.afterEdits(writes);
    return { sheet: at.sheet, range, written: writes.length };
  }
}

function toRef(k: CellKey): { sheet: string; cell: string } {
  return { sheet: k.sheet, cell: k.address };
}
