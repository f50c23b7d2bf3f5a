/**
 * Every 公开表 rule: the real fixture (calibration of identities.md §7) and a hand-made broken case, on the fixture
 * or on the hand-built Shanxi workbooks. A broken case changes one cell and expects that rule's finding on the
 * stated cell; a case the rule must stay silent on is checked too where the spec names one.
 */
import { parseA1 } from '../../src/core/address';
import { checkWorkbook } from '../../src/core/engine';
import { CheckResult, Finding, Severity } from '../../src/core/findings';
import { WorkbookGrid } from '../../src/core/grid';
import { RULES } from '../../src/core/gongkai/rules';
import { loadFixture } from '../helpers';
import { shanxiWorkbook } from './shanxi-builder';

const H21 = 'jiaozuo-2021-gongkai.xlsx';

type Book = 'h21' | 's24' | 's22';

interface Case {
  rule: string;
  book: Book;
  /** Cells to change: [sheet, address, new value]. */
  set: [string, string, number | string | null][];
  expect: { sheet: string; cell: string | null; severity: Severity };
  why: string;
}

async function book(b: Book): Promise<WorkbookGrid> {
  return b === 'h21' ? loadFixture(H21) : shanxiWorkbook(b);
}

function setCell(wb: WorkbookGrid, sheetName: string, address: string, value: number | string | null): void {
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const p = parseA1(address)!;
  const row = (sheet.cells[p.row] ??= []);
  row[p.col] = value === null ? undefined : { value, numFmt: typeof value === 'number' ? row[p.col]?.numFmt ?? '#,##0.00' : undefined };
}

const CASES: Case[] = [
  { rule: 'G-INTRA-01', book: 'h21', set: [['公开01', 'C33', 19485.63]], expect: { sheet: '公开01', cell: 'C33', severity: 'error' }, why: '本年收入合计 raised by 10' },
  { rule: 'G-INTRA-02', book: 'h21', set: [['公开01', 'F33', 20591.5]], expect: { sheet: '公开01', cell: 'F33', severity: 'error' }, why: '本年支出合计 raised by 10' },
  { rule: 'G-INTRA-03', book: 'h21', set: [['公开01', 'C37', 24364.74]], expect: { sheet: '公开01', cell: 'C37', severity: 'error' }, why: '收入总计 raised' },
  { rule: 'G-INTRA-04', book: 'h21', set: [['公开01', 'F37', 24364.74]], expect: { sheet: '公开01', cell: 'F37', severity: 'error' }, why: '支出总计 raised' },
  { rule: 'G-INTRA-05', book: 'h21', set: [['公开01', 'F37', 24364.74]], expect: { sheet: '公开01', cell: 'F37', severity: 'error' }, why: '支出总计 ≠ 收入总计' },
  { rule: 'G-INTRA-06', book: 'h21', set: [['公开01', 'F35', 3783.24]], expect: { sheet: '公开01', cell: 'F35', severity: 'error' }, why: '年末结转和结余 raised' },
  { rule: 'G-INTRA-07', book: 'h21', set: [['公开02', 'C9', 89.17]], expect: { sheet: '公开02', cell: 'C9', severity: 'error' }, why: 'a row total raised' },
  { rule: 'G-INTRA-08', book: 'h21', set: [['公开03', 'C10', 89.17]], expect: { sheet: '公开03', cell: 'C10', severity: 'error' }, why: 'a row total raised' },
  { rule: 'G-INTRA-09', book: 'h21', set: [['公开05', 'C10', 89.17]], expect: { sheet: '公开05', cell: 'C10', severity: 'error' }, why: '小计 ≠ 基本 + 项目' },
  { rule: 'G-INTRA-10', book: 'h21', set: [['公开05', 'C7', 18169.97]], expect: { sheet: '公开05', cell: 'C7', severity: 'error' }, why: '合计 ≠ Σ类' },
  { rule: 'G-INTRA-11', book: 'h21', set: [['公开05', 'C29', 30.72]], expect: { sheet: '公开05', cell: 'C29', severity: 'error' }, why: '类 205 ≠ its 款' },
  { rule: 'G-INTRA-12', book: 'h21', set: [['公开05', 'C30', 30.72]], expect: { sheet: '公开05', cell: 'C30', severity: 'error' }, why: '款 20508 ≠ its 项' },
  { rule: 'G-INTRA-13', book: 's24', set: [['公开02表', 'A11', null]], expect: { sheet: '公开02表', cell: 'C12', severity: 'warning' }, why: '款 20138 row lost its code' },
  { rule: 'G-INTRA-14', book: 'h21', set: [['公开04', 'C33', 17084.25]], expect: { sheet: '公开04', cell: 'C33', severity: 'error' }, why: '财政拨款本年收入合计 raised' },
  { rule: 'G-INTRA-15', book: 'h21', set: [['公开04', 'C34', 1097.19]], expect: { sheet: '公开04', cell: 'C34', severity: 'error' }, why: '年初结转 ≠ its funds' },
  { rule: 'G-INTRA-16', book: 'h21', set: [['公开04', 'C38', 18171.44]], expect: { sheet: '公开04', cell: 'C38', severity: 'error' }, why: '收入总计 raised' },
  { rule: 'G-INTRA-17', book: 'h21', set: [['公开04', 'G33', 18169.97]], expect: { sheet: '公开04', cell: 'G33', severity: 'error' }, why: '本年支出合计 栏3 raised' },
  { rule: 'G-INTRA-18', book: 'h21', set: [['公开04', 'G38', 18171.44]], expect: { sheet: '公开04', cell: 'G38', severity: 'error' }, why: '支出总计 栏3 raised' },
  { rule: 'G-INTRA-19', book: 'h21', set: [['公开04', 'G7', 14690.86]], expect: { sheet: '公开04', cell: 'F7', severity: 'error' }, why: '栏2 ≠ 栏3 + 栏4 + 栏5' },
  { rule: 'G-INTRA-20', book: 'h21', set: [['公开04', 'F38', 18171.44]], expect: { sheet: '公开04', cell: 'F38', severity: 'error' }, why: '支出总计 ≠ 收入总计' },
  { rule: 'G-INTRA-21', book: 'h21', set: [['公开04', 'G38', 18171.44]], expect: { sheet: '公开04', cell: 'G38', severity: 'error' }, why: '一般公共预算 支出总计 ≠ 收入 + 年初' },
  { rule: 'G-INTRA-22', book: 'h21', set: [['公开04', 'G34', 11.48]], expect: { sheet: '公开04', cell: 'G34', severity: 'error' }, why: '年末结转 raised' },
  { rule: 'G-INTRA-23', book: 'h21', set: [['公开06', 'C7', 3362.99]], expect: { sheet: '公开06', cell: 'C6', severity: 'error' }, why: 'a 款 of 301 raised' },
  { rule: 'G-INTRA-24', book: 'h21', set: [['公开06', 'C34', 13918.14]], expect: { sheet: '公开06', cell: 'C34', severity: 'error' }, why: '人员经费合计 raised' },
  { rule: 'G-INTRA-25', book: 'h21', set: [['公开06', 'I34', 1263.84]], expect: { sheet: '公开06', cell: 'I34', severity: 'error' }, why: '公用经费合计 raised' },
  { rule: 'G-INTRA-26', book: 's22', set: [['一般公共预算财政拨款支出决算明细表', 'H9', 1300000]], expect: { sheet: '一般公共预算财政拨款支出决算明细表', cell: 'H9', severity: 'error' }, why: '其中基本支出 > 金额' },
  { rule: 'G-INTRA-27', book: 'h21', set: [['公开07', 'G8', 131.63]], expect: { sheet: '公开07', cell: 'G8', severity: 'error' }, why: '三公决算合计 raised' },
  { rule: 'G-INTRA-28', book: 'h21', set: [['公开07', 'I8', 126.69]], expect: { sheet: '公开07', cell: 'I8', severity: 'error' }, why: '公务用车小计 raised' },
  { rule: 'G-INTRA-29', book: 'h21', set: [['公开08', 'E7', 3]], expect: { sheet: '公开08', cell: 'E7', severity: 'error' }, why: '小计 ≠ 基本 + 项目' },
  { rule: 'G-INTRA-30', book: 'h21', set: [['公开08', 'H7', 5]], expect: { sheet: '公开08', cell: 'H7', severity: 'error' }, why: '年末 ≠ 年初 + 收入 − 支出' },
  { rule: 'G-INTRA-31', book: 's24', set: [['公开10表', 'C8', 35]], expect: { sheet: '公开10表', cell: 'C8', severity: 'error' }, why: '政府采购合计 raised' },
  { rule: 'G-INTRA-32', book: 's24', set: [['公开10表', 'C17', 4]], expect: { sheet: '公开10表', cell: 'C17', severity: 'error' }, why: '车辆数合计 off by one vehicle' },
  { rule: 'G-INTER-01', book: 'h21', set: [['公开02', 'C7', 19485.63]], expect: { sheet: '公开01', cell: 'C33', severity: 'error' }, why: 'INC 合计 ≠ IE 行27' },
  { rule: 'G-INTER-02', book: 'h21', set: [['公开02', 'D7', 17084.25]], expect: { sheet: '公开02', cell: 'D7', severity: 'error' }, why: 'INC 财政拨款 ≠ IE 行1–3' },
  { rule: 'G-INTER-03', book: 'h21', set: [['公开01', 'C14', 2411.38]], expect: { sheet: '公开01', cell: 'C14', severity: 'error' }, why: 'IE 其他收入 ≠ INC 栏7' },
  { rule: 'G-INTER-04', book: 'h21', set: [['公开03', 'C7', 20591.5]], expect: { sheet: '公开01', cell: 'F33', severity: 'error' }, why: 'EXP 合计 ≠ IE 行58' },
  { rule: 'G-INTER-05', book: 'h21', set: [['公开03', 'C8', 16832.88]], expect: { sheet: '公开01', cell: 'F7', severity: 'error' }, why: 'EXP 201 ≠ IE 行32' },
  { rule: 'G-INTER-06', book: 'h21', set: [['公开01', 'C7', 17084.25]], expect: { sheet: '公开04', cell: 'C7', severity: 'error' }, why: 'IE 行1 ≠ FS 行1' },
  { rule: 'G-INTER-07', book: 'h21', set: [['公开04', 'C33', 17084.25]], expect: { sheet: '公开04', cell: 'C33', severity: 'error' }, why: 'FS 行27 ≠ INC 栏2' },
  { rule: 'G-INTER-08', book: 'h21', set: [['公开05', 'C7', 18169.97]], expect: { sheet: '公开04', cell: 'G33', severity: 'error' }, why: 'GB 合计 ≠ FS 行59 栏3' },
  { rule: 'G-INTER-09', book: 'h21', set: [['公开05', 'C8', 14690.86]], expect: { sheet: '公开04', cell: 'G7', severity: 'error' }, why: 'GB 201 ≠ FS 行33 栏3' },
  { rule: 'G-INTER-10', book: 'h21', set: [['公开08', 'E7', 5]], expect: { sheet: '公开04', cell: 'H33', severity: 'error' }, why: 'GF spending not in FS 栏4' },
  { rule: 'G-INTER-11', book: 'h21', set: [['公开09', 'E7', 5]], expect: { sheet: '公开04', cell: 'I33', severity: 'error' }, why: 'SC spending not in FS 栏5' },
  { rule: 'G-INTER-12', book: 'h21', set: [['公开06', 'I34', 1263.84]], expect: { sheet: '公开05', cell: 'D7', severity: 'error' }, why: 'BE 人员 + 公用 ≠ GB 基本支出' },
  { rule: 'G-INTER-13', book: 's22', set: [['一般公共预算财政拨款支出决算明细表', 'O13', 2005000]], expect: { sheet: '一般公共预算财政拨款支出决算表', cell: 'C9', severity: 'error' }, why: 'BE 金额 totals ≠ GB 小计' },
  { rule: 'G-INTER-14', book: 'h21', set: [['公开05', 'C10', 100], ['公开05', 'D10', 100]], expect: { sheet: '公开05', cell: 'C10', severity: 'error' }, why: 'GB code > EXP code' },
  { rule: 'G-INTER-14', book: 's24', set: [['公开05表', 'A12', '2013802']], expect: { sheet: '公开05表', cell: 'C12', severity: 'error' }, why: 'GB code missing from EXP' },
  { rule: 'G-INTER-15', book: 's24', set: [['公开04表', 'F8', 800], ['公开04表', 'G8', 800]], expect: { sheet: '公开04表', cell: 'F8', severity: 'error' }, why: 'FS class > IE class' },
  { rule: 'G-INTER-16', book: 'h21', set: [['公开06', 'F30', 200]], expect: { sheet: '公开06', cell: 'F30', severity: 'warning' }, why: 'BE 30231 > 3P 运行费 决算' },
  { rule: 'G-INTER-17', book: 's24', set: [['公开10表', 'C14', 500]], expect: { sheet: '公开10表', cell: 'C14', severity: 'warning' }, why: '机关运行经费 > 公用经费' },
  { rule: 'G-INTER-18', book: 's24', set: [['公开01表', 'C16', null]], expect: { sheet: '公开04表', cell: 'F34', severity: 'warning' }, why: 'all fiscal yet FS 行59 ≠ IE 行58' },
  { rule: 'G-INTER-19', book: 's24', set: [['公开03表', 'C9', 840.85]], expect: { sheet: '公开05表', cell: 'C13', severity: 'warning' }, why: 'all 一般公共预算 yet a row differs' },
];

function has(result: CheckResult, c: Case): Finding | undefined {
  return result.findings.find((f) => f.rule === c.rule && f.sheet === c.expect.sheet && f.cell === c.expect.cell && f.severity === c.expect.severity);
}

describe('every 公开表 rule fires on a hand-made broken case', () => {
  test('each rule in the registry has at least one broken case', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  test.each(CASES.map((c) => [`${c.rule} (${c.book}): ${c.why}`, c] as const))('%s', async (_name, c) => {
    const before = checkWorkbook(await book(c.book));
    expect(has(before, c)).toBeUndefined();
    const wb = await book(c.book);
    for (const [sheet, address, value] of c.set) setCell(wb, sheet, address, value);
    const after = checkWorkbook(wb);
    const found = has(after, c);
    expect(found).toBeDefined();
    expect(found!.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

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
