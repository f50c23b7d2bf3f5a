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
import { parseA1 } from '../core/address';
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
  /**
   * Where the journal came from, set when it is read and never stored (journal-seal.ts): true when it does not carry
   * this installation's signature — another PC's, a crafted one, or one from before journals were signed. A journal
   * built from a foreign one stays foreign, so writing to the workbook never vouches for someone else's entries.
   */
  foreign?: boolean;
  /** Why the stored journal was refused (damaged, too many entries, not single cells): read as empty, never replayed. */
  rejected?: string;
  /**
   * 指定表类型: template ids the accountant set by hand, by sheet name. Not a mark: 清除标记 keeps them, and every
   * later check uses them.
   */
  templates?: Record<string, string>;
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

/** The stored form: provenance (foreign, rejected) is never written, so only a signature can make a journal ours. */
export function serializeJournal(j: Journal): string {
  const { foreign: _f, rejected: _r, ...stored } = j;
  return JSON.stringify(stored);
}

/**
 * At most this many cells in one journal: a real workbook's marks stay far below (a 200 000-row 支出表 with a
 * 尾数误差 in every 997th row: about 1 600), and a journal is stored in the document's settings, so a larger one is
 * refused on reading and never written.
 */
export const MAX_JOURNAL_ENTRIES = 50_000;
/** Sheets the add-in can have added; Excel allows any number, a journal listing more than this is not ours. */
export const MAX_JOURNAL_SHEETS = 1_000;
const MAX_TEXT = 32_767; // Excel's characters per cell
const MAX_SHEET_NAME = 31;
/** A single cell of Excel's grid (A1 … XFD1048576), as the add-in records it: no `$`, no range, no sheet part. */
const SINGLE_CELL = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

function isSingleCell(address: unknown): boolean {
  if (typeof address !== 'string' || !SINGLE_CELL.test(address)) return false;
  const p = parseA1(address);
  return !!p && p.row < 1_048_576 && p.col < 16_384;
}

function isText(v: unknown, max = MAX_TEXT): v is string {
  return typeof v === 'string' && v.length <= max;
}

function isCellState(s: unknown): s is CellState {
  if (!s || typeof s !== 'object') return false;
  const c = s as Record<string, unknown>;
  const fill = c.fill as Record<string, unknown> | null;
  if (!fill || typeof fill !== 'object' || Array.isArray(fill)) return false;
  for (const [k, v] of Object.entries(fill)) {
    if (!(FILL_KEYS as string[]).includes(k)) return false;
    if (!(v === null || v === undefined || typeof v === 'number' || isText(v, 64))) return false;
  }
  const f = c.formula;
  if (!(isText(f) || typeof f === 'boolean' || (typeof f === 'number' && Number.isFinite(f)))) return false;
  return isText(c.numFmt, 255) && (c.note === null || isText(c.note));
}

/**
 * Why a stored journal cannot be used (Chinese, for the pane), or null when every entry is a single cell with
 * well-formed states and the counts are within the caps. Whether its sheets exist is checked against the workbook
 * when it is replayed (journalSheetProblem).
 */
export function journalProblem(j: unknown): string | null {
  if (!j || typeof j !== 'object') return '标记记录已损坏';
  const o = j as Record<string, unknown>;
  if (o.version !== 1 || !Array.isArray(o.entries) || !Array.isArray(o.sheets)) return '标记记录的格式无法识别';
  if (o.entries.length > MAX_JOURNAL_ENTRIES) return `标记记录有 ${o.entries.length} 项，超过 ${MAX_JOURNAL_ENTRIES} 项的上限`;
  if (o.sheets.length > MAX_JOURNAL_SHEETS) return `标记记录列出 ${o.sheets.length} 张新增工作表，超过 ${MAX_JOURNAL_SHEETS} 张的上限`;
  for (const e of o.entries as Record<string, unknown>[]) {
    const where = e && typeof e === 'object' ? `${String(e.sheet)}!${String(e.address)}` : String(e);
    if (!e || typeof e !== 'object' || !isText(e.sheet, MAX_SHEET_NAME) || !e.sheet) return `标记记录中有无法识别的项（${where.slice(0, 60)}）`;
    if (!isSingleCell(e.address)) return `标记记录中的“${where.slice(0, 60)}”不是单个单元格`;
    if (!isCellState(e.before) || !isCellState(e.after)) return `标记记录中 ${where} 的内容无法识别`;
  }
  for (const s of o.sheets as Record<string, unknown>[]) {
    if (!s || typeof s !== 'object' || !isText(s.name, MAX_SHEET_NAME) || !s.name || !isText(s.fingerprint, 200)) return '标记记录中的新增工作表无法识别';
  }
  return null;
}

/** The first entry on a sheet the workbook does not have, as a refusal (Chinese); null when every sheet exists. */
export function journalSheetProblem(j: Journal, sheetNames: Iterable<string>): string | null {
  const names = new Set(sheetNames);
  const stray = j.entries.find((e) => !names.has(e.sheet));
  return stray ? `标记记录中的单元格 ${stray.sheet}!${stray.address} 所在的工作表不存在` : null;
}

/** The number format of text: a value written under it stays text, whatever characters it starts with. */
export const TEXT_FORMAT = '@';

/**
 * How a value write lands in a cell: a formula (`=…` in a cell not formatted as text), text, or a constant (number,
 * boolean, or '' for empty). Text is written under TEXT_FORMAT before its value, never through `formulas`:
 * Office.js turns a string starting with =, + or - into a formula however it arrives.
 */
export function valueKind(value: FormulaValue, numFmt: string | undefined): 'formula' | 'text' | 'constant' {
  if (typeof value !== 'string' || value === '') return 'constant';
  if (value.startsWith('=') && numFmt !== TEXT_FORMAT) return 'formula';
  return 'text';
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
  // Spread first: provenance (foreign) and state other parts keep in the journal travel with it.
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
      // A value goes back with its number format, so a host knows a text from a formula and writes text as text.
      if (!sameAspect(e.before, e.after, 'formula')) {
        w.formula = e.before.formula;
        w.numFmt = e.before.numFmt;
      }
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
