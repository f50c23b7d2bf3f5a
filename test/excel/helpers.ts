import { a1 } from '../../src/core/address';
import { Finding } from '../../src/core/findings';
import { DEFAULT_FILL, FakeDocument, FakeSheet } from './fake-excel';

/** A workbook of `sheets` sheets, each a small table with a title, header and `rows` numeric rows. */
export function tenSheetDocument(sheets = 10, rows = 30, cols = 8): FakeDocument {
  const doc = new FakeDocument();
  for (let s = 0; s < sheets; s++) {
    const data: (string | number | null)[][] = [[`表${s + 1} 标题`], ['项目', ...Array.from({ length: cols - 1 }, (_, i) => `列${i + 1}`)]];
    for (let r = 0; r < rows; r++) data.push([`科目${r + 1}`, ...Array.from({ length: cols - 1 }, (_, i) => (r + 1) * 100 + i + 0.25)]);
    const sheet = FakeSheet.fromRows(`公开${String(s + 1).padStart(2, '0')}表`, data);
    sheet.merges.push({ top: 0, left: 0, bottom: 0, right: cols - 1 });
    sheet.hiddenRows.add(5);
    doc.sheets.push(sheet);
  }
  return doc;
}

export function finding(sheet: string, cell: string, severity: Finding['severity'] = 'error', rule = 'G-TEST'): Finding {
  return { sheet, cell, rule, severity, stated: '1.00', expected: '2.00', difference: '-1.00', message: '合计不等于各项之和' };
}

export interface PlainCell {
  value: unknown;
  numFmt: string;
  fill: Record<string, unknown>;
  note: string | null;
}

/** Every cell of every sheet as plain data (notes and comments included), to compare whole documents. */
export function dump(doc: FakeDocument, width = 12, height = 40): Record<string, PlainCell> {
  const out: Record<string, PlainCell> = {};
  for (const s of doc.sheets) {
    for (let r = 0; r < height; r++)
      for (let c = 0; c < width; c++) {
        const addr = a1(r, c);
        const cell = s.get(addr);
        const comment = doc.comments.find((x) => x.sheet === s.name && x.address === addr);
        out[`${s.name}!${addr}`] = {
          value: cell?.formula ? `=${cell.formula}` : (cell?.value ?? ''),
          numFmt: cell?.numFmt ?? 'General',
          fill: { ...DEFAULT_FILL, ...(cell?.fill ?? {}) },
          note: doc.notes.get(`${s.name}!${addr}`)?.content ?? comment?.content ?? null,
        };
      }
  }
  return out;
}
