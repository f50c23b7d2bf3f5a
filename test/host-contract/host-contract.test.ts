/**
 * The host contract: what every host the pane runs on must do, one suite run against each — the in-memory
 * playground host, the Excel host over the fake Office.js context and the WPS host over the fake Application.
 */
import { checkWorkbook } from '../../src/core/engine';
import { ProposedEdit } from '../../src/core/findings';
import { JOURNAL_SHEET } from '../../src/core/grid';
import { finding } from '../excel/helpers';
import { ContractSheet, HostFactory, excelFactory, memoryFactory, wpsFactory } from './factories';

const TABLE = '收入支出决算表';
const LOCKED = '受保护表';

/** A small table with every kind of state a restore must get back: values, a formula, formats, fills incl. white, a note. */
function workbook(): ContractSheet[] {
  return [
    {
      name: TABLE,
      rows: [
        ['收入支出决算表'],
        ['项目', '本年收入', '本年支出', '结余', '编码'],
        ['一般公共预算', 100.5, 80, 20.5, '0012'],
        ['政府性基金', 50, 40, 10, null],
        ['合计', null, 120, 30.5, null],
      ],
      numFmts: { B3: '#,##0.00', C3: '0.00' },
      formulas: { B5: { formula: 'SUM(B3:B4)', value: 150.5 } },
      fills: { D3: '#FFFFFF', D4: '#00B050' },
      notes: { A3: '会计原有批注' },
      merges: ['A1:E1'],
      hiddenRows: [3],
    },
    { name: LOCKED, rows: [['受保护的表'], ['项目', 1]], protected: true },
  ];
}

const edits: ProposedEdit[] = [
  { sheet: TABLE, cell: 'B5', current: '150.5', proposed: '151.00', value: 151, rule: 'T-1', numFmt: '0.00' },
  { sheet: TABLE, cell: 'E3', current: '0012', proposed: '1', value: 1, rule: 'T-1' },
  { sheet: TABLE, cell: 'F4', current: null, proposed: '2', value: 2, rule: 'T-1' },
];

describe.each<HostFactory>([memoryFactory, excelFactory, wpsFactory])('host contract: $name', (factory) => {
  test('reports what it can do', () => {
    const host = factory.make(workbook()).open();
    expect(host.capabilities.canWrite).toBe(true);
    expect(['note', 'comment']).toContain(host.capabilities.notes);
  });

  test("reads a workbook's grid: values, formulas with their results, formats, merges, hidden rows, protection", async () => {
    const subject = factory.make(workbook());
    const wb = await subject.open().readWorkbook();
    expect(wb.sheets.map((s) => s.name)).toEqual([TABLE, LOCKED]);
    const t = wb.sheets[0];
    expect(t.cells[2][1]).toMatchObject({ value: 100.5, numFmt: '#,##0.00' });
    expect(t.cells[4][1]).toMatchObject({ value: 150.5, formula: 'SUM(B3:B4)' });
    expect(t.cells[2][4]?.value).toBe('0012');
    expect(t.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect([...t.hiddenRows]).toEqual([3]);
    expect(t.protected).toBeFalsy();
    expect(wb.sheets[1].protected).toBe(true);
    expect(wb.sheets[1].cells[1][1]?.value).toBe(1);
  });

  test('highlights, notes and values go through the journal and 清除标记 restores exactly after reopening', async () => {
    const subject = factory.make(workbook());
    const original = subject.dump();
    const first = subject.open();
    await first.readWorkbook();
    const findings = [finding(TABLE, 'B3', 'error'), finding(TABLE, 'A3', 'rounding'), finding(TABLE, 'C4', 'warning')];
    const marked = await first.applyHighlights(findings);
    expect(marked.written).toBeGreaterThan(0);
    const asked: string[] = [];
    const applied = await first.applyEdits(edits, async (cells) => (asked.push(...cells.map((c) => c.cell)), true));
    expect(asked.sort()).toEqual(['B5', 'E3']);
    expect(applied.written).toBe(3);
    const after = await subject.open().readWorkbook();
    expect(after.sheets.map((s) => s.name)).toEqual([TABLE, LOCKED]);
    expect(after.sheets[0].cells[4][1]).toMatchObject({ value: 151 });
    expect(after.sheets[0].cells[4][1]?.formula).toBeUndefined();
    expect(subject.dump()).not.toBe(original);

    const reopened = subject.open();
    await reopened.readWorkbook();
    const restored = await reopened.clearMarks();
    expect(restored.userChanged).toEqual([]);
    expect(restored.restored).toBeGreaterThan(0);
    expect(subject.dump()).toBe(original);
  });

  test('re-running 审核 restores rows that no longer fail; no fill comes back as no fill, white as white', async () => {
    const subject = factory.make(workbook());
    const original = subject.dump();
    const host = subject.open();
    await host.readWorkbook();
    await host.applyHighlights([finding(TABLE, 'B3'), finding(TABLE, 'B4', 'warning')]);
    await host.readWorkbook();
    await host.applyHighlights([finding(TABLE, 'B4', 'warning')]);
    await host.clearMarks();
    expect(subject.dump()).toBe(original);
  });

  test('protected sheets are refused, never unprotected', async () => {
    const subject = factory.make(workbook());
    const original = subject.dump();
    const host = subject.open();
    await host.readWorkbook();
    const marked = await host.applyHighlights([finding(LOCKED, 'B2')]);
    expect(marked.protectedSheets).toEqual([LOCKED]);
    const applied = await host.applyEdits([{ sheet: LOCKED, cell: 'B2', current: '1', proposed: '2', value: 2, rule: 'T-1' }], async () => true);
    expect(applied).toMatchObject({ written: 0, protectedSheets: [LOCKED] });
    subject.select(LOCKED, 'C5');
    await expect(host.insertAtSelection([['草稿']])).rejects.toThrow(/受保护/);
    await host.clearMarks();
    expect(subject.dump()).toBe(original);
  });

  test('a draft inserted at the selection and a report sheet are journaled and removed by 清除标记', async () => {
    const subject = factory.make(workbook());
    const original = subject.dump();
    const host = subject.open();
    const wb = await host.readWorkbook();
    subject.select(TABLE, 'A8');
    const r = await host.insertAtSelection([['（一）收入支出决算总体情况说明'], ['2021年度收入总计150.50万元。']]);
    expect(r).toEqual({ sheet: TABLE, range: 'A8:A9', written: 2 });
    const name = await host.insertReportSheet(checkWorkbook(wb));
    expect(name).toBe('审核结果');
    const template = await host.insertSheet('模板', [[{ value: '收入决算表', bold: true }], ['项目', 1, 2, { value: 3, formula: 'B2+C2', numFmt: '0.00' }]], {
      merges: ['A1:D1'],
      widths: [20, 10, 10, 10],
    });
    const reread = await subject.open().readWorkbook();
    expect(reread.sheets.map((s) => s.name)).toEqual([TABLE, LOCKED, name, template]);
    expect(reread.sheets[0].cells[8][0]?.value).toBe('2021年度收入总计150.50万元。');
    const inserted = reread.sheets[3];
    expect(inserted.cells[1][3]).toMatchObject({ formula: 'B2+C2', numFmt: '0.00' });
    expect(inserted.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    const cleared = await subject.open().clearMarks();
    expect(cleared.sheetsRemoved.sort()).toEqual([name, template].sort());
    expect(subject.dump()).toBe(original);
  });

  test('已说明 explanations are kept in the workbook: they survive reopening and 清除标记', async () => {
    const subject = factory.make(workbook());
    const host = subject.open();
    await host.readWorkbook();
    await host.applyHighlights([finding(TABLE, 'B3')]);
    await host.setExplanation('收入支出决算表|B3|T-1|1.00', '已与财政核对，系四舍五入');
    const reopened = subject.open();
    await reopened.readWorkbook();
    expect(reopened.explanations()).toEqual({ '收入支出决算表|B3|T-1|1.00': '已与财政核对，系四舍五入' });
    await reopened.clearMarks();
    const third = subject.open();
    await third.readWorkbook();
    expect(third.explanations()).toEqual({ '收入支出决算表|B3|T-1|1.00': '已与财政核对，系四舍五入' });
  });

  test('the core never checks the journal sheet the WPS 加载项 keeps', async () => {
    const sheets = workbook();
    sheets.push({ name: JOURNAL_SHEET, rows: [['决算校验助手的标记记录'], ['J:{"version":1}']] });
    const host = factory.make(sheets).open();
    const wb = await host.readWorkbook();
    expect(checkWorkbook(wb).sheets.map((s) => s.name)).not.toContain(JOURNAL_SHEET);
    // Marked in WPS, opened elsewhere: the pane says so (WPS itself reads the sheet as its own journal).
    const note = await host.markedElsewhere?.();
    if (factory === wpsFactory) expect(note).toBeNull();
    else expect(note).toMatch(/WPS 表格/);
  });
});
