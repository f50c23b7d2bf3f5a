/**
 * A protected sheet: the add-in never unprotects it. Highlights and applied values skip that sheet and the write
 * report names it, so the pane can say so in Chinese; the other sheets are still marked, and nothing is lost.
 * The fake context refuses writes to a protected sheet the way Excel does (AccessDenied, the whole batch fails).
 */
import { ExcelHost } from '../../src/excel/excel-host';
import { MemoryHost, memoryDocument } from '../../src/host/memory-host';
import { gridFromRows } from '../../src/core/grid';
import { FakeExcel, supportsUpTo } from '../excel/fake-excel';
import { dump, finding, tenSheetDocument } from '../excel/helpers';

describe('protected sheet (never unprotected, writes skipped with a notice)', () => {
  test('Excel host: highlights skip the protected sheet, mark the others, and name it', async () => {
    const doc = tenSheetDocument();
    doc.sheets[1].protected = true;
    const before = dump(doc, 8, 14);
    const excel = new FakeExcel(doc);
    const host = new ExcelHost({ run: excel.run, isSetSupported: supportsUpTo('1.18') });
    const wb = await host.readWorkbook();
    expect(wb.sheets[1].protected).toBe(true);
    const report = await host.applyHighlights([finding(doc.sheets[0].name, 'C4', 'error'), finding(doc.sheets[1].name, 'C4', 'error')]);
    expect(report.protectedSheets).toEqual([doc.sheets[1].name]);
    expect(report.written).toBeGreaterThan(0);
    expect(doc.sheets[1].protected).toBe(true);
    const after = dump(doc, 8, 14);
    const second = Object.keys(after).filter((k) => k.startsWith(`${doc.sheets[1].name}!`));
    for (const k of second) expect(after[k]).toEqual(before[k]);
    expect(doc.sheets[0].get('C4')?.fill).toBeDefined();

    const edit = await host.applyEdits(
      [{ sheet: doc.sheets[1].name, cell: 'C4', current: null, proposed: '1', value: 1, rule: 'S-P' }],
      async () => true,
    );
    expect(edit).toMatchObject({ written: 0, protectedSheets: [doc.sheets[1].name] });
    await host.clearMarks();
    expect(dump(doc, 8, 14)).toEqual(before);
  });

  test('memory host (playground): the same notice', async () => {
    const grid = gridFromRows('锁定表', [['项目', '金额'], ['合计', 1]]);
    grid.protected = true;
    const host = new MemoryHost(memoryDocument({ fileName: 'x.xlsx', sheets: [grid, gridFromRows('表二', [['a', 1]])] }));
    await host.readWorkbook();
    const r = await host.applyHighlights([finding('锁定表', 'B2', 'error'), finding('表二', 'B1', 'error')]);
    expect(r.protectedSheets).toEqual(['锁定表']);
  });
});
