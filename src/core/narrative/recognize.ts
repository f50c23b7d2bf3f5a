/**
 * Recognises a 情况说明 sheet by its text shape (gongkai-layouts.md §4.11): one used column of long paragraphs with
 * amounts in 万元/元, percentages, and headings such as `一、…情况说明` or `第三部分`.
 */
import { rawText, SheetGrid } from '../grid';
import { norm } from '../text';
import type { Recognition, RecognitionOutcome } from '../recognition';

export interface NotesModel {
  /** Each non-empty paragraph: its 0-based row, column, and text as written. */
  paragraphs: { row: number; col: number; text: string }[];
}

const HEADING = /^(?:[一二三四五六七八九十]+、.*情况说明|第三部分)/;
const FIGURE = /\d[\d,，]*(?:\.\d+)?\s*(?:万元|元|%|％)/;

export function recognizeSituationNotes(sheet: SheetGrid): RecognitionOutcome {
  const paragraphs: NotesModel['paragraphs'] = [];
  const usedCols = new Set<number>();
  for (let r = 0; r < sheet.rowCount; r++) {
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = rawText(row[c]).trim();
      if (!text) continue;
      usedCols.add(c);
      paragraphs.push({ row: r, col: c, text });
    }
  }
  if (usedCols.size > 2 || paragraphs.length === 0) return null;
  if (paragraphs.length < 5) return onlySummaries(paragraphs) ? recognition(sheet, paragraphs) : null;
  const long = paragraphs.filter((p) => p.text.length > 30).length;
  const withFigures = paragraphs.filter((p) => FIGURE.test(p.text)).length;
  const headings = paragraphs.filter((p) => HEADING.test(norm(p.text))).length;
  const looksLikeNotes =
    (paragraphs.length >= 10 && long * 2 >= paragraphs.length - headings && withFigures >= 3) || (headings >= 2 && withFigures >= 2);
  if (!looksLikeNotes && !onlySummaries(paragraphs)) return null;
  return recognition(sheet, paragraphs);
}

function recognition(sheet: SheetGrid, paragraphs: NotesModel['paragraphs']): Recognition<NotesModel> {
  return { family: 'notes', template: 'situation-notes', unit: null, findings: [], sheet, model: { paragraphs } };
}

/** The opening words of a 绩效自评综述 (NT-ZS-P, NT-ZS-D, NT-ZS-R), as drafted and as published. */
const SUMMARY = /绩效自评综述|根据年初设定的绩效目标|绩效自评价结果为/;

/**
 * A sheet of 绩效自评综述 only (the drafts' own sheet, or a department's 综述 kept apart from its 情况说明): prose, at
 * least one 综述 paragraph and every other row a heading or another 综述. It has too few rows, headings or figures
 * for the general test, and NC-10 must still run on it.
 */
function onlySummaries(paragraphs: NotesModel['paragraphs']): boolean {
  let summaries = 0;
  for (const p of paragraphs) {
    const n = norm(p.text);
    if (SUMMARY.test(n) && n.length > 30) summaries++;
    else if (n.length > 40) return false;
  }
  return summaries >= 1;
}
