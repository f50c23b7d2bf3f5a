/**
 * Recognises a 情况说明 sheet by its text shape (gongkai-layouts.md §4.11, §3 item 7): one or two used columns of
 * long paragraphs with amounts in 万元/元, percentages, and headings such as `一、…情况说明` or `第三部分`. Prose is
 * its body: a sheet of prose is 情况说明 whatever words it contains.
 */
import { rawText, SheetGrid } from '../grid';
import { norm } from '../text';
import { isProse, sheetProfile, textShape, usesMoreColumnsThan } from '../profile';
import { Candidate, couldBeat, Evidence, EVIDENCE_WEIGHT, Recognition, RecognitionOutcome } from '../recognition';

export interface NotesModel {
  /** Each non-empty paragraph: its 0-based row, column, and text as written. */
  paragraphs: { row: number; col: number; text: string }[];
}

/** The claim of the narrative family, from the sheet's profile alone. */
export function notesCandidates(sheet: SheetGrid, toBeat = 0): Candidate[] {
  // Its strongest claim is a body of prose with its shape: against a stronger one it is not looked at.
  if (!couldBeat(EVIDENCE_WEIGHT.body + EVIDENCE_WEIGHT.shape, toBeat) || usesMoreColumnsThan(sheet, 2)) return [];
  const p = sheetProfile(sheet);
  if (p.texts === 0) return [];
  const shape = textShape(sheet);
  const prose = isProse(p, shape);
  const shaped = (p.texts >= 10 && p.paragraphs * 2 >= p.texts - shape.headings && shape.withFigures >= 3) || (shape.headings >= 2 && shape.withFigures >= 2);
  // A sheet of 绩效自评综述 only has too few rows, headings or figures for the shape test; NC-10 must still run on it.
  const summaries = !prose && !shaped && onlySummaries(readSituationNotes(sheet).model.paragraphs);
  if (!prose && !shaped && !summaries) return [];
  const evidence: Evidence[] = [];
  if (shaped) evidence.push({ kind: 'shape', text: `文字 ${p.texts} 行，其中长段落 ${p.paragraphs} 段、含金额或比率的 ${shape.withFigures} 行${shape.headings ? `、“…情况说明”标题 ${shape.headings} 个` : ''}` });
  return [{
    family: 'notes',
    template: 'situation-notes',
    evidence,
    read: () => {
      const outcome = readSituationNotes(sheet);
      if (prose) return { outcome, evidence: [{ kind: 'body', text: '通篇为文字段落（无表头、无金额列）' }] };
      if (summaries) return { outcome, evidence: [{ kind: 'body', text: '通篇为绩效自评综述' }] };
      return { outcome, evidence: [], lacks: '不是通篇文字' };
    },
  }];
}

/** Reads the paragraphs of a sheet taken for 情况说明 (by its shape, or by the accountant's choice). */
export function readSituationNotes(sheet: SheetGrid): Recognition<NotesModel> {
  const paragraphs: NotesModel['paragraphs'] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = rawText(row[c]).trim();
      if (text) paragraphs.push({ row: r, col: c, text });
    }
  }
  return { family: 'notes', template: 'situation-notes', unit: null, findings: [], sheet, model: { paragraphs } };
}

/** The opening words of a 绩效自评综述 (NT-ZS-P, NT-ZS-D, NT-ZS-R), as drafted and as published. */
const SUMMARY = /绩效自评综述|根据年初设定的绩效目标|绩效自评价结果为/;

/**
 * A sheet of 绩效自评综述 only (the drafts' own sheet, or a department's 综述 kept apart from its 情况说明): prose, at
 * least one 综述 paragraph and every other row a heading or another 综述.
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

/** The narrative family's claim alone (tests; the engine lets it compete with the others). */
export function recognizeSituationNotes(sheet: SheetGrid): RecognitionOutcome {
  return notesCandidates(sheet).length > 0 ? readSituationNotes(sheet) : null;
}
