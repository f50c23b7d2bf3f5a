import { ExcelHost } from '../../src/excel/excel-host';
import { fingerprintValues } from '../../src/host/journal';
import { HIGHLIGHT_COLOR, REPORT_SHEET } from '../../src/host/marks';
import { HIGHLIGHT_ARGB } from '../../src/host/xlsx-annotate';
import { FakeDocument, FakeExcel, FakeSheet, supportsUpTo } from './fake-excel';
import { dump, finding, tenSheetDocument } from './helpers';

function host(excel: FakeExcel, max = '1.18', extra: Partial<ConstructorParameters<typeof ExcelHost>[0]> = {}): ExcelHost {
  return new ExcelHost({ run: excel.run, isSetSupported: supportsUpTo(max), ...extra });
}

function tenFindings(doc: FakeDocument) {
  return doc.sheets.flatMap((s, i) => [finding(s.name, 'C4', 'error'), finding(s.name, 'D7', 'rounding'), finding(s.name, `B${10 + i}`, 'warning'), finding(s.name, 'E12', 'info')]);
}

describe('ExcelHost over the fake request context', () => {
  test('highlight colours are the CLI annotate colours', () => {
    for (const [k, argb] of Object.entries(HIGHLIGHT_ARGB)) expect(HIGHLIGHT_COLOR[k as keyof typeof HIGHLIGHT_COLOR]).toBe(`#${argb.slice(2)}`);
  });

  test('a 10-sheet workbook is read in 2 syncs and highlighted in 2, with screen updating suspended once', async () => {
    const doc = tenSheetDocument();
    const excel = new FakeExcel(doc);
    const h = host(excel);
    const wb = await h.readWorkbook();
    const readSyncs = excel.syncs;
    expect(readSyncs).toBeLessThanOrEqual(2);
    expect(wb.sheets).toHaveLength(10);
    const s0 = wb.sheets[0];
    expect(s0.cells[2][1]?.value).toBe(100.25);
    expect(s0.cells[2][1]?.text).toBe('100.25');
    expect(s0.cells[2][1]?.numFmt).toBe('General');
    expect(s0.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
    expect(s0.hiddenRows.has(5)).toBe(true);

    const report = await h.applyHighlights(tenFindings(doc));
    const writeSyncs = excel.syncs - readSyncs;
    expect(writeSyncs).toBe(2);
    expect(excel.contexts[excel.contexts.length - 1].suspended).toBe(1);
    expect(report.written).toBeGreaterThan(0);
    const sheet = doc.sheets[3];
    expect(sheet.get('A4')?.fill?.color).toBe(HIGHLIGHT_COLOR.error);
    expect(sheet.get('H7')?.fill?.color).toBe(HIGHLIGHT_COLOR.rounding);
    expect(sheet.get('A13')?.fill?.color).toBe(HIGHLIGHT_COLOR.warning);
    expect(sheet.get('A12')?.fill).toBeUndefined(); // info: pane only
    expect(doc.notes.get(`${sheet.name}!C4`)?.content).toMatch(/^【决算校验】公开04表!C4\n错误 G-TEST/);
    const bytes = excel.log.map((l) => l.requestBytes + l.responseBytes);
    expect(Math.max(...bytes)).toBeLessThan(5 * 1024 * 1024);
     
    console.log(`10 sheets: read ${readSyncs} syncs, highlight ${writeSyncs} syncs; payloads ${bytes.join(', ')} bytes`);
  });

  test('清除标记 restores exactly, also from a new session (journal kept in the document)', async () => {
    const doc = tenSheetDocument(3);
    doc.sheets[0].ensure('C4').fill = { color: '#00FF00', pattern: 'Gray50', patternColor: '#FF0000', tintAndShade: 0.2, patternTintAndShade: -0.1 };
    doc.notes.set(`${doc.sheets[0].name}!C4`, { content: '会计原有批注' });
    doc.sheets[1].ensure('B4').numFmt = '#,##0.00';
    const original = dump(doc);
    const first = new FakeExcel(doc);
    const h1 = host(first);
    await h1.readWorkbook();
    await h1.applyHighlights(tenFindings(doc));
    expect(doc.notes.get(`${doc.sheets[0].name}!C4`)?.content).toMatch(/^会计原有批注\n\n【决算校验】/);
    expect(dump(doc)).not.toEqual(original);

    const reopened = new FakeExcel(doc);
    const h2 = host(reopened);
    await h2.readWorkbook();
    const before = reopened.syncs;
    const r = await h2.clearMarks();
    expect(reopened.syncs - before).toBe(2);
    expect(r.userChanged).toEqual([]);
    expect(r.restored).toBeGreaterThan(0);
    expect(dump(doc)).toEqual(original);
  });

  test('a cell the user changed after the add-in wrote it is left alone and reported', async () => {
    const doc = tenSheetDocument(2);
    const excel = new FakeExcel(doc);
    const h = host(excel);
    await h.readWorkbook();
    await h.applyHighlights([finding(doc.sheets[0].name, 'C4')]);
    doc.sheets[0].ensure('D4').value = 999;
    const r = await h.clearMarks();
    expect(r.userChanged).toEqual([{ sheet: doc.sheets[0].name, cell: 'D4' }]);
    expect(doc.sheets[0].get('D4')?.fill?.color).toBe(HIGHLIGHT_COLOR.error);
    expect(doc.sheets[0].get('D4')?.value).toBe(999);
    expect(doc.sheets[0].get('C4')?.fill).toBeUndefined();
  });

  test('re-running 审核 restores rows that no longer fail', async () => {
    const doc = tenSheetDocument(1);
    const original = dump(doc);
    const h = host(new FakeExcel(doc));
    await h.readWorkbook();
    await h.applyHighlights([finding(doc.sheets[0].name, 'C4'), finding(doc.sheets[0].name, 'C8', 'warning')]);
    await h.readWorkbook();
    await h.applyHighlights([finding(doc.sheets[0].name, 'C8', 'warning')]);
    expect(doc.sheets[0].get('C4')?.fill).toBeUndefined();
    expect(doc.notes.has(`${doc.sheets[0].name}!C4`)).toBe(false);
    expect(doc.sheets[0].get('C8')?.fill?.color).toBe(HIGHLIGHT_COLOR.warning);
    await h.clearMarks();
    expect(dump(doc)).toEqual(original);
  });

  test('below ExcelApi 1.9 the host is read-only and writes nothing', async () => {
    const doc = tenSheetDocument(2);
    const original = dump(doc);
    const excel = new FakeExcel(doc);
    const h = host(excel, '1.8');
    expect(h.capabilities.canWrite).toBe(false);
    expect(h.capabilities.reason).toMatch(/只读/);
    const wb = await h.readWorkbook();
    expect(wb.sheets).toHaveLength(2);
    await expect(h.applyHighlights([finding(doc.sheets[0].name, 'C4')])).rejects.toThrow(/只读/);
    await expect(h.clearMarks()).rejects.toThrow();
    expect(doc.settings.size).toBe(0);
    expect(dump(doc)).toEqual(original);
  });

  test('comments stand in for notes on ExcelApi 1.10–1.17; a user comment is never overwritten', async () => {
    const doc = tenSheetDocument(1);
    const name = doc.sheets[0].name;
    doc.comments.push({ id: 'u1', sheet: name, address: 'C8', content: '领导批示' });
    const original = dump(doc);
    const h = host(new FakeExcel(doc), '1.12');
    expect(h.capabilities.notes).toBe('comment');
    await h.readWorkbook();
    const r = await h.applyHighlights([finding(name, 'C4'), finding(name, 'C8')]);
    expect(r.skipped).toEqual([{ sheet: name, cell: 'C8' }]);
    expect(doc.comments.map((c) => c.address).sort()).toEqual(['C4', 'C8']);
    expect(doc.comments.find((c) => c.address === 'C8')?.content).toBe('领导批示');
    await h.clearMarks();
    expect(dump(doc)).toEqual(original);
  });

  test('applied values go through the journal and ask before overwriting a non-empty cell', async () => {
    const doc = tenSheetDocument(1);
    const name = doc.sheets[0].name;
    const original = dump(doc);
    const h = host(new FakeExcel(doc));
    await h.readWorkbook();
    const edits = [
      { sheet: name, cell: 'C4', current: '201.25', proposed: '300.00', value: 300, rule: 'S-X', numFmt: '0.00' },
      { sheet: name, cell: 'K4', current: null, proposed: '1.00', value: 1, rule: 'S-X' },
    ];
    const declined = await h.applyEdits(edits, async () => false);
    expect(declined.skipped).toEqual([{ sheet: name, cell: 'C4' }]);
    expect(doc.sheets[0].get('C4')?.value).toBe(201.25);
    expect(doc.sheets[0].get('K4')?.value).toBe(1);
    const asked: string[] = [];
    await h.applyEdits(edits, async (cells) => (asked.push(...cells.map((c) => c.cell)), true));
    expect(asked).toEqual(['C4']);
    expect(doc.sheets[0].get('C4')).toMatchObject({ value: 300, numFmt: '0.00' });
    await h.clearMarks();
    expect(dump(doc)).toEqual(original);
  });

  test('审核结果 sheet is inserted beside an existing one, journaled, and removed only while untouched', async () => {
    const doc = tenSheetDocument(1);
    doc.sheets.push(new FakeSheet(REPORT_SHEET));
    const h = host(new FakeExcel(doc));
    await h.readWorkbook();
    const result = { file: 'x', sheets: [], findings: [finding(doc.sheets[0].name, 'C4')], edits: [] };
    const name = await h.insertReportSheet(result);
    expect(name).toBe(`${REPORT_SHEET}2`);
    const sheet = doc.sheets.find((s) => s.name === name)!;
    expect(sheet.get('J1')?.value).toBe('建议');
    expect(sheet.get('K1')?.value).toBe('出错说明');
    expect(sheet.get('B2')?.value).toBe(doc.sheets[0].name);
    expect(fingerprintValues([['a']])).not.toBe(fingerprintValues([['b']]));
    let r = await h.clearMarks();
    expect(r.sheetsRemoved).toEqual([name]);
    expect(doc.sheets.some((s) => s.name === name)).toBe(false);

    const again = await h.insertReportSheet(result);
    doc.sheets.find((s) => s.name === again)!.ensure('J2').value = '已核实，系四舍五入';
    r = await h.clearMarks();
    expect(r.sheetsKept).toEqual([again]);
    expect(doc.sheets.some((s) => s.name === again)).toBe(true);
  });

  test('over the web payload limit the read falls back to row blocks and gives the same grid', async () => {
    const doc = tenSheetDocument(4, 200, 10);
    const whole = await host(new FakeExcel(doc)).readWorkbook();
    const limited = new FakeExcel(doc, { maxPayloadBytes: 60_000 });
    const blocks = await host(limited, '1.18', { maxBytesPerRequest: 60_000 }).readWorkbook();
    expect(blocks.sheets.map((s) => s.cells)).toEqual(whole.sheets.map((s) => s.cells));
    expect(limited.syncs).toBeGreaterThan(3);
    expect(Math.max(...limited.log.slice(3).map((l) => l.responseBytes))).toBeLessThanOrEqual(60_000);
  });

  test('over the cell limit (values null) the read falls back to row blocks', async () => {
    const doc = tenSheetDocument(2, 100, 10);
    const whole = await host(new FakeExcel(doc)).readWorkbook();
    const limited = new FakeExcel(doc, { maxCellsPerRead: 500 });
    const blocks = await host(limited, '1.18', { maxCellsPerRead: 500 }).readWorkbook();
    expect(blocks.sheets.map((s) => s.cells)).toEqual(whole.sheets.map((s) => s.cells));
  });

  test('clicking a finding selects its cell', async () => {
    const doc = tenSheetDocument(2);
    const h = host(new FakeExcel(doc));
    await h.selectCell(doc.sheets[1].name, 'D7');
    expect(doc.selection).toEqual({ sheet: doc.sheets[1].name, address: 'D7' });
    expect(doc.activeSheet).toBe(doc.sheets[1].name);
  });
});

test('a sync that never returns ends in a visible error, not a hung pane', async () => {
  const h = new ExcelHost({ run: () => new Promise(() => undefined), isSetSupported: supportsUpTo('1.18'), timeoutMs: 20 });
  await expect(h.readWorkbook()).rejects.toThrow(/没有响应/);
});
