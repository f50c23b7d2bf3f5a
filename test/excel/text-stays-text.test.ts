/**
 * Text stays text (issue 20 item 7): every text the add-in writes — a draft, a typed 待填项, the 审核结果 sheet, a
 * restored text — goes in under the text format before its value, never through `formulas`, so a text such as
 * =HYPERLINK(…), -5 or +1 is not turned into a formula or a number by Office.js; a restored formula is a formula again.
 * The fake context enters values as Office.js does (a string starting with =, + or - becomes a formula or a number
 * unless the cell is formatted as text) and records the order of every cell write.
 */
import { CheckResult } from '../../src/core/findings';
import { makeSheetGrid } from '../../src/core/grid';
import { ExcelHost } from '../../src/excel/excel-host';
import { MemoryHost, memoryDocument } from '../../src/host/memory-host';
import { FakeDocument, FakeExcel, FakeSheet, supportsUpTo } from './fake-excel';
import { dump, finding } from './helpers';

const TRICKY = ['=HYPERLINK("http://example.invalid","点此")', '-5', '+1', '=1+1', '（待填：收入合计）'];

function excelDoc(): FakeDocument {
  const doc = new FakeDocument();
  const s = FakeSheet.fromRows('说明', [['标题']]);
  s.cells.set('C2', { value: 10, formula: 'A9*2' });
  s.cells.set('D2', { value: '-5', numFmt: '@' });
  doc.sheets.push(s);
  return doc;
}

function excelHost(doc: FakeDocument): ExcelHost {
  return new ExcelHost({ run: new FakeExcel(doc).run, isSetSupported: supportsUpTo('1.18') });
}

/** For each written cell: the text format went in before the first value, and nothing went through `formulas`. */
function expectWrittenAsText(doc: FakeDocument, sheet: string, addresses: string[]): void {
  for (const address of addresses) {
    const writes = doc.cellWrites.filter((w) => w.sheet === sheet && w.address === address);
    const format = writes.findIndex((w) => w.via === 'numberFormat' && w.value === '@');
    const value = writes.findIndex((w) => w.via === 'values');
    expect({ address, format: format >= 0, formatFirst: format < value }).toEqual({ address, format: true, formatFirst: true });
    expect(writes.filter((w) => w.via === 'formulas')).toEqual([]);
  }
}

describe('the Office.js host over the fake context', () => {
  test('a draft or 待填项 inserted at the selection stays text, whatever it starts with', async () => {
    const doc = excelDoc();
    const original = dump(doc);
    doc.selection = { sheet: '说明', address: 'A4' };
    const host = excelHost(doc);
    await host.readWorkbook();
    await host.insertAtSelection(TRICKY.map((t) => [t]));
    TRICKY.forEach((t, i) => {
      const cell = doc.sheets[0].get(`A${4 + i}`)!;
      expect({ value: cell.value, formula: cell.formula, numFmt: cell.numFmt }).toEqual({ value: t, formula: undefined, numFmt: '@' });
    });
    expectWrittenAsText(doc, '说明', TRICKY.map((_, i) => `A${4 + i}`));
    await host.clearMarks();
    expect(dump(doc)).toEqual(original);
  });

  test('a draft sheet and the 审核结果 sheet are written as text; a template formula is still a formula', async () => {
    const doc = excelDoc();
    const host = excelHost(doc);
    await host.readWorkbook();
    const name = await host.insertSheet('情况说明（草稿）', [[TRICKY[0]], [TRICKY[1]], [{ value: 3, formula: 'SUM(1,2)' }], [{ value: 12.5, numFmt: '0.00' }]]);
    const sheet = doc.sheets.find((s) => s.name === name)!;
    expect(sheet.get('A1')).toMatchObject({ value: TRICKY[0], numFmt: '@' });
    expect(sheet.get('A1')?.formula).toBeUndefined();
    expect(sheet.get('A2')).toMatchObject({ value: '-5', numFmt: '@' });
    expect(sheet.get('A3')).toMatchObject({ formula: 'SUM(1,2)', numFmt: 'General' });
    expect(sheet.get('A4')).toMatchObject({ value: 12.5, numFmt: '0.00' });
    expectWrittenAsText(doc, name, ['A1', 'A2']);

    const result = { findings: [{ ...finding('说明', 'A1'), message: '=HYPERLINK("http://example.invalid","x")', stated: '-5' }], sheets: [] } as unknown as CheckResult;
    const report = await host.insertReportSheet(result);
    const rs = doc.sheets.find((s) => s.name === report)!;
    expect(rs.get('F2')).toMatchObject({ value: '=HYPERLINK("http://example.invalid","x")', numFmt: '@' });
    expect(rs.get('F2')?.formula).toBeUndefined();
    expect(rs.get('G2')).toMatchObject({ value: '-5', numFmt: '@' });
    expectWrittenAsText(doc, report, ['F2', 'G2']);
  });

  test('清除标记 puts a text back as text and a formula back as a formula', async () => {
    const doc = excelDoc();
    const original = dump(doc);
    const host = excelHost(doc);
    await host.readWorkbook();
    await host.applyEdits(
      [
        { sheet: '说明', cell: 'C2', current: '10', proposed: '7', value: 7, rule: 'X' },
        { sheet: '说明', cell: 'D2', current: '-5', proposed: '8', value: 8, rule: 'X' },
      ],
      async () => true,
    );
    expect(doc.sheets[0].get('D2')).toMatchObject({ value: 8 });
    doc.cellWrites = [];
    await host.clearMarks();
    expect(doc.sheets[0].get('C2')?.formula).toBe('A9*2');
    expect(doc.cellWrites.filter((w) => w.address === 'C2' && w.via === 'formulas')).toHaveLength(1);
    expect(doc.sheets[0].get('D2')).toEqual({ value: '-5', numFmt: '@' });
    expectWrittenAsText(doc, '说明', ['D2']);
    expect(dump(doc)).toEqual(original);
  });

  test('a text restored into a cell of another format keeps that format and stays text', async () => {
    const doc = excelDoc();
    doc.sheets[0].cells.set('E2', { value: '+1' }); // text in a General cell, as an apostrophe leaves it
    const original = dump(doc);
    const host = excelHost(doc);
    await host.readWorkbook();
    await host.applyEdits([{ sheet: '说明', cell: 'E2', current: '+1', proposed: '2', value: 2, rule: 'X' }], async () => true);
    doc.cellWrites = [];
    await host.clearMarks();
    expect(doc.sheets[0].get('E2')).toEqual({ value: '+1', numFmt: 'General' });
    expectWrittenAsText(doc, '说明', ['E2']);
    expect(dump(doc)).toEqual(original);
  });
});

describe('the memory host', () => {
  test('inserted text is text under the text format; restore brings back the formula and the text', async () => {
    const grid = makeSheetGrid({ name: '说明', cells: [[{ value: '标题' }], [undefined, undefined, { value: 10, formula: 'A9*2' }, { value: '-5', numFmt: '@' }]] });
    const host = new MemoryHost(memoryDocument({ fileName: 't.xlsx', sheets: [grid] }));
    await host.readWorkbook();
    host.selection = { sheet: '说明', address: 'A4' };
    await host.insertAtSelection(TRICKY.map((t) => [t]));
    TRICKY.forEach((t, i) => expect(host.doc.sheets[0].grid.cells[3 + i][0]).toEqual({ value: t, numFmt: '@' }));
    const name = await host.insertSheet('草稿', [[TRICKY[0]]]);
    expect(host.doc.sheets.find((s) => s.grid.name === name)!.grid.cells[0][0]).toEqual({ value: TRICKY[0], numFmt: '@' });

    await host.applyEdits(
      [
        { sheet: '说明', cell: 'C2', current: '10', proposed: '7', value: 7, rule: 'X' },
        { sheet: '说明', cell: 'D2', current: '-5', proposed: '8', value: 8, rule: 'X' },
      ],
      async () => true,
    );
    await host.clearMarks();
    const row = host.doc.sheets[0].grid.cells[1];
    expect(row[2]).toMatchObject({ formula: 'A9*2', value: 10 });
    expect(row[3]).toEqual({ value: '-5', numFmt: '@' });
    expect(host.doc.sheets[0].grid.cells.slice(3).every((r) => !r || r.every((c) => c === undefined))).toBe(true);
  });
});
