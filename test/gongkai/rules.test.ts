/**
 * 公开表 rules beyond the rule tester (test/rules: one valid and one broken case per rule): the calibration of
 * identities.md §7 on the real fixture, the hand-built Shanxi workbooks, and the tolerance.
 */
import { parseA1 } from '../../src/core/address';
import { checkWorkbook } from '../../src/core/engine';
import { CheckResult } from '../../src/core/findings';
import { WorkbookGrid } from '../../src/core/grid';
import { loadFixture } from '../helpers';
import { shanxiWorkbook } from './shanxi-builder';

const H21 = 'jiaozuo-2021-gongkai.xlsx';

function setCell(wb: WorkbookGrid, sheetName: string, address: string, value: number | string | null): void {
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const p = parseA1(address)!;
  const row = (sheet.cells[p.row] ??= []);
  row[p.col] = value === null ? undefined : { value, numFmt: typeof value === 'number' ? row[p.col]?.numFmt ?? '#,##0.00' : undefined };
}

describe('the hand-built Shanxi workbooks hold every identity', () => {
  test.each(['s24', 's22'] as const)('%s: all sheets recognised, nothing but reading notes', (variant) => {
    const result = checkWorkbook(shanxiWorkbook(variant));
    expect(result.sheets.map((s) => s.template)).toEqual([
      'income-expenditure-summary', 'income', 'expenditure', 'fiscal-summary', 'general-budget-expenditure', 'basic-expenditure',
      'three-public', 'gov-fund', 'state-capital', 'disclosure-stats',
    ]);
    expect(result.sheets.every((s) => s.unit === (variant === 's22' ? '元' : '万元'))).toBe(true);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('tolerance: 0.01 × the non-zero addends tells 尾数误差 from an error', () => {
  test('a cent on a two-addend identity with one non-zero addend is rounding; two cents is an error', async () => {
    for (const [value, severity] of [[79.18, 'rounding'], [79.19, 'error']] as const) {
      const wb = await loadFixture(H21);
      setCell(wb, '公开05', 'C10', value);
      const f = checkWorkbook(wb).findings.find((x) => x.rule === 'G-INTRA-09' && x.cell === 'C10');
      expect(f?.severity).toBe(severity);
    }
  });

  test('a 元 table must tie to the cent too: 0.02 元 over one addend is an error', () => {
    const wb = shanxiWorkbook('s22');
    setCell(wb, '一般公共预算财政拨款支出决算表', 'C12', 5000000.02);
    const f = checkWorkbook(wb).findings.find((x) => x.rule === 'G-INTRA-09' && x.cell === 'C12');
    expect(f?.severity).toBe('error');
  });

  test('an inter-table identity off by exactly 10 000 says a unit label is wrong', () => {
    const wb = shanxiWorkbook('s22');
    const inc = wb.sheets.find((s) => s.name === '收入决算表')!;
    inc.cells[2] = [{ value: '金额单位：万元' }];
    const f = checkWorkbook(wb).findings.find((x) => x.rule === 'G-INTER-01');
    expect(f?.severity).toBe('error');
    expect(f?.message).toMatch(/单位/);
  });
});

describe('calibration on the Jiaozuo fixture (identities.md §7)', () => {
  let result: CheckResult;
  beforeAll(async () => {
    result = checkWorkbook(await loadFixture(H21));
  });

  test('per table and rule, exactly the rounding findings §7 lists, and no error or warning', () => {
    const tables = result.findings.filter((f) => f.sheet !== '第三部分说明' && f.severity !== 'info');
    const count = (sheet: string, rule: string) => tables.filter((f) => f.sheet === sheet && f.rule === rule).length;
    expect(tables.every((f) => f.severity === 'rounding')).toBe(true);
    const expected: [string, string, number][] = [
      ['公开01', 'G-INTRA-02', 1],
      ['公开02', 'G-INTRA-07', 4], ['公开02', 'G-INTRA-10', 2], ['公开02', 'G-INTRA-11', 3], ['公开02', 'G-INTRA-12', 4],
      ['公开03', 'G-INTRA-08', 1], ['公开03', 'G-INTRA-10', 2], ['公开03', 'G-INTRA-11', 4], ['公开03', 'G-INTRA-12', 5],
      ['公开04', 'G-INTRA-17', 2], ['公开04', 'G-INTRA-18', 2], ['公开04', 'G-INTRA-22', 2],
      ['公开05', 'G-INTRA-10', 3], ['公开05', 'G-INTRA-11', 4], ['公开05', 'G-INTRA-12', 4],
      ['公开06', 'G-INTRA-23', 1],
    ];
    for (const [sheet, rule, n] of expected) expect([sheet, rule, count(sheet, rule)]).toEqual([sheet, rule, n]);
    expect(tables.length).toBe(expected.reduce((s, [, , n]) => s + n, 0));
  });

  test('G-INTRA-22 findings are marked derived', () => {
    const derived = result.findings.filter((f) => f.rule === 'G-INTRA-22');
    expect(derived.map((f) => f.cell).sort()).toEqual(['F34', 'G34']);
    expect(derived.every((f) => f.derived === true)).toBe(true);
  });

  test('the non-identities of identities.md §6 are never flagged', () => {
    // N-01/N-08/N-10: BE 款 vs GB 项, BE vs 3P equality, 机关运行经费 = 公用: none may fire.
    const onBasic = result.findings.filter((f) => f.sheet === '公开06' && f.severity !== 'info');
    expect(onBasic.map((f) => f.cell)).toEqual(['C6']);
    expect(result.findings.some((f) => /^G-INTER-(1[4-9])$/.test(f.rule))).toBe(false);
  });
});
