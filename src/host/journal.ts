/**
 * The change journal, shared by every host that writes: before any write the prior fill, value/formula, number
 * format and note of each touched cell are recorded, and the journal is stored in the document in the same round
 * trip as the write, so 清除标记 can put back exactly what was there — also after the file is closed and reopened.
 *
 * Ownership is per aspect: an aspect (fill, formula, numFmt, note) still showing what the add-in wrote is ours and
 * its `before` is the original; an aspect the user changed afterwards becomes the user's new baseline. On restore a
 * cell whose state differs in any way from what the add-in last wrote is left alone and reported.
 * Pure data and functions only: storage (workbook settings, an in-memory map) is the host's business.
 */
export { findingKey } from '../core/edits';

export interface FillState {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

/** What `Range.formulas` holds: a formula (`=A1+B1`), a constant, or '' for an empty cell. */
export type FormulaValue = string | number | boolean;

export interface CellState {
  fill: FillState;
  formula: FormulaValue;
  numFmt: string;
  /** Note (or our comment) text; null when the cell has none. */
  note: string | null;
}

export type Aspect = keyof CellState;
export const ASPECTS: Aspect[] = ['fill', 'formula', 'numFmt', 'note'];

export interface CellKey {
  sheet: string;
  address: string;
}

/** A write: only the aspects present are changed. */
export interface CellWrite extends CellKey {
  fill?: FillState;
  formula?: FormulaValue;
  numFmt?: string;
  note?: string | null;
  /** The result a written formula shows, for a host that does not calculate (not journaled: Excel recalculates). */
  result?: string | number;
}

export interface JournalEntry extends CellKey {
  before: CellState;
  after: CellState;
}

export interface AddedSheet {
  name: string;
  /** Fingerprint of the values the add-in wrote; a sheet that no longer matches was edited by the user. */
  fingerprint: string;
}

export interface Journal {
  version: 1;
  entries: JournalEntry[];
  sheets: AddedSheet[];
  /**
   * 已说明: the accountant's explanation per finding (key: findingKey), kept with the journal so it travels with the
   * workbook; not a cell write, so 清除标记 keeps it.
   */
  explained?: Record<string, string>;
}

export const JOURNAL_KEY = 'juesuan.journal';

export function emptyJournal(): Journal {
  return { version: 1, entries: [], sheets: [] };
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

export function parseJournal(text: string | null | undefined): Journal {
  if (!text) return emptyJournal();
  try {
    const j = JSON.parse(text) as Journal;
    if (j && j.version === 1 && Array.isArray(j.entries) && Array.isArray(j.sheets)) return j;
  } catch {
    /* a damaged journal is treated as empty: nothing is restored rather than something wrong */
  }
  return emptyJournal();
}

export function serializeJournal(j: Journal): string {
  return JSON.stringify(j);
}

const FILL_KEYS: (keyof FillState)[] = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'];

function norm(v: unknown): unknown {
  return typeof v === 'string' ? v.toUpperCase() : v;
}

/** Whether `current` shows `expected`; keys `expected` leaves undefined are not compared (Excel fills in defaults). */
export function fillMatches(current: FillState, expected: FillState): boolean {
  for (const k of FILL_KEYS) {
    const e = expected[k];
    if (e === undefined) continue;
    if (norm(current[k] ?? null) !== norm(e)) return false;
  }
  return true;
}

export function aspectMatches(current: CellState, expected: CellState, aspect: Aspect): boolean {
  if (aspect === 'fill') return fillMatches(current.fill, expected.fill);
  return current[aspect] === expected[aspect];
}

export function stateMatches(current: CellState, expected: CellState): boolean {
  return ASPECTS.every((a) => aspectMatches(current, expected, a));
}

function sameAspect(a: CellState, b: CellState, aspect: Aspect): boolean {
  return aspectMatches(a, b, aspect) && aspectMatches(b, a, aspect);
}

/** The value of `aspect` the cell should go back to if restored now: the original while the add-in still owns it. */
export function ownedBase(entry: JournalEntry | undefined, current: CellState, aspect: Aspect): CellState[Aspect] {
  if (entry && aspectMatches(current, entry.after, aspect)) return entry.before[aspect];
  return current[aspect];
}

export function entryIndex(journal: Journal): Map<string, JournalEntry> {
  return new Map(journal.entries.map((e) => [cellKey(e.sheet, e.address), e]));
}

/**
 * Records `writes` (made to cells whose current state is in `states`) into a copy of the journal.
 * Several writes to one cell are merged in order. An entry whose after equals its before is dropped.
 */
export function recordWrites(journal: Journal, states: Map<string, CellState>, writes: CellWrite[]): Journal {
  const index = entryIndex(journal);
  const merged = new Map<string, CellWrite>();
  for (const w of writes) {
    const k = cellKey(w.sheet, w.address);
    merged.set(k, { ...(merged.get(k) ?? {}), ...w });
  }
  for (const [k, w] of merged) {
    const current = states.get(k);
    if (!current) throw new Error(`journal: no recorded state for ${w.sheet}!${w.address}`);
    const old = index.get(k);
    const before: CellState = {
      fill: ownedBase(old, current, 'fill') as FillState,
      formula: ownedBase(old, current, 'formula') as FormulaValue,
      numFmt: ownedBase(old, current, 'numFmt') as string,
      note: ownedBase(old, current, 'note') as string | null,
    };
    const after: CellState = {
      fill: w.fill !== undefined ? { ...w.fill } : current.fill,
      formula: w.formula !== undefined ? w.formula : current.formula,
      numFmt: w.numFmt !== undefined ? w.numFmt : current.numFmt,
      note: w.note !== undefined ? w.note : current.note,
    };
    if (ASPECTS.every((a) => sameAspect(before, after, a))) index.delete(k);
    else index.set(k, { sheet: w.sheet, address: w.address, before, after });
  }
  return { ...journal, version: 1, entries: [...index.values()], sheets: journal.sheets.slice() };
}

export interface RestorePlan {
  writes: CellWrite[];
  restored: CellKey[];
  userChanged: CellKey[];
}

/** Writes that put every cell the add-in still owns back to its prior state; the rest is reported, not touched. */
export function planRestore(journal: Journal, states: Map<string, CellState>): RestorePlan {
  const plan: RestorePlan = { writes: [], restored: [], userChanged: [] };
  for (const e of journal.entries) {
    const current = states.get(cellKey(e.sheet, e.address));
    if (!current) {
      plan.userChanged.push({ sheet: e.sheet, address: e.address });
      continue;
    }
    if (stateMatches(current, e.after)) {
      const w: CellWrite = { sheet: e.sheet, address: e.address };
      if (!sameAspect(e.before, e.after, 'fill')) w.fill = e.before.fill;
      if (!sameAspect(e.before, e.after, 'formula')) w.formula = e.before.formula;
      if (!sameAspect(e.before, e.after, 'numFmt')) w.numFmt = e.before.numFmt;
      if (!sameAspect(e.before, e.after, 'note')) w.note = e.before.note;
      plan.writes.push(w);
      plan.restored.push({ sheet: e.sheet, address: e.address });
    } else if (!stateMatches(current, e.before) || !stateMatches(e.before, current)) {
      plan.userChanged.push({ sheet: e.sheet, address: e.address });
    }
  }
  return plan;
}

/** A stable fingerprint of a block of values (trailing empty rows and cells ignored). */
export function fingerprintValues(rows: unknown[][]): string {
  const cleaned = rows.map((r) => {
    const out = r.map((v) => (v === null || v === undefined ? '' : String(v)));
    while (out.length && out[out.length - 1] === '') out.pop();
    return out;
  });
  while (cleaned.length && cleaned[cleaned.length - 1].length === 0) cleaned.pop();
  const text = JSON.stringify(cleaned);
  let h1 = 0x811c9dc5;
  let h2 = 5381;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
    h2 = (Math.imul(h2, 33) + c) >>> 0;
  }
  return `${text.length}:${h1.toString(16)}:${h2.toString(16)}`;
}
