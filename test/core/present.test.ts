/** The one presentation of a finding (core/present.ts), slot input parsing, and two-sided row marks. */
import { Finding } from '../../src/core/findings';
import { adviceFor, figuresLine, groupDigits, nextStep, showMessage, shownDifference, worstFirst } from '../../src/core/present';
import { parseSlotValue } from '../../src/core/draft-input';
import { markColumns, rowMarks } from '../../src/host/marks';
import { checkFixture } from '../helpers';

const f = (over: Partial<Finding>): Finding => ({ sheet: '表', cell: 'C4', rule: 'G-TEST', severity: 'rounding', stated: null, expected: null, message: '', ...over });

test('差额 is the printed figure minus the recomputed one at the printed precision, signed; rates in 百分点', () => {
  expect(shownDifference(f({ stated: '20581.50', expected: '20581.49' }))).toBe('+0.01');
  expect(shownDifference(f({ stated: '9.8分', expected: '9.8657' }))).toBe('-0.1');
  expect(shownDifference(f({ stated: '87.68%', expected: '87.67%' }))).toBe('+0.01 百分点');
  expect(shownDifference(f({ stated: '0%', expected: '100%' }))).toBe('-100 百分点');
  expect(shownDifference(f({ stated: '11475996.4', expected: '13233072.42' }))).toBe('-1,757,076.0');
  expect(shownDifference(f({ stated: null, expected: '偏差原因' }))).toBeNull();
});

test('amounts are grouped as the sheet shows them; codes and years are left alone; pp becomes 百分点', () => {
  expect(groupDigits('20581.50')).toBe('20,581.50');
  expect(groupDigits('-1757076.02')).toBe('-1,757,076.02');
  expect(showMessage('填报 20581.50，应为 295,600.55 ÷ 295600.55')).toBe('填报 20,581.50，应为 295,600.55 ÷ 295,600.55');
  expect(showMessage('按 578000 ÷ 578000 计算')).toBe('按 578,000 ÷ 578,000 计算');
  expect(showMessage('2013802 一般行政管理事务，2021年，公开05!C19')).toBe('2013802 一般行政管理事务，2021年，公开05!C19');
  expect(showMessage('相差 16.36 pp')).toBe('相差 16.36 百分点');
  expect(showMessage('填报 295600，应为 295601，相差 1元')).toBe('填报 295,600，应为 295,601，相差 1元');
  expect(showMessage('按列示顺序对应为 2080599 其他行政事业单位养老支出')).toBe('按列示顺序对应为 2080599 其他行政事业单位养老支出');
});

test('a finding without a figure pair shows no empty 应为; a reading note shows no figures at all', () => {
  expect(figuresLine(f({ severity: 'warning', stated: null, expected: '偏差原因' }))).toBeNull();
  expect(figuresLine(f({ severity: 'info', stated: '9.8分', expected: '9.8' }))).toBeNull();
  expect(figuresLine(f({ stated: '20581.50', expected: '20581.49' }))).toBe('填报 20,581.50，应为 20,581.49，差额 +0.01');
});

test('every finding of the Jiaozuo 公开表 has a next step; narrative 尾数误差 quote the table figure', async () => {
  const result = await checkFixture('jiaozuo-2021-gongkai.xlsx');
  for (const x of result.findings.filter((y) => y.severity !== 'info')) expect(nextStep(x)).toBeTruthy();
  const narrative = result.findings.find((x) => x.rule === 'NC-01' && x.severity === 'rounding')!;
  expect(adviceFor(narrative)).toMatch(/改为 18,159\.97（公开05!C7）/);
  const kept = result.findings.find((x) => x.proposalReason)!;
  expect(adviceFor(kept)).toMatch(/出错说明可写/);
  // worst first: the one 错误 leads
  expect(worstFirst(result)[0].severity).toBe('error');
});

test('two-sided tables: only the failing half of the row is filled; other tables fill the whole row', async () => {
  const result = await checkFixture('jiaozuo-2021-gongkai.xlsx');
  const marks = rowMarks(result.findings, result.sheets);
  const f33 = marks.find((m) => m.sheet === '公开01' && m.row === 32)!;
  const half = result.sheets.find((s) => s.name === '公开01')!.halves!;
  expect(half).toHaveLength(2);
  // F33 (本年支出合计) is on the 支出 side: A–C (收入) stay unfilled
  expect(markColumns(f33, 6)).toEqual([3, 4, 5]);
  const other = marks.find((m) => m.sheet === '公开02')!;
  expect(other.cols).toBeUndefined();
  expect(markColumns(other, 4)).toEqual([0, 1, 2, 3]);
  // without the sheet summaries (an older caller) the whole row is filled, as before
  expect(rowMarks(result.findings).find((m) => m.sheet === '公开01' && m.row === 32)!.cols).toBeUndefined();
});

test('a slot amount is taken with or without its unit and converted exactly when the unit differs', () => {
  expect(parseSlotValue('22000.00万元', 'amount', '万元')).toEqual({ value: '22000' });
  expect(parseSlotValue('22,000', 'amount', '万元')).toEqual({ value: '22000' });
  expect(parseSlotValue('２２０００', 'amount', '万元')).toEqual({ value: '22000' });
  expect(parseSlotValue('220,000,000元', 'amount', '万元')).toEqual({ value: '22000', note: '按万元换算为 22000.00万元' });
  expect(parseSlotValue('2.2万元', 'amount', '元')).toEqual({ value: '22000', note: '按元换算为 22000.00元' });
  expect(parseSlotValue('很多', 'amount', '万元').error).toMatch(/无法识别的金额“很多”/);
  expect(parseSlotValue('  业务量增加 ', 'text', '万元')).toEqual({ value: '业务量增加' });
  expect(parseSlotValue('', 'amount', '万元')).toEqual({});
});

test('--annotate fills only the failing half of a two-sided row, as the pane does', async () => {
  const { annotateWorkbook } = await import('../../src/host/xlsx-annotate');
  const ExcelJS = (await import('exceljs')).default;
  const { fixtureBytes } = await import('../helpers');
  const result = await checkFixture('jiaozuo-2021-gongkai.xlsx');
  const { bytes } = await annotateWorkbook(fixtureBytes('jiaozuo-2021-gongkai.xlsx'), result.findings, result.sheets);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('公开01')!;
  const argb = (a: string) => ((ws.getCell(a).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb ?? null);
  expect(argb('F33')).toBe('FFFFEB9C');
  expect(argb('D33')).toBe('FFFFEB9C');
  expect(argb('A33')).not.toBe('FFFFEB9C');
  expect(argb('C33')).not.toBe('FFFFEB9C');
  expect(String(ws.getCell('F33').note ? JSON.stringify(ws.getCell('F33').note) : '')).toMatch(/建议：/);
});
