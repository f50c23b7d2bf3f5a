/**
 * One cheap look at a sheet, shared by every family's recogniser (gongkai-layouts.md §3 item 7): the short label
 * texts of its first rows (header words, row labels), and the shape of its text (paragraphs, columns used, numbers).
 * Built once per sheet; a 50 000-row table is looked at only in its first rows.
 */
import { rawText, SheetGrid } from './grid';
import { norm } from './text';

/** Rows looked at: headers, labels and a narrative's paragraphs all lie within them. */
export const PROFILE_ROWS = 400;
/** Cells longer than this are prose (a 情况说明 paragraph), not labels. */
export const LABEL_MAX = 40;
/** The longest title looked at: a table title with the department, year and unit folded into it. */
const TITLE_MAX = 200;
/** A paragraph: a text cell longer than this. */
const PARAGRAPH_MIN = 30;

const HEADING = /^(?:[一二三四五六七八九十]+、.*情况说明|第三部分)/;
const FIGURE = /\d[\d,，]*(?:\.\d+)?\s*(?:万元|元|%|％)/;
const WHITESPACE = /[\s\u3000\u00a0]+/g;
const WHITESPACE_ONE = /[\s\u3000\u00a0]/;
const NUMERIC_TEXT = /^[-(（]?\d[\d,，]*(?:\.\d+)?[)）]?$/;

/** Rows where a title, a marker and the meta lines are looked for (a table may start well down its sheet). */
export const HEAD_ROWS = 40;

export interface HeadText {
  row: number;
  /** As written, trimmed. */
  raw: string;
  /** Normalised (text.ts norm). */
  n: string;
}

export interface SheetProfile {
  /** Every text cell of the first HEAD_ROWS rows, for titles, markers and meta lines. */
  head: HeadText[];
  /** Normalised texts of at most LABEL_MAX characters, first PROFILE_ROWS rows, in reading order. */
  labels: string[];
  /** The labels joined by `|`, for substring tests of header words. */
  joined: string;
  /** Text cells, and how many of them are paragraphs (longer than PARAGRAPH_MIN). */
  texts: number;
  paragraphs: number;
  /** Cells holding a number (or a number written as text). */
  numbers: number;
  /** Columns holding anything. */
  usedColumns: number;
}

/** The text shape of a sheet that may be prose: rows carrying figures (万元/元/%), `一、…情况说明` headings. */
export interface TextShape {
  withFigures: number;
  headings: number;
}

const profiles = new WeakMap<SheetGrid, SheetProfile>();
const shapes = new WeakMap<SheetGrid, TextShape>();

export function sheetProfile(sheet: SheetGrid): SheetProfile {
  let p = profiles.get(sheet);
  if (p) return p;
  p = { head: [], labels: [], joined: '', texts: 0, paragraphs: 0, numbers: 0, usedColumns: 0 };
  const used = new Set<number>();
  const rows = Math.min(sheet.rowCount, PROFILE_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = sheet.cells[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.value === null) continue;
      if (typeof cell.value === 'number') {
        p.numbers++;
        used.add(c);
        continue;
      }
      const raw = rawText(cell).trim();
      if (!raw) continue;
      used.add(c);
      if (raw.length <= LABEL_MAX && NUMERIC_TEXT.test(raw)) {
        p.numbers++;
        continue;
      }
      p.texts++;
      if (raw.length > PARAGRAPH_MIN) p.paragraphs++;
      // Only labels and the head rows are normalised: a long paragraph is never a label, nor a title with its meta.
      if (raw.length > LABEL_MAX * 2 && (r >= HEAD_ROWS || raw.length > TITLE_MAX)) continue;
      const n = norm(raw);
      if (n.length <= LABEL_MAX && typeof cell.value === 'string') p.labels.push(n);
      if (r < HEAD_ROWS) p.head.push({ row: r, raw, n });
    }
  }
  p.usedColumns = used.size;
  p.joined = p.labels.join('|');
  profiles.set(sheet, p);
  return p;
}

/**
 * Whether any text cell of the first rows, its whitespace removed (PDF exports letter-space words), matches `word` — a look
 * at the raw text before the profile normalises every cell, so a family absent from a sheet costs next to nothing.
 * `first` is a class of the words' first characters, much cheaper to scan for than the alternation.
 */
export function anyText(sheet: SheetGrid, first: RegExp, word: RegExp): boolean {
  const rows = Math.min(sheet.rowCount, PROFILE_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = sheet.cells[r];
    if (!row) continue;
    for (const c of row) {
      if (!c || typeof c.value !== 'string' || !first.test(c.value)) continue;
      if (word.test(c.value) || (WHITESPACE_ONE.test(c.value) && word.test(c.value.replace(WHITESPACE, '')))) return true;
    }
  }
  return false;
}

/** Whether more than `max` columns of the first rows hold anything (a grid, not prose); stops as soon as it knows. */
export function usesMoreColumnsThan(sheet: SheetGrid, max: number): boolean {
  const used = new Set<number>();
  const rows = Math.min(sheet.rowCount, PROFILE_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = sheet.cells[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || cell.value === null || cell.value === '' || used.has(c)) continue;
      used.add(c);
      if (used.size > max) return true;
    }
  }
  return false;
}

/** Figures and headings of a sheet's text: looked for only where the sheet may be prose (one or two columns). */
export function textShape(sheet: SheetGrid): TextShape {
  let shape = shapes.get(sheet);
  if (shape) return shape;
  shape = { withFigures: 0, headings: 0 };
  const rows = Math.min(sheet.rowCount, PROFILE_ROWS);
  for (let r = 0; r < rows; r++) {
    for (const cell of sheet.cells[r] ?? []) {
      if (!cell || typeof cell.value !== 'string') continue;
      const raw = cell.value.trim();
      if (!raw) continue;
      if (FIGURE.test(raw)) shape.withFigures++;
      if (HEADING.test(norm(raw))) shape.headings++;
    }
  }
  shapes.set(sheet, shape);
  return shape;
}

/**
 * A sheet of prose (§3 item 7): paragraphs in one or two columns, no grid of numbers. Such a sheet is 情况说明
 * whatever words it contains — a closing `附件：…绩效自评表` line names a table, it is not one.
 */
export function isProse(p: SheetProfile, shape: TextShape): boolean {
  if (p.usedColumns > 2 || p.texts < 5) return false;
  if (p.numbers > Math.max(2, p.texts / 10)) return false;
  return p.paragraphs * 2 >= p.texts - shape.headings;
}
