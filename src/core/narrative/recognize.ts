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
  if (paragraphs.length < 5 || usedCols.size > 2) return null;
  const long = paragraphs.filter((p) => p.text.length > 30).length;
  const withFigures = paragraphs.filter((p) => FIGURE.test(p.text)).length;
  const headings = paragraphs.filter((p) => HEADING.test(norm(p.text))).length;
  const looksLikeNotes =
    (paragraphs.length >= 10 && long * 2 >= paragraphs.length - headings && withFigures >= 3) || (headings >= 2 && withFigures >= 2);
  if (!looksLikeNotes) return null;
  const recognition: Recognition<NotesModel> = {
    family: 'notes',
    template: 'situation-notes',
    unit: null,
    findings: [],
    sheet,
    model: { paragraphs },
  };
  return recognition;
}
