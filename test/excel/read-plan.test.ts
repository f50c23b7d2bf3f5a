/** Read planning without Office.js: requests stay within Excel's limits, every row is asked for once, never none. */
import fc from 'fast-check';
import { BLOCK_SHARE, mergeSlabs, nextBatch, Piece, utf8Length, weightOf, windowRows } from '../../src/excel/read-plan';
import { splitAddress, qualify, rangeOf, rangesOf } from '../../src/excel/address';

test('batches cover every row of every piece once, in order, within both limits (one oversized row alone)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ rows: fc.integer({ min: 1, max: 2000 }), cols: fc.integer({ min: 1, max: 60 }), weight: fc.integer({ min: 16, max: 4000 }) }), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 50_000, max: 5_000_000 }),
      fc.integer({ min: 5_000, max: 2_000_000 }),
      (sheets, maxBytes, maxCells) => {
        const queue: Piece[] = sheets.map((s, i) => ({ sheet: `S${i}`, top: 3, left: 1, rows: s.rows, cols: s.cols }));
        const weight = (sheet: string) => sheets[Number(sheet.slice(1))].weight;
        const seen = new Map<string, number>(sheets.map((_, i) => [`S${i}`, 3]));
        let requests = 0;
        while (queue.length > 0) {
          const batch = nextBatch(queue, { maxBytes, maxCells }, weight);
          requests++;
          if (batch.length === 0) throw new Error('empty request');
          const bytes = batch.reduce((n, p) => n + p.rows * p.cols * weight(p.sheet), 0);
          const cells = batch.reduce((n, p) => n + p.rows * p.cols, 0);
          const alone = batch.length === 1 && batch[0].rows === 1;
          if (!alone && (bytes > maxBytes * BLOCK_SHARE || cells > maxCells)) throw new Error(`over the limits: ${bytes} B, ${cells} cells`);
          for (const p of batch) {
            if (p.top !== seen.get(p.sheet)) throw new Error(`${p.sheet} row ${p.top} out of order`);
            seen.set(p.sheet, p.top + p.rows);
          }
          if (requests > 100_000) throw new Error('no progress');
        }
        sheets.forEach((s, i) => expect(seen.get(`S${i}`)).toBe(3 + s.rows));
      },
    ),
    { numRuns: 100 },
  );
});

test('the windows of all sheets share one request', () => {
  expect(windowRows(5 * 1024 * 1024, 10)).toBe(Math.floor((5 * 1024 * 1024 * 0.6) / 1024 / 10));
  expect(windowRows(1000, 50)).toBe(1);
});

test('merged areas are asked for in slabs of at most 512 cells covering the piece', () => {
  expect(mergeSlabs({ sheet: 'S', top: 0, left: 0, rows: 1000, cols: 100 })).toEqual(Array.from({ length: 200 }, (_, i) => `A${i * 5 + 1}:CV${i * 5 + 5}`));
  expect(mergeSlabs({ sheet: 'S', top: 9, left: 2, rows: 3, cols: 1000 })).toEqual(['C10:ALN10', 'C11:ALN11', 'C12:ALN12']);
});

test('weights come from UTF-8 bytes: 科目名称 are three bytes a character, an empty block keeps a floor', () => {
  expect(utf8Length('科目a')).toBe(7);
  expect(utf8Length('😀')).toBe(4);
  expect(weightOf([[['一般公共服务支出']]], 1)).toBeGreaterThan(weightOf([[['abc']]], 1));
  expect(weightOf([[[null]]], 1000)).toBe(16);
});

test('one address helper: sheet names quoted both ways, ranges with or without $ and sheet', () => {
  expect(splitAddress("'公开01 (2)'!$C$5:D6")).toEqual({ sheet: '公开01 (2)', local: '$C$5:D6' });
  expect(splitAddress("'It''s'!A1")).toEqual({ sheet: "It's", local: 'A1' });
  expect(splitAddress('A1')).toEqual({ sheet: '', local: 'A1' });
  expect(qualify("It's", 'B2')).toBe("'It''s'!B2");
  expect(splitAddress(qualify("It's", 'B2'))).toEqual({ sheet: "It's", local: 'B2' });
  expect(rangeOf('Sheet1!$C$5:D6')).toEqual({ top: 4, left: 2, bottom: 5, right: 3 });
  expect(rangesOf('Sheet1!A1:B2, Sheet1!C3')).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }, { top: 2, left: 2, bottom: 2, right: 2 }]);
});
