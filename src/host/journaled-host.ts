/**
 * The write operations every host shares, built on a two-call storage backend: `snapshot` (one round trip: the
 * current state of the cells about to be touched, the stored journal, sheet names) and `commit` (one round trip:
 * store the journal, then write). Each operation is therefore exactly two round trips in Excel.
 */
import { a1, parseA1, rangeA1 } from '../core/address';
import { CheckResult, Finding, ProposedEdit, SheetSummary, TEMPLATE_LABEL, TemplateId } from '../core/findings';
import { WorkbookGrid } from '../core/grid';
import {
  ConfirmForeignRestore,
  ConfirmOverwrite,
  ForeignChange,
  ForeignRestorePlan,
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
  MAX_JOURNAL_ENTRIES,
  TEXT_FORMAT,
  cellKey,
  emptyJournal,
  entryIndex,
  fingerprintValues,
  journalSheetProblem,
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

/**
 * A constant written as text goes in under the text format (Office.js turns a string starting with =, + or - into
 * a formula, and a typed 待填项 must stay text). A format the caller names is kept (the host applies it after the
 * value) unless the text starts with =, which only the text format keeps from being read as a formula.
 */
export function textSafe<W extends CellWrite>(w: W): W {
  const v = w.formula;
  return typeof v === 'string' && v !== '' && (w.numFmt === undefined || v.startsWith('=')) ? { ...w, numFmt: TEXT_FORMAT } : w;
}

/** Refuses a write whose journal would pass the cap a journal is read back under. */
function withinCap(journal: Journal): Journal {
  if (journal.entries.length > MAX_JOURNAL_ENTRIES) {
    throw new HostError(`要标记或写入的单元格过多（${journal.entries.length} 个，上限 ${MAX_JOURNAL_ENTRIES} 个），未写入；请先清除标记，或只对部分工作表审核`);
  }
  return journal;
}

function describeFill(f: FillState): string {
  return f.pattern === 'None' || (!f.pattern && !f.color) ? '无填色' : String(f.color ?? f.pattern);
}

function describeValue(v: CellState['formula']): string {
  return v === '' ? '（空）' : String(v);
}

/** Every aspect a restore write changes, described as the cell shows it now and as it would become. */
function describeWrites(writes: CellWrite[], states: Map<string, CellState>): ForeignChange[] {
  const out: ForeignChange[] = [];
  for (const w of writes) {
    const now = states.get(cellKey(w.sheet, w.address))!;
    const at = { sheet: w.sheet, cell: w.address };
    if (w.formula !== undefined && w.formula !== now.formula) out.push({ ...at, aspect: 'content', from: describeValue(now.formula), to: describeValue(w.formula) });
    if (w.numFmt !== undefined && w.numFmt !== now.numFmt) out.push({ ...at, aspect: 'numFmt', from: now.numFmt, to: w.numFmt });
    if (w.fill !== undefined) out.push({ ...at, aspect: 'fill', from: describeFill(now.fill), to: describeFill(w.fill) });
    if (w.note !== undefined) out.push({ ...at, aspect: 'note', from: now.note ?? '无批注', to: w.note ?? '无批注' });
  }
  return out;
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
    const journal = withinCap(recordWrites(snap.journal, snap.states, writes));
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
      writes.push(textSafe(w));
    });
    const skipped = nonEmpty.filter((x) => declined.has(cellKey(x.key.sheet, x.key.address))).map((x) => toRef(x.key));
    if (writes.length === 0) return { written: 0, skipped, ...lockedNote };
    const journal = withinCap(recordWrites(snap.journal, snap.states, writes));
    await this.backend.commit({ writes, journal });
    this.journal = journal;
    this.afterEdits(writes);
    return { written: writes.length, skipped, ...lockedNote };
  }

  /** 指定表类型: the templates set by hand, as stored in the workbook with the journal. */
  templateChoices(): Map<string, TemplateId> {
    return new Map(Object.entries(this.journal.templates ?? {}).filter(([, t]) => t in TEMPLATE_LABEL) as [string, TemplateId][]);
  }

  /**
   * Sets (or, with null, clears) a sheet's template, stored in the workbook with the journal so every later check
   * uses it. Where the host cannot write, the choice lasts for the session only.
   */
  async setTemplateChoice(sheet: string, template: TemplateId | null): Promise<void> {
    const base = this.capabilities.canWrite ? (await this.backend.snapshot({ cells: [] })).journal : this.journal;
    const templates = { ...(base.templates ?? {}) };
    if (template) templates[sheet] = template;
    else delete templates[sheet];
    const journal: Journal = { ...base, templates };
    if (this.capabilities.canWrite) await this.backend.commit({ writes: [], journal });
    this.journal = journal;
  }

  /** Lets a host update its cached grid after values were written. */
  protected afterEdits(_writes: CellWrite[]): void {}

  async clearMarks(confirmForeign?: ConfirmForeignRestore): Promise<RestoreReport> {
    this.requireWrite();
    const pre = this.journal;
    const known = this.workbook ? new Set(this.workbook.sheets.map((s) => s.name)) : null;
    // The cached journal's cells are read in the same round trip (the common case: our own journal, two syncs);
    // a foreign or refused one is read only after it was checked against the workbook's sheets.
    const first = pre.foreign || pre.rejected ? [] : pre.entries.filter((e) => !known || known.has(e.sheet));
    const snap = await this.backend.snapshot({ cells: first, fingerprint: pre.sheets.map((s) => s.name) });
    // The journal stored in the document is authoritative; its provenance was established as it was read.
    let stored = snap.journal;
    // A foreign journal naming a sheet the workbook does not have is refused whole; our own keeps its other cells.
    const rejected = stored.rejected ?? (stored.foreign ? journalSheetProblem(stored, snap.sheetNames) : null);
    const none = { restored: 0, userChanged: [], sheetsRemoved: [], sheetsKept: [] };
    if (rejected) {
      // Nothing of it is replayed; the refused journal is replaced, so the next 一键审核 starts clean.
      await this.backend.commit({ writes: [], journal: emptyJournal() });
      this.journal = emptyJournal();
      return { ...none, rejected };
    }
    const names = new Set(snap.sheetNames);
    const gone = stored.entries.filter((e) => !names.has(e.sheet));
    if (gone.length) stored = { ...stored, entries: stored.entries.filter((e) => names.has(e.sheet)) };
    const missing = stored.entries.filter((e) => !snap.states.has(cellKey(e.sheet, e.address)));
    const unprinted = stored.sheets.map((s) => s.name).filter((n) => !snap.fingerprints.has(n));
    let states = snap.states;
    let fingerprints = snap.fingerprints;
    if (missing.length || unprinted.length) {
      const more = await this.backend.snapshot({ cells: missing, fingerprint: unprinted });
      states = new Map([...snap.states, ...more.states]);
      fingerprints = new Map([...snap.fingerprints, ...more.fingerprints]);
    }
    const plan = planRestore(stored, states);
    const sheetsRemoved: string[] = [];
    const sheetsKept: string[] = [];
    for (const s of stored.sheets) {
      const fp = fingerprints.get(s.name);
      if (fp === undefined || fp === null) continue;
      if (fp === s.fingerprint) sheetsRemoved.push(s.name);
      else sheetsKept.push(s.name);
    }
    let writes = plan.writes;
    let deleteSheets = sheetsRemoved;
    let marksOnly = false;
    if (stored.foreign && (writes.length || deleteSheets.length)) {
      const foreignPlan: ForeignRestorePlan = { changes: describeWrites(writes, states), deleteSheets };
      const choice = confirmForeign ? await confirmForeign(foreignPlan) : null;
      if (choice === null) return { ...none, declined: true };
      if (choice === 'marks') {
        marksOnly = true;
        deleteSheets = [];
        writes = writes
          .map((w) => ({ sheet: w.sheet, address: w.address, ...(w.fill !== undefined ? { fill: w.fill } : {}), ...(w.note !== undefined ? { note: w.note } : {}) }))
          .filter((w) => w.fill !== undefined || w.note !== undefined);
      }
    }
    // Explanations and 指定表类型 choices are the accountant's, not marks: they stay.
    const journal: Journal = { ...emptyJournal(), ...(stored.explained ? { explained: stored.explained } : {}), ...(stored.templates ? { templates: stored.templates } : {}) };
    await this.backend.commit({ writes, journal, deleteSheets });
    this.journal = journal;
    const userChanged = [...plan.userChanged, ...gone].map(toRef);
    if (marksOnly) return { restored: writes.length, userChanged, sheetsRemoved: [], sheetsKept: [], marksOnly };
    return { restored: plan.restored.length, userChanged, sheetsRemoved, sheetsKept };
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
    const writes: CellWrite[] = targets.map(({ key, cell }) =>
      cell.formula
        ? { ...key, formula: `=${cell.formula}`, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}), ...(cell.value !== null ? { result: cell.value } : {}) }
        : textSafe({ ...key, formula: cell.value!, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) }),
    );
    const range = rangeA1(origin.row, origin.col, origin.row + cells.length - 1, origin.col + width - 1);
    if (writes.length === 0) return { sheet: at.sheet, range, written: 0 };
    const states = new Map([...snap.states].filter(([k]) => writes.some((w) => cellKey(w.sheet, w.address) === k)));
    const journal = withinCap(recordWrites(snap.journal, states, writes.map(({ result: _r, ...w }) => w)));
    await this.backend.commit({ writes, journal });
    this.journal = journal;
    this.afterEdits(writes);
    return { sheet: at.sheet, range, written: writes.length };
  }
}

function toRef(k: CellKey): { sheet: string; cell: string } {
  return { sheet: k.sheet, cell: k.address };
}
