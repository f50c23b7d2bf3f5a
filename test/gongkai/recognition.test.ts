/** Recognition by content (gongkai-layouts.md §3) and the reading model (spec README "Reading cells"). */
import { checkWorkbook } from '../../src/core/engine';
import { gridFromRows } from '../../src/core/grid';
import { loadFixture } from '../helpers';
import { shanxiWorkbook } from './shanxi-builder';

const H21 = 'jiaozuo-2021-gongkai.xlsx';
const ROLES = [
  'income-expenditure-summary', 'income', 'expenditure', 'fiscal-summary', 'general-budget-expenditure', 'basic-expenditure',
  'three-public', 'gov-fund', 'state-capital', 'situation-notes',
];

describe('recognition by content', () => {
  test('sheet names do not matter: the fixture renamed Sheet1…Sheet10 is recognised the same', async () => {
    const wb = await loadFixture(H21);
    wb.sheets.forEach((s, i) => (s.name = `Sheet${i + 1}`));
    expect(checkWorkbook(wb).sheets.map((s) => s.template)).toEqual(ROLES);
  });

  test('the marker number is not the role: S24 prints 三公 as 公开09 and 政府性基金 as 公开07', () => {
    const sheets = checkWorkbook(shanxiWorkbook('s24')).sheets;
    expect(sheets.find((s) => s.marker === '公开09表')?.template).toBe('three-public');
    expect(sheets.find((s) => s.marker === '公开07表')?.template).toBe('gov-fund');
  });

  test('a sheet without a title is recognised by its header signature', async () => {
    const wb = await loadFixture(H21);
    wb.sheets[1].cells[0] = [];
    expect(checkWorkbook(wb).sheets[1].template).toBe('income');
  });

  test('a title that contradicts the header: the header wins and the conflict is reported', async () => {
    const wb = await loadFixture(H21);
    wb.sheets[1].cells[0] = [{ value: '支出决算表' }];
    const result = checkWorkbook(wb);
    expect(result.sheets[1].template).toBe('income');
    expect(result.findings.some((f) => f.sheet === '公开02' && f.rule === 'R-LAYOUT' && f.severity === 'info')).toBe(true);
  });

  test('an unknown sheet is listed with a Chinese reason, never skipped', async () => {
    const wb = await loadFixture(H21);
    wb.sheets.push(gridFromRows('备忘', [['今天开会'], ['明天出差']]));
    const s = checkWorkbook(wb).sheets.find((x) => x.name === '备忘')!;
    expect(s.template).toBeNull();
    expect(s.reason).toMatch(/未识别/);
  });

  test('two tables of one role: each checked alone, inter-table identities skipped with one warning', async () => {
    const wb = await loadFixture(H21);
    const copy = structuredClone(wb.sheets[1]);
    copy.name = '收入决算表（复制）';
    copy.hiddenRows = new Set();
    copy.hiddenCols = new Set();
    wb.sheets.push(copy);
    const result = checkWorkbook(wb);
    expect(result.findings.filter((f) => f.rule === 'R-DUP')).toHaveLength(1);
    expect(result.findings.filter((f) => f.rule === 'R-DUP')[0].severity).toBe('warning');
    expect(result.findings.filter((f) => f.sheet === '收入决算表（复制）' && f.rule === 'G-INTRA-07')).toHaveLength(4);
    expect(result.findings.some((f) => ['G-INTER-01', 'G-INTER-02', 'G-INTER-03', 'G-INTER-07'].includes(f.rule))).toBe(false);
  });

  test('a sheet without a unit line takes the workbook unit, with an R-UNIT note', async () => {
    const wb = await loadFixture(H21);
    wb.sheets[2].cells[2] = [{ value: '部门：焦作市市场监督管理局' }];
    const result = checkWorkbook(wb);
    expect(result.sheets[2].unit).toBe('万元');
    expect(result.findings.some((f) => f.sheet === '公开03' && f.rule === 'R-UNIT' && f.severity === 'info')).toBe(true);
  });
});

describe('reading cells', () => {
  test('a text number is read and noted; unreadable text is a warning and its identities are skipped, never 0', async () => {
    const wb = await loadFixture(H21);
    wb.sheets[4].cells[9][2] = { value: '79.17 ' };
    wb.sheets[4].cells[9][3] = { value: '七十九' };
    const result = checkWorkbook(wb);
    const c10 = result.findings.filter((f) => f.sheet === '公开05' && f.cell === 'C10');
    expect(c10.map((f) => [f.rule, f.severity])).toEqual([['R-TEXT', 'info']]);
    const d10 = result.findings.filter((f) => f.sheet === '公开05' && f.cell === 'D10');
    expect(d10.map((f) => [f.rule, f.severity])).toEqual([['R-TEXT', 'warning']]);
    expect(result.findings.some((f) => f.rule === 'G-INTRA-09' && f.cell === 'C10')).toBe(false);
  });

  test('full-width digits and thousands separators in text are read exactly', async () => {
    const wb = await loadFixture(H21);
    wb.sheets[4].cells[6][2] = { value: '１８，１５９．９７' };
    const result = checkWorkbook(wb);
    const f = result.findings.find((x) => x.sheet === '公开05' && x.cell === 'C7' && x.rule === 'G-INTRA-10');
    expect(f?.stated).toBe('18159.97');
    expect(f?.severity).toBe('rounding');
  });

  test('a formula without a cached value is unknown: an R-FORMULA note, and its identities are skipped', async () => {
    const wb = await loadFixture(H21);
    wb.sheets[4].cells[6][2] = { value: null, formula: 'SUM(C8,C29,C32,C35,C44,C49,C52)', formulaWithoutValue: true };
    const result = checkWorkbook(wb);
    expect(result.findings.some((f) => f.sheet === '公开05' && f.cell === 'C7' && f.rule === 'R-FORMULA')).toBe(true);
    expect(result.findings.some((f) => f.sheet === '公开05' && f.cell === 'C7' && f.rule.startsWith('G-'))).toBe(false);
  });

  test('a stored value with more decimals than shown is checked as shown, with an R-PREC note', async () => {
    const wb = await loadFixture(H21);
    wb.sheets[4].cells[9][2] = { value: 79.1749, numFmt: '#,##0.00' };
    const result = checkWorkbook(wb);
    expect(result.findings.some((f) => f.cell === 'C10' && f.sheet === '公开05' && f.rule === 'R-PREC')).toBe(true);
    expect(result.findings.some((f) => f.cell === 'C10' && f.sheet === '公开05' && f.rule === 'G-INTRA-09')).toBe(false);
  });

  test('a finding on a hidden row says the row is hidden', async () => {
    const wb = await loadFixture(H21);
    wb.sheets[5].hiddenRows.add(5);
    const f = checkWorkbook(wb).findings.find((x) => x.sheet === '公开06' && x.cell === 'C6' && x.rule === 'G-INTRA-23')!;
    expect(f.hiddenRow).toBe(true);
    expect(f.message).toMatch(/隐藏/);
  });
});

test('a banner row above the title does not hide it', async () => {
  const wb = await loadFixture('jiaozuo-2021-gongkai.xlsx');
  const sheet = wb.sheets[5];
  sheet.cells.unshift([{ value: '焦作市市场监督管理局2021年度部门决算公开' }]);
  sheet.rowCount++;
  sheet.merges = sheet.merges.map((m) => ({ ...m, top: m.top + 1, bottom: m.bottom + 1 }));
  sheet.hiddenRows = new Set();
  const result = checkWorkbook(wb);
  expect(result.sheets[5].template).toBe('basic-expenditure');
  expect(result.findings.filter((f) => f.sheet === '公开06' && f.severity !== 'info').map((f) => f.cell)).toEqual(['C7']);
});
