/**
 * The write side of the Office.js host: snapshot the cells a change will touch and commit the change with its
 * journal, one sync each (screen updating suspended while writing). Reached only through the `run` function.
 */
/* global Excel */
import { a1, parseA1 } from '../core/address';
import { HostCapabilities } from '../host/host';
import { CellKey, CellState, FillState, FormulaValue, JOURNAL_KEY, TEXT_FORMAT, cellKey, fingerprintValues, valueKind } from '../host/journal';
import { JournalSeal } from '../host/journal-seal';
import { CommitRequest, JournalBackend, Snapshot, SnapshotRequest } from '../host/journaled-host';
import { NOTE_TAG } from '../host/marks';
import { qualify, splitAddress } from './address';
import type { ExcelRun } from './run';

/** A comment the add-in did not write, shown in the journal in place of its text. */
const USER_COMMENT = '〔单元格已有批注〕';

const FILL_LOAD = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } };

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
export class ExcelBackend implements JournalBackend {
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
              const n = wb.notes.getItemOrNullObject(qualify(c.sheet, c.address));
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
      const { sheet, local } = splitAddress(range.address);
      if (!sheet) return null;
      const first = local.split(':')[0].replace(/\$/g, '');
      return parseA1(first) ? { sheet, address: first } : null;
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
        const qualified = qualify(w.sheet, w.address);
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
