/**
 * What is particular to WPS beyond the host contract (test/host-contract): how many object-model calls a read takes,
 * fills as BGR with "no fill" its own state, the journal's very hidden sheet, structure protection, error values,
 * marks written by the other host, and the ribbon button opening the pane.
 */
import { JOURNAL_SHEET } from '../../src/core/grid';
import { ExcelHost } from '../../src/excel/excel-host';
import { ForeignRestorePlan } from '../../src/host/host';
import { JournalSeal, memoryKeyStore } from '../../src/host/journal-seal';
import { NOTE_TAG } from '../../src/host/marks';
import { CHECK_BUTTON, togglePane } from '../../src/wps/pane-toggle';
import { WpsAddonRoot, WpsTaskPane } from '../../src/wps/wps-api';
import { WpsHost, bgrToHex, hexToBgr } from '../../src/wps/wps-host';
import { FakeDocument, FakeExcel, FakeSheet, supportsUpTo } from '../excel/fake-excel';
import { finding } from '../excel/helpers';
import { FakeWpsApplication, FakeWpsBook, FakeWpsSheet, dumpBook } from './fake-wps';

/** `sheets` sheets of a title (merged), a header and `rows` numeric rows, like the Excel host's ten-sheet workbook. */
function book(sheets = 10, rows = 30, cols = 8): FakeWpsApplication {
  const b = new FakeWpsBook('十表.xlsx');
  for (let s = 0; s < sheets; s++) {
    const sheet = new FakeWpsSheet(`公开${String(s + 1).padStart(2, '0')}表`);
    sheet.ensure('A1').value = `表${s + 1} 标题`;
    sheet.merges.push({ top: 0, left: 0, bottom: 0, right: cols - 1 });
    sheet.ensure('A2').value = '项目';
    for (let r = 0; r < rows; r++) {
      sheet.ensure(`A${r + 3}`).value = `科目${r + 1}`;
      for (let c = 1; c < cols; c++) sheet.ensure(`${String.fromCharCode(65 + c)}${r + 3}`).value = (r + 1) * 100 + c + 0.25;
    }
    sheet.hiddenRows.add(5);
    b.sheets.push(sheet);
  }
  return new FakeWpsApplication(b);
}

test('BGR colours: #FFC7CE is 0xCEC7FF and back', () => {
  expect(hexToBgr('#FFC7CE')).toBe(0xcec7ff);
  expect(bgrToHex(0xcec7ff)).toBe('#FFC7CE');
});

test('a 10-sheet workbook is read with one Value2 and one Formula call per sheet, not per cell', async () => {
  const app = book();
  const wb = await new WpsHost(app).readWorkbook();
  expect(wb.sheets).toHaveLength(10);
  expect(wb.sheets[0].cells[2][1]?.value).toBe(101.25);
  expect(wb.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
  expect([...wb.sheets[0].hiddenRows]).toEqual([5]);
  const by = app.counter.byMember;
  expect(by['Range.Value2']).toBe(10);
  expect(by['Range.Formula']).toBe(10);
  // Uniform number formats: one NumberFormat call per sheet, no Text reads for General numbers.
  expect(by['Range.NumberFormat']).toBe(10);
  expect(by['Range.Text'] ?? 0).toBe(0);
  // eslint-disable-next-line no-console
  console.log(`WPS: 10 sheets × 32 rows × 8 columns read in ${app.calls} object-model calls (${Math.round(app.calls / 10)} per sheet)`);
  expect(app.calls).toBeLessThan(10 * 120);

  // Highlighting: a marked row is snapshot as one run (formulas, values, format, "no fill" asked once), not cell by cell.
  const host = new WpsHost(app);
  await host.readWorkbook();
  const before = app.calls;
  const findings = app.book.sheets.flatMap((s) => [finding(s.name, 'C4', 'error'), finding(s.name, 'D7', 'rounding'), finding(s.name, 'B10', 'warning')]);
  const report = await host.applyHighlights(findings);
  const perCell = (app.calls - before) / report.written;
  // eslint-disable-next-line no-console
  console.log(`WPS: highlighted ${report.written} cells (30 rows, 30 comments) in ${app.calls - before} object-model calls (${perCell.toFixed(1)} per cell)`);
  expect(perCell).toBeLessThan(6);
});

test('formatted numbers carry the text WPS shows; an error value is an error, not a number', async () => {
  const b = new FakeWpsBook();
  const s = new FakeWpsSheet('表');
  Object.assign(s.ensure('A1'), { value: 1234.5, numFmt: '#,##0.00' });
  Object.assign(s.ensure('B1'), { value: -2146826281, formula: 'A1/0' });
  s.ensure('C1').value = '文字';
  b.sheets.push(s);
  // A sheet of one cell: Value2 answers a scalar, not an array.
  const one = new FakeWpsSheet('单格');
  one.ensure('B2').value = 42;
  b.sheets.push(one);
  const wb = await new WpsHost(new FakeWpsApplication(b)).readWorkbook();
  expect(wb.sheets[1].cells[1][1]).toMatchObject({ value: 42 });
  expect(wb.sheets[1].rowCount).toBe(2);
  expect(wb.sheets[0].cells[0][0]).toMatchObject({ value: 1234.5, numFmt: '#,##0.00', text: '1,234.50' });
  expect(wb.sheets[0].cells[0][1]).toMatchObject({ value: null, error: '#DIV/0!', formula: 'A1/0' });
  expect(wb.sheets[0].cells[0][2]).toMatchObject({ value: '文字', numFmt: 'General' });
});

test('highlights are BGR fills; 清除标记 puts back no fill as no fill (ColorIndex none), not white', async () => {
  const app = book(1);
  const sheet = app.book.sheets[0];
  sheet.ensure('D4').fill = { color: 0xffffff, pattern: 1, patternColor: 0, tintAndShade: 0, patternTintAndShade: 0 };
  const original = dumpBook(app.book);
  const host = new WpsHost(app);
  await host.readWorkbook();
  await host.applyHighlights([finding(sheet.name, 'C4', 'error')]);
  expect(sheet.get('A4')?.fill).toMatchObject({ color: 0xcec7ff, pattern: 1 });
  expect(sheet.get('D4')?.fill?.color).toBe(0xcec7ff);
  expect(sheet.get('C4')?.comment).toMatch(new RegExp(`^${NOTE_TAG}`));
  await host.clearMarks();
  expect(sheet.get('A4')?.fill).toBeUndefined();
  expect(sheet.get('D4')?.fill).toEqual({ color: 0xffffff, pattern: 1, patternColor: 0, tintAndShade: 0, patternTintAndShade: 0 });
  expect(dumpBook(app.book)).toBe(original);
});

test('the journal lives in a very hidden sheet, survives reopening, and goes when nothing is left to restore', async () => {
  const app = book(2, 400, 12);
  const original = dumpBook(app.book);
  const name = app.book.sheets[0].name;
  const host = new WpsHost(app);
  await host.readWorkbook();
  // One finding per row: thousands of journaled cells, more than one cell of journal text.
  await host.applyHighlights(Array.from({ length: 400 }, (_, r) => finding(name, `B${r + 3}`, 'warning')));
  const journal = app.book.sheets.find((s) => s.name === JOURNAL_SHEET)!;
  expect(journal.visible).toBe(2);
  expect(journal.get('A3')?.value).toMatch(/^J:/);
  expect(app.book.sheets[app.book.active].name).toBe(name);
  const reread = await new WpsHost(app).readWorkbook();
  expect(reread.sheets.map((s) => s.name)).not.toContain(JOURNAL_SHEET);

  const reopened = new WpsHost(app);
  await reopened.readWorkbook();
  const r = await reopened.clearMarks();
  expect(r.userChanged).toEqual([]);
  expect(app.book.sheets.some((s) => s.name === JOURNAL_SHEET)).toBe(false);
  expect(app.DisplayAlerts).toBe(true);
  expect(app.ScreenUpdating).toBe(true);
  expect(app.dialogs).toBe(0);
  expect(dumpBook(app.book)).toBe(original);
});

test('a workbook whose structure is protected is checked read-only, not marked and not unprotected', async () => {
  const app = book(1);
  app.book.protectStructure = true;
  const original = dumpBook(app.book);
  const host = new WpsHost(app);
  expect(host.capabilities).toMatchObject({ canWrite: false, reason: expect.stringMatching(/工作簿结构受保护.*只读/) });
  const wb = await host.readWorkbook();
  expect(wb.sheets).toHaveLength(1);
  await expect(host.applyHighlights([finding(app.book.sheets[0].name, 'C4')])).rejects.toThrow(/工作簿结构受保护/);
  expect(app.book.protectStructure).toBe(true);
  expect(dumpBook(app.book)).toBe(original);
});

test('no workbook open: a Chinese message', async () => {
  const app = book(1);
  app.open = false;
  await expect(new WpsHost(app).readWorkbook()).rejects.toThrow(/请先在 WPS 表格中打开/);
});

test('marks from the other host: Excel notes seen in WPS, the WPS journal sheet seen in Excel', async () => {
  const app = book(1);
  app.book.sheets[0].ensure('C4').comment = `${NOTE_TAG}公开01表!C4\n错误 G-INTRA-01：…`;
  const wps = new WpsHost(app);
  expect(await wps.markedElsewhere()).toMatch(/Microsoft Excel/);

  const doc = new FakeDocument();
  doc.sheets.push(FakeSheet.fromRows('公开01表', [['标题']]));
  const excel = new ExcelHost({ run: new FakeExcel(doc).run, isSetSupported: supportsUpTo('1.18') });
  expect(await excel.markedElsewhere()).toBeNull();
  doc.sheets.push(FakeSheet.fromRows(JOURNAL_SHEET, [['决算校验助手的标记记录'], ['J:{}']]));
  expect(await excel.markedElsewhere()).toMatch(/WPS 表格/);
  expect((await excel.readWorkbook()).sheets.map((s) => s.name)).toEqual(['公开01表']);
});

test('the ribbon button opens the pane beside the add-in page, then shows and hides it', () => {
  const panes: (WpsTaskPane & { url: string })[] = [];
  const storage = new Map<string, string>();
  const root: WpsAddonRoot = {
    CreateTaskPane: (url) => {
      const pane = { ID: panes.length + 7, Visible: false, url };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id) => panes.find((p) => p.ID === id)!,
    PluginStorage: { getItem: (k) => storage.get(k) ?? '', setItem: (k, v) => void storage.set(k, String(v)) },
  };
  expect(CHECK_BUTTON).toBe('btnJuesuanCheck');
  togglePane(root, 'https://intranet.example.gov.cn/juesuan/wps/index.html');
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({ url: 'https://intranet.example.gov.cn/juesuan/wps/taskpane.html', Visible: true });
  togglePane(root, 'https://intranet.example.gov.cn/juesuan/wps/index.html');
  expect(panes).toHaveLength(1);
  expect(panes[0].Visible).toBe(false);
});

test('a WPS that answers Formula for a block with a single string is read cell by cell, not misread', async () => {
  const app = book(1, 3, 3);
  app.book.sheets[0].ensure('C4').formula = 'B4+1';
  app.formulaOfBlockAsText = true;
  const wb = await new WpsHost(app).readWorkbook();
  expect(wb.sheets[0].cells[3][2]).toMatchObject({ formula: 'B4+1' });
  expect(wb.sheets[0].cells[3][1]?.formula).toBeUndefined();
});

test('after the user switches workbooks, nothing is written into the other one', async () => {
  const app = book(1);
  const host = new WpsHost(app);
  await host.readWorkbook();
  app.book.name = '另一个工作簿.xlsx';
  const before = dumpBook(app.book);
  await expect(host.applyHighlights([finding(app.book.sheets[0].name, 'C4')])).rejects.toThrow(/当前工作簿已切换为“另一个工作簿\.xlsx”/);
  expect(dumpBook(app.book)).toBe(before);
});

test('a WPS journal written on another PC is foreign: 清除标记 asks first and changes nothing when declined', async () => {
  const app = book(1);
  const name = app.book.sheets[0].name;
  const original = dumpBook(app.book);
  const elsewhere = new WpsHost(app, { seal: new JournalSeal(memoryKeyStore()) });
  await elsewhere.readWorkbook();
  await elsewhere.applyHighlights([finding(name, 'C4')]);
  const marked = dumpBook(app.book);
  const here = new WpsHost(app, { seal: new JournalSeal(memoryKeyStore()) });
  await here.readWorkbook();
  const asked: ForeignRestorePlan[] = [];
  const declined = await here.clearMarks(async (plan) => (asked.push(plan), null));
  expect(asked).toHaveLength(1);
  expect(asked[0].changes.some((c) => c.sheet === name && c.cell === 'C4' && c.aspect === 'fill')).toBe(true);
  expect(declined.declined).toBe(true);
  expect(dumpBook(app.book)).toBe(marked);
  await here.clearMarks(async () => 'all');
  expect(dumpBook(app.book)).toBe(original);
});
