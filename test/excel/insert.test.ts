/** insertSheet / insertAtSelection on the in-memory host and the Excel host: journaled, never over content, exact restore. */
import { checkWorkbook } from '../../src/core/engine';
import { placedRows, templateSheets } from '../../src/core/templates';
import { ExcelHost } from '../../src/excel/excel-host';
import { Host, HostError, InsertRow } from '../../src/host/host';
import { MemoryHost, memoryDocument } from '../../src/host/memory-host';
import { makeSheetGrid } from '../../src/core/grid';
import { FakeDocument, FakeExcel, FakeSheet, supportsUpTo } from './fake-excel';
import { dump } from './helpers';

function memoryHost(): MemoryHost {
  const grid = makeSheetGrid({ name: '说明', cells: [[{ value: '已有标题' }], [], [undefined, { value: '已有内容' }]] });
  return new MemoryHost(memoryDocument({ fileName: 't.xlsx', sheets: [grid] }));
}

/** Every non-empty cell, merge, fill and note (rows the grid grew by and left empty do not count). */
function memoryState(host: MemoryHost): string {
  return JSON.stringify(
    host.doc.sheets.map((s) => ({
      name: s.grid.name,
      cells: s.grid.cells.flatMap((r, i) => (r ?? []).flatMap((c, j) => (c ? [[i, j, c]] : []))),
      merges: s.grid.merges,
      fills: [...s.fills],
      notes: [...s.notes],
    })),
  );
}

const paragraphs: InsertRow[] = [['一、收入支出决算总体情况说明'], ['2021年度收入合计19475.63万元。'], [{ value: 12.5, numFmt: '0.00' }]];

describe('MemoryHost inserts', () => {
  test('a template sheet: unique name, formulas with their results, merges; recognised at once; removed by 清除标记', async () => {
    const host = memoryHost();
    const before = memoryState(host);
    await host.readWorkbook();
    const [sheet] = templateSheets('project-selfeval', 'shanxi', { year: 2024 });
    const placed = placedRows(sheet);
    const name = await host.insertSheet(sheet.name, placed.rows, { merges: placed.merges, widths: placed.widths });
    const again = await host.insertSheet(sheet.name, placed.rows, { merges: placed.merges });
    expect(name).toBe('项目支出绩效自评表');
    expect(again).toBe('项目支出绩效自评表2');
    const grid = host.doc.sheets.find((s) => s.grid.name === name)!.grid;
    expect(grid.cells[6][7]).toEqual(expect.objectContaining({ formula: 'IF(N(E7)=0,"",ROUND(F7/E7*100,2))', value: null, numFmt: '0.00' }));
    expect(grid.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 10 });
    const result = checkWorkbook(await host.readWorkbook());
    expect(result.sheets.filter((s) => s.name.startsWith('项目支出')).map((s) => [s.template, s.variant])).toEqual([['project-selfeval', 'shanxi'], ['project-selfeval', 'shanxi']]);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const r = await host.clearMarks();
    expect(r.sheetsRemoved).toEqual([name, again]);
    expect(memoryState(host)).toBe(before);
  });

  test('an inserted sheet the user edited is kept', async () => {
    const host = memoryHost();
    await host.readWorkbook();
    const name = await host.insertSheet('情况说明（草稿）', paragraphs);
    host.doc.sheets.find((s) => s.grid.name === name)!.grid.cells[1][0] = { value: '改过的段落' };
    const r = await host.clearMarks();
    expect(r.sheetsKept).toEqual([name]);
  });

  test('at the selection: written downward, refused over content, restored exactly', async () => {
    const host = memoryHost();
    const before = memoryState(host);
    await host.readWorkbook();
    await expect(host.insertAtSelection(paragraphs)).rejects.toThrow(/请先/);
    host.selection = { sheet: '说明', address: 'B2' };
    await expect(host.insertAtSelection(paragraphs)).rejects.toThrow(HostError);
    await expect(host.insertAtSelection(paragraphs)).rejects.toThrow(/说明!B3/);
    expect(memoryState(host)).toBe(before);
    host.selection = { sheet: '说明', address: 'D5' };
    const report = await host.insertAtSelection(paragraphs);
    expect(report).toEqual({ sheet: '说明', range: 'D5:D7', written: 3 });
    const cells = host.doc.sheets[0].grid.cells;
    expect(cells[4][3]?.value).toBe('一、收入支出决算总体情况说明');
    expect(cells[6][3]).toEqual(expect.objectContaining({ value: 12.5, numFmt: '0.00' }));
    const r = await host.clearMarks();
    expect(r.restored).toBe(3);
    expect(memoryState(host)).toBe(before);
  });
});

function excelDoc(): FakeDocument {
  const doc = new FakeDocument();
  doc.sheets.push(FakeSheet.fromRows('说明', [['已有标题'], [], [null, '已有内容']]));
  return doc;
}

describe('ExcelHost inserts (fake context)', () => {
  const make = (excel: FakeExcel): Host => new ExcelHost({ run: excel.run, isSetSupported: supportsUpTo('1.18') });

  test('a template sheet in 2 syncs: formulas, number formats, merges; 清除标记 removes it', async () => {
    const doc = excelDoc();
    const before = dump(doc);
    const excel = new FakeExcel(doc);
    const host = make(excel);
    await host.readWorkbook();
    const [sheet] = templateSheets('department-selfeval', 'henan-2021');
    const placed = placedRows(sheet);
    const start = excel.syncs;
    const name = await host.insertSheet(sheet.name, placed.rows, { merges: placed.merges, widths: placed.widths });
    expect(excel.syncs - start).toBe(2);
    const ws = doc.sheet(name);
    expect(ws.get('A1')?.value).toBe('部门（单位）整体绩效自评表');
    expect(ws.get('H5')).toEqual(expect.objectContaining({ formula: 'IF(N(E5)=0,"",ROUND(F5/E5,4))', numFmt: '0.00%' }));
    expect(ws.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 8 });
    const r = await host.clearMarks();
    expect(r.sheetsRemoved).toEqual([name]);
    expect(dump(doc)).toEqual(before);
  });

  test('at the selection in 3 syncs, refused over content, restored exactly', async () => {
    const doc = excelDoc();
    const before = dump(doc);
    const excel = new FakeExcel(doc);
    const host = make(excel);
    await host.readWorkbook();
    doc.selection = { sheet: '说明', address: 'B1' };
    await expect(host.insertAtSelection(paragraphs)).rejects.toThrow(/说明!B3/);
    expect(dump(doc)).toEqual(before);
    doc.selection = { sheet: '说明', address: 'C4' };
    const start = excel.syncs;
    const report = await host.insertAtSelection(paragraphs);
    expect(excel.syncs - start).toBe(3);
    expect(report).toEqual({ sheet: '说明', range: 'C4:C6', written: 3 });
    expect(doc.sheet('说明').get('C5')?.value).toBe('2021年度收入合计19475.63万元。');
    expect(doc.sheet('说明').get('C6')).toEqual(expect.objectContaining({ value: 12.5, numFmt: '0.00' }));
    const r = await host.clearMarks();
    expect(r.restored).toBe(3);
    expect(dump(doc)).toEqual(before);
  });
});
