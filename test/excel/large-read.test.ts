/**
 * Reading under Excel on the web's limits: an ordinary workbook in 2 syncs, a huge sheet without any request Excel
 * would refuse, and hidden rows/columns, merged areas and protection on every path.
 */
import fs from 'fs';
import path from 'path';
import { a1 } from '../../src/core/address';
import { CellRange, SheetGrid } from '../../src/core/grid';
import { ExcelHost, MAX_BYTES_PER_REQUEST, MAX_CELLS_PER_READ } from '../../src/excel/excel-host';
import { ReadProgress } from '../../src/host/host';
import { readXlsx } from '../../src/host/xlsx-read';
import { S } from '../../src/taskpane/strings';
import { FakeDocument, FakeExcel, FakeSheet, MAX_MERGED_AREAS, SyncRecord, supportsUpTo, utf8Bytes } from './fake-excel';
import { tenSheetDocument } from './helpers';

const WEB = { maxPayloadBytes: MAX_BYTES_PER_REQUEST, maxCellsPerRead: MAX_CELLS_PER_READ };

function host(excel: FakeExcel, max = '1.18', limits: { maxBytesPerRequest?: number; maxCellsPerRead?: number } = {}): ExcelHost {
  return new ExcelHost({ run: excel.run, isSetSupported: supportsUpTo(max), ...limits });
}

/** The same document read with no limits at all: what every limited read must reproduce. */
async function unlimited(doc: FakeDocument): Promise<SheetGrid[]> {
  return (await host(new FakeExcel(doc)).readWorkbook()).sheets;
}

function sortRanges(ms: CellRange[]): CellRange[] {
  return [...ms].sort((x, y) => x.top - y.top || x.left - y.left);
}

function sameGrid(got: SheetGrid, want: SheetGrid): void {
  expect(got.cells).toEqual(want.cells);
  expect(sortRanges(got.merges)).toEqual(sortRanges(want.merges));
  expect([...got.hiddenRows].sort((a, b) => a - b)).toEqual([...want.hiddenRows].sort((a, b) => a - b));
  expect([...got.hiddenCols].sort((a, b) => a - b)).toEqual([...want.hiddenCols].sort((a, b) => a - b));
  expect(got.protected).toBe(want.protected);
}

function refused(log: SyncRecord[]): SyncRecord[] {
  return log.filter((l) => l.refused !== undefined || l.nullValues > 0);
}

/** One sheet of `rows` data rows under a title: a code, a name and `cols - 2` amounts with a number format. */
function longSheet(name: string, rows: number, cols = 8): FakeSheet {
  const sheet = new FakeSheet(name);
  sheet.cells.set('A1', { value: '支出决算表' });
  for (let r = 1; r <= rows; r++) {
    sheet.cells.set(a1(r, 0), { value: String(2010000 + r) });
    sheet.cells.set(a1(r, 1), { value: `项目${r}` });
    for (let c = 2; c < cols; c++) sheet.cells.set(a1(r, c), { value: r * 10 + c + 0.25, numFmt: '#,##0.00' });
  }
  return sheet;
}

describe('the fake request context is faithful to what the host relies on', () => {
  test('getIntersectionOrNullObject: the common rectangle, a null object when disjoint, whole-row addresses', async () => {
    const doc = new FakeDocument();
    doc.sheets.push(FakeSheet.fromRows('S', [[null, null], [null, 1, 2], [null, 3, 4], [null, 5, 6]]));
    const excel = new FakeExcel(doc);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const used = ws.getUsedRangeOrNullObject(true);
      const top = used.getIntersectionOrNullObject(ws.getRange('1:3'));
      const none = used.getIntersectionOrNullObject(ws.getRange('1:1'));
      top.load('address,values');
      none.load('address');
      await context.sync();
      expect(top.isNullObject).toBe(false);
      expect(top.address).toBe('S!B2:C3');
      expect(top.values).toEqual([[1, 2], [3, 4]]);
      expect(none.isNullObject).toBe(true);
    });
  });

  test('merged areas are those whose top-left cell is in the range, reported whole; more than 512 fail the batch', async () => {
    const doc = new FakeDocument();
    const sheet = longSheet('S', 600, 4);
    sheet.merges.push({ top: 3, left: 1, bottom: 6, right: 2 });
    doc.sheets.push(sheet);
    const excel = new FakeExcel(doc);
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const holdsAnchor = ws.getRange('B4:C4').getMergedAreasOrNullObject();
      const belowAnchor = ws.getRange('B5:C7').getMergedAreasOrNullObject();
      holdsAnchor.load('address');
      belowAnchor.load('address');
      await context.sync();
      expect(holdsAnchor.address).toBe('S!B4:C7');
      expect(belowAnchor.isNullObject).toBe(true);
    });
    for (let r = 10; r < 10 + MAX_MERGED_AREAS + 1; r++) sheet.merges.push({ top: r, left: 2, bottom: r, right: 3 });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:D600').getMergedAreasOrNullObject().load('address');
        await context.sync();
      }),
    ).rejects.toThrow(/merged areas/);
    expect(excel.log[excel.log.length - 1].refused).toBeDefined();
  });

  test('payloads are counted in UTF-8 bytes', () => {
    expect(utf8Bytes('ab')).toBe(2);
    expect(utf8Bytes('支出')).toBe(6);
    expect(utf8Bytes('𠀀')).toBe(4);
  });
});

describe('an ordinary workbook is read in exactly 2 syncs', () => {
  test('10 sheets × 32 rows × 8 columns: 2 syncs under the web limits, nothing refused', async () => {
    const doc = tenSheetDocument();
    const excel = new FakeExcel(doc, WEB);
    const wb = await host(excel).readWorkbook();
    expect(excel.syncs).toBe(2);
    expect(refused(excel.log)).toEqual([]);
    const want = await unlimited(doc);
    wb.sheets.forEach((s, i) => sameGrid(s, want[i]));
    expect(wb.sheets[0].hiddenRows.has(5)).toBe(true);
    expect(wb.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
  });

  test('10 sheets, one of them 300 rows × 12 columns: still 2 syncs', async () => {
    const doc = tenSheetDocument(9);
    const big = longSheet('支出决算表', 300, 12);
    big.hiddenRows.add(250);
    big.merges.push({ top: 280, left: 1, bottom: 281, right: 1 });
    doc.sheets.push(big);
    const excel = new FakeExcel(doc, WEB);
    const wb = await host(excel).readWorkbook();
    expect(excel.syncs).toBe(2);
    expect(refused(excel.log)).toEqual([]);
    const want = await unlimited(doc);
    wb.sheets.forEach((s, i) => sameGrid(s, want[i]));
    expect(wb.sheets[9].hiddenRows.has(250)).toBe(true);
  });

  test.each(['jiaozuo-2021-gongkai.xlsx', 'jiaozuo-2021-dept-selfeval.xlsx', 'changji-2020-selfeval.xlsx'])(
    'the sample %s, copied into the fake workbook, is read in 2 syncs',
    async (file) => {
      const grid = await readXlsx(new Uint8Array(fs.readFileSync(path.join(__dirname, '../../samples', file))), file);
      const doc = new FakeDocument();
      for (const s of grid.sheets) {
        const sheet = new FakeSheet(s.name);
        s.cells.forEach((row, r) =>
          row?.forEach((c, col) => {
            if (!c || ((c.value === null || c.value === '') && !c.formula)) return;
            sheet.cells.set(a1(r, col), { value: (c.value ?? '') as string | number | boolean, formula: c.formula, numFmt: c.numFmt });
          }),
        );
        sheet.merges = s.merges.map((m) => ({ ...m }));
        s.hiddenRows.forEach((r) => sheet.hiddenRows.add(r));
        doc.sheets.push(sheet);
      }
      const excel = new FakeExcel(doc, WEB);
      const wb = await host(excel).readWorkbook();
      expect(excel.syncs).toBe(2);
      expect(refused(excel.log)).toEqual([]);
      expect(wb.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
      expect(wb.sheets.map((s) => s.merges.length)).toEqual(grid.sheets.map((s) => s.merges.length));
    },
  );
});

describe('a 200 000-row sheet under the web limits', () => {
  const ROWS = 200_000;
  const doc = new FakeDocument();
  const excel = new FakeExcel(doc, WEB);
  let sheet: SheetGrid;
  const progress: ReadProgress[] = [];
  const farMerge = { top: 150_000, left: 1, bottom: 150_001, right: 2 };
  const tallMerge = { top: 99_000, left: 0, bottom: 101_000, right: 0 };

  beforeAll(async () => {
    const big = longSheet('支出明细', ROWS);
    big.hiddenRows.add(5);
    big.hiddenRows.add(123_456);
    big.hiddenRows.add(ROWS);
    big.hiddenCols.add(3);
    big.merges.push({ top: 0, left: 0, bottom: 0, right: 7 }, farMerge, tallMerge);
    big.protected = true;
    doc.sheets.push(tenSheetDocument(1).sheets[0], big);
    sheet = (await host(excel).readWorkbook((p) => progress.push(p))).sheets[1];
  }, 120_000);

  test('progress in row blocks counts cells, says so, and reaches every cell of both sheets', () => {
    const inBlocks = progress.filter((p) => p.counting === 'cells');
    expect(inBlocks.length).toBeGreaterThan(10);
    const total = inBlocks[0].total;
    expect(total).toBeGreaterThanOrEqual((ROWS + 1) * 8);
    expect(inBlocks.every((p) => p.total === total && p.done <= total)).toBe(true);
    expect(inBlocks[inBlocks.length - 1].done).toBe(total);
    for (let i = 1; i < inBlocks.length; i++) expect(inBlocks[i].done).toBeGreaterThanOrEqual(inBlocks[i - 1].done);
    expect(S.reading(1234567, 1600008, 'cells')).toBe('正在读取单元格 1,234,567/1,600,008');
    expect(S.reading(2, 10, 'sheets')).toBe('正在读取工作表 2/10');
  });

  test('no request or response is over 5 MB, no sync is refused and no read is over the cell limit', () => {
    expect(excel.syncs).toBeGreaterThan(2);
    expect(refused(excel.log)).toEqual([]);
    expect(Math.max(...excel.log.map((l) => l.requestBytes))).toBeLessThanOrEqual(MAX_BYTES_PER_REQUEST);
    expect(Math.max(...excel.log.map((l) => l.responseBytes))).toBeLessThanOrEqual(MAX_BYTES_PER_REQUEST);
  });

  test('every row comes through, the last one included', () => {
    expect(sheet.rowCount).toBe(ROWS + 1);
    expect(sheet.cells[ROWS][1]?.value).toBe(`项目${ROWS}`);
    expect(sheet.cells[170_000][4]?.value).toBe(170_000 * 10 + 4 + 0.25);
    expect(sheet.cells[170_000][4]?.numFmt).toBe('#,##0.00');
  });

  test('hidden rows and a hidden column beyond the window reach the SheetGrid', () => {
    expect([...sheet.hiddenRows].sort((a, b) => a - b)).toEqual([5, 123_456, ROWS]);
    expect([...sheet.hiddenCols]).toEqual([3]);
  });

  test('merges beyond the window reach the SheetGrid once each, and blank their non-anchor cells', () => {
    expect(sortRanges(sheet.merges)).toEqual(sortRanges([{ top: 0, left: 0, bottom: 0, right: 7 }, farMerge, tallMerge]));
    expect(sheet.cells[150_000][1]?.value).toBe('项目150000');
    expect(sheet.cells[150_000][2]).toBeUndefined();
    expect(sheet.cells[150_001][1]).toBeUndefined();
    expect(sheet.cells[100_000][0]).toBeUndefined();
  });

  test('protection is reported though the sheet is read in blocks', () => {
    expect(sheet.protected).toBe(true);
  });
});

describe('the bounded path when the second sync fails anyway', () => {
  test('a sheet hundreds of columns wide overflows the windows: blocks follow, with protection, merges and hidden rows', async () => {
    const doc = tenSheetDocument(2);
    const wide = new FakeSheet('宽表');
    for (let r = 0; r < 40; r++) for (let c = 0; c < 600; c += 7) wide.cells.set(a1(r, c), { value: r * 1000 + c });
    wide.hiddenRows.add(33);
    wide.merges.push({ top: 30, left: 7, bottom: 31, right: 8 });
    wide.protected = true;
    doc.sheets.push(wide);
    const limit = 200_000;
    const excel = new FakeExcel(doc, { maxPayloadBytes: limit });
    const wb = await host(excel, '1.18', { maxBytesPerRequest: limit }).readWorkbook();
    // The second sync is the one refusal: the sizes and every block after it stay under the limit.
    expect(excel.log[1].refused).toBe('ResponsePayloadSizeLimitExceeded');
    expect(refused(excel.log.slice(2))).toEqual([]);
    expect(Math.max(...excel.log.slice(2).map((l) => l.responseBytes))).toBeLessThanOrEqual(limit);
    const want = await unlimited(doc);
    wb.sheets.forEach((s, i) => sameGrid(s, want[i]));
    expect(wb.sheets[2].protected).toBe(true);
    expect(wb.sheets[2].hiddenRows.has(33)).toBe(true);
    expect(wb.sheets[2].merges).toEqual([{ top: 30, left: 7, bottom: 31, right: 8 }]);
    expect(wb.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
    expect(wb.sheets[0].hiddenRows.has(5)).toBe(true);
  });

  test('a merge on every row (over 512 in the window): the read falls back and reports every merge once', async () => {
    const doc = new FakeDocument();
    const sheet = longSheet('明细', 1500, 4);
    for (let r = 1; r <= 1500; r++) sheet.merges.push({ top: r, left: 1, bottom: r, right: 2 });
    doc.sheets.push(sheet);
    const excel = new FakeExcel(doc, WEB);
    const [got] = (await host(excel).readWorkbook()).sheets;
    expect(excel.log[1].refused).toBeDefined();
    expect(refused(excel.log.slice(2))).toEqual([]);
    expect(got.merges).toHaveLength(1500);
    sameGrid(got, (await unlimited(doc))[0]);
  });

  test('rows far heavier than the window are refused, re-read in smaller blocks, and nothing is lost', async () => {
    const doc = new FakeDocument();
    const sheet = longSheet('说明', 100, 4);
    const paragraph = '本年度收入支出均按预算执行，'.repeat(15);
    for (let r = 101; r < 400; r++) for (let c = 0; c < 4; c++) sheet.cells.set(a1(r, c), { value: `${r}${paragraph}` });
    doc.sheets.push(sheet);
    const limit = 100_000;
    const excel = new FakeExcel(doc, { maxPayloadBytes: limit });
    const [got] = (await host(excel, '1.18', { maxBytesPerRequest: limit }).readWorkbook()).sheets;
    sameGrid(got, (await unlimited(doc))[0]);
    const accepted = excel.log.filter((l) => l.refused === undefined);
    expect(Math.max(...accepted.map((l) => l.responseBytes))).toBeLessThanOrEqual(limit);
    expect(excel.log.every((l) => l.refused === undefined || l.refused === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
  });
});

describe('requirement sets', () => {
  test('below ExcelApi 1.13 no merged areas are asked for, below 1.9 no row or column properties either', async () => {
    const doc = tenSheetDocument(2, 300);
    const limits = { maxPayloadBytes: 60_000 };
    const at112 = (await host(new FakeExcel(doc, limits), '1.12', { maxBytesPerRequest: 60_000 }).readWorkbook()).sheets;
    expect(at112[0].merges).toEqual([]);
    expect(at112[0].hiddenRows.has(5)).toBe(true);
    const at18 = (await host(new FakeExcel(doc, limits), '1.8', { maxBytesPerRequest: 60_000 }).readWorkbook()).sheets;
    expect(at18[0].hiddenRows.size).toBe(0);
    expect(at18[0].cells).toEqual((await unlimited(doc))[0].cells);
  });
});
