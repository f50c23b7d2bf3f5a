/**
 * 公开表 rules: valid on the two hand-built Shanxi workbooks (every identity holds), invalid on one or two changed
 * cells of the Jiaozuo fixture or of those workbooks, each giving the rule's finding on the stated cell.
 */
import { WorkbookGrid } from '../../../src/core/grid';
import { RULES } from '../../../src/core/gongkai/rules';
import { loadFixture } from '../../helpers';
import { shanxiWorkbook } from '../../gongkai/shanxi-builder';
import { InvalidCase, RuleTests } from '../tester';

type Book = 'h21' | 's24' | 's22';

function book(b: Book): Promise<WorkbookGrid> | WorkbookGrid {
  return b === 'h21' ? loadFixture('jiaozuo-2021-gongkai.xlsx') : shanxiWorkbook(b);
}

const INVALID: Record<string, InvalidCase[]> = {
  'G-INTER-01': [
    { name: 'INC 合计 ≠ IE 行27 (h21)', workbook: () => book('h21'), set: [['公开02', 'C7', 19485.63]], findings: [{ sheet: '公开01', cell: 'C33', severity: 'error' }] },
  ],
  'G-INTER-02': [
    { name: 'INC 财政拨款 ≠ IE 行1–3 (h21)', workbook: () => book('h21'), set: [['公开02', 'D7', 17084.25]], findings: [{ sheet: '公开02', cell: 'D7', severity: 'error', stated: '17084.25' }] },
  ],
  'G-INTER-03': [
    { name: 'IE 其他收入 ≠ INC 栏7 (h21)', workbook: () => book('h21'), set: [['公开01', 'C14', 2411.38]], findings: [{ sheet: '公开01', cell: 'C14', severity: 'error', stated: '2411.38' }] },
  ],
  'G-INTER-04': [
    { name: 'EXP 合计 ≠ IE 行58 (h21)', workbook: () => book('h21'), set: [['公开03', 'C7', 20591.5]], findings: [{ sheet: '公开01', cell: 'F33', severity: 'error' }] },
  ],
  'G-INTER-05': [
    { name: 'EXP 201 ≠ IE 行32 (h21)', workbook: () => book('h21'), set: [['公开03', 'C8', 16832.88]], findings: [{ sheet: '公开01', cell: 'F7', severity: 'error' }] },
  ],
  'G-INTER-06': [
    { name: 'IE 行1 ≠ FS 行1 (h21)', workbook: () => book('h21'), set: [['公开01', 'C7', 17084.25]], findings: [{ sheet: '公开04', cell: 'C7', severity: 'error' }] },
  ],
  'G-INTER-07': [
    { name: 'FS 行27 ≠ INC 栏2 (h21)', workbook: () => book('h21'), set: [['公开04', 'C33', 17084.25]], findings: [{ sheet: '公开04', cell: 'C33', severity: 'error', stated: '17084.25' }] },
  ],
  'G-INTER-08': [
    { name: 'GB 合计 ≠ FS 行59 栏3 (h21)', workbook: () => book('h21'), set: [['公开05', 'C7', 18169.97]], findings: [{ sheet: '公开04', cell: 'G33', severity: 'error' }] },
  ],
  'G-INTER-09': [
    { name: 'GB 201 ≠ FS 行33 栏3 (h21)', workbook: () => book('h21'), set: [['公开05', 'C8', 14690.86]], findings: [{ sheet: '公开04', cell: 'G7', severity: 'error' }] },
  ],
  'G-INTER-10': [
    { name: 'GF spending not in FS 栏4 (h21)', workbook: () => book('h21'), set: [['公开08', 'E7', 5]], findings: [{ sheet: '公开04', cell: 'H33', severity: 'error' }] },
  ],
  'G-INTER-11': [
    { name: 'SC spending not in FS 栏5 (h21)', workbook: () => book('h21'), set: [['公开09', 'E7', 5]], findings: [{ sheet: '公开04', cell: 'I33', severity: 'error' }] },
  ],
  'G-INTER-12': [
    { name: 'BE 人员 + 公用 ≠ GB 基本支出 (h21)', workbook: () => book('h21'), set: [['公开06', 'I34', 1263.84]], findings: [{ sheet: '公开05', cell: 'D7', severity: 'error' }] },
  ],
  'G-INTER-13': [
    { name: 'BE 金额 totals ≠ GB 小计 (s22)', workbook: () => book('s22'), set: [['一般公共预算财政拨款支出决算明细表', 'O13', 2005000]], findings: [{ sheet: '一般公共预算财政拨款支出决算表', cell: 'C9', severity: 'error' }] },
  ],
  'G-INTER-14': [
    { name: 'GB code > EXP code (h21)', workbook: () => book('h21'), set: [['公开05', 'C10', 100], ['公开05', 'D10', 100]], findings: [{ sheet: '公开05', cell: 'C10', severity: 'error', stated: '100.00' }, { sheet: '公开05', cell: 'D10', severity: 'error', stated: '100.00' }] },
    { name: 'GB code missing from EXP (s24)', workbook: () => book('s24'), set: [['公开05表', 'A12', '2013802']], findings: [{ sheet: '公开05表', cell: 'C12', severity: 'error' }] },
  ],
  'G-INTER-15': [
    { name: 'FS class > IE class (s24)', workbook: () => book('s24'), set: [['公开04表', 'F8', 800], ['公开04表', 'G8', 800]], findings: [{ sheet: '公开04表', cell: 'F8', severity: 'error', stated: '800.00' }] },
  ],
  'G-INTER-16': [
    { name: 'BE 30231 > 3P 运行费 决算 (h21)', workbook: () => book('h21'), set: [['公开06', 'F30', 200]], findings: [{ sheet: '公开06', cell: 'F30', severity: 'warning', stated: '200.00' }] },
  ],
  'G-INTER-17': [
    { name: '机关运行经费 > 公用经费 (s24)', workbook: () => book('s24'), set: [['公开10表', 'C14', 500]], findings: [{ sheet: '公开10表', cell: 'C14', severity: 'warning', stated: '500.00' }] },
  ],
  'G-INTER-18': [
    { name: 'all fiscal yet FS 行59 ≠ IE 行58 (s24)', workbook: () => book('s24'), set: [['公开01表', 'C16', null]], findings: [{ sheet: '公开04表', cell: 'F34', severity: 'warning' }] },
  ],
  'G-INTER-19': [
    { name: 'all 一般公共预算 (EXP 合计 now equals GB): every row that differs (s24)', workbook: () => book('s24'), set: [['公开03表', 'C9', 840.85]], findings: ['E9', 'C10', 'E10', 'C11', 'E11', 'C13', 'E13'].map((cell) => ({ sheet: '公开05表', cell, severity: 'warning' as const })) },
  ],
  'G-INTRA-01': [
    { name: '本年收入合计 raised by 10 (h21)', workbook: () => book('h21'), set: [['公开01', 'C33', 19485.63]], findings: [{ sheet: '公开01', cell: 'C33', severity: 'error', stated: '19485.63' }] },
  ],
  'G-INTRA-02': [
    { name: '本年支出合计 raised by 10 (h21)', workbook: () => book('h21'), set: [['公开01', 'F33', 20591.5]], findings: [{ sheet: '公开01', cell: 'F33', severity: 'error', stated: '20591.50' }] },
  ],
  'G-INTRA-03': [
    { name: '收入总计 raised (h21)', workbook: () => book('h21'), set: [['公开01', 'C37', 24364.74]], findings: [{ sheet: '公开01', cell: 'C37', severity: 'error', stated: '24364.74' }] },
  ],
  'G-INTRA-04': [
    { name: '支出总计 raised (h21)', workbook: () => book('h21'), set: [['公开01', 'F37', 24364.74]], findings: [{ sheet: '公开01', cell: 'F37', severity: 'error', stated: '24364.74' }] },
  ],
  'G-INTRA-05': [
    { name: '支出总计 ≠ 收入总计 (h21)', workbook: () => book('h21'), set: [['公开01', 'F37', 24364.74]], findings: [{ sheet: '公开01', cell: 'F37', severity: 'error', stated: '24364.74' }] },
  ],
  'G-INTRA-06': [
    { name: '年末结转和结余 raised (h21)', workbook: () => book('h21'), set: [['公开01', 'F35', 3783.24]], findings: [{ sheet: '公开01', cell: 'F35', severity: 'error', stated: '3783.24' }] },
  ],
  'G-INTRA-07': [
    { name: 'a row total raised (h21)', workbook: () => book('h21'), set: [['公开02', 'C9', 89.17]], findings: [{ sheet: '公开02', cell: 'C9', severity: 'error', stated: '89.17' }] },
  ],
  'G-INTRA-08': [
    { name: 'a row total raised (h21)', workbook: () => book('h21'), set: [['公开03', 'C10', 89.17]], findings: [{ sheet: '公开03', cell: 'C10', severity: 'error', stated: '89.17' }] },
  ],
  'G-INTRA-09': [
    { name: '小计 ≠ 基本 + 项目 (h21)', workbook: () => book('h21'), set: [['公开05', 'C10', 89.17]], findings: [{ sheet: '公开05', cell: 'C10', severity: 'error', stated: '89.17' }] },
  ],
  'G-INTRA-10': [
    { name: '合计 ≠ Σ类 (h21)', workbook: () => book('h21'), set: [['公开05', 'C7', 18169.97]], findings: [{ sheet: '公开05', cell: 'C7', severity: 'error', stated: '18169.97' }] },
  ],
  'G-INTRA-11': [
    { name: '类 205 ≠ its 款 (h21)', workbook: () => book('h21'), set: [['公开05', 'C29', 30.72]], findings: [{ sheet: '公开05', cell: 'C29', severity: 'error', stated: '30.72' }] },
  ],
  'G-INTRA-12': [
    { name: '款 20508 ≠ its 项 (h21)', workbook: () => book('h21'), set: [['公开05', 'C30', 30.72]], findings: [{ sheet: '公开05', cell: 'C30', severity: 'error', stated: '30.72' }] },
  ],
  'G-INTRA-13': [
    { name: '款 20138 row lost its code: both its 项 are orphans (s24)', workbook: () => book('s24'), set: [['公开02表', 'A11', null]], findings: [{ sheet: '公开02表', cell: 'C12', severity: 'warning' }, { sheet: '公开02表', cell: 'C13', severity: 'warning' }] },
  ],
  'G-INTRA-14': [
    { name: '财政拨款本年收入合计 raised (h21)', workbook: () => book('h21'), set: [['公开04', 'C33', 17084.25]], findings: [{ sheet: '公开04', cell: 'C33', severity: 'error', stated: '17084.25' }] },
  ],
  'G-INTRA-15': [
    { name: '年初结转 ≠ its funds (h21)', workbook: () => book('h21'), set: [['公开04', 'C34', 1097.19]], findings: [{ sheet: '公开04', cell: 'C34', severity: 'error', stated: '1097.19' }] },
  ],
  'G-INTRA-16': [
    { name: '收入总计 raised (h21)', workbook: () => book('h21'), set: [['公开04', 'C38', 18171.44]], findings: [{ sheet: '公开04', cell: 'C38', severity: 'error', stated: '18171.44' }] },
  ],
  'G-INTRA-17': [
    { name: '本年支出合计 栏3 raised (h21)', workbook: () => book('h21'), set: [['公开04', 'G33', 18169.97]], findings: [{ sheet: '公开04', cell: 'G33', severity: 'error', stated: '18169.97' }] },
  ],
  'G-INTRA-18': [
    { name: '支出总计 栏3 raised (h21)', workbook: () => book('h21'), set: [['公开04', 'G38', 18171.44]], findings: [{ sheet: '公开04', cell: 'G38', severity: 'error', stated: '18171.44' }] },
  ],
  'G-INTRA-19': [
    { name: '栏2 ≠ 栏3 + 栏4 + 栏5 (h21)', workbook: () => book('h21'), set: [['公开04', 'G7', 14690.86]], findings: [{ sheet: '公开04', cell: 'F7', severity: 'error' }] },
  ],
  'G-INTRA-20': [
    { name: '支出总计 ≠ 收入总计 (h21)', workbook: () => book('h21'), set: [['公开04', 'F38', 18171.44]], findings: [{ sheet: '公开04', cell: 'F38', severity: 'error', stated: '18171.44' }] },
  ],
  'G-INTRA-21': [
    { name: '一般公共预算 支出总计 ≠ 收入 + 年初 (h21)', workbook: () => book('h21'), set: [['公开04', 'G38', 18171.44]], findings: [{ sheet: '公开04', cell: 'G38', severity: 'error', stated: '18171.44' }] },
  ],
  'G-INTRA-22': [
    { name: '年末结转 raised (h21)', workbook: () => book('h21'), set: [['公开04', 'G34', 11.48]], findings: [{ sheet: '公开04', cell: 'G34', severity: 'error', stated: '11.48' }] },
  ],
  'G-INTRA-23': [
    { name: 'a 款 of 301 raised (h21)', workbook: () => book('h21'), set: [['公开06', 'C7', 3362.99]], findings: [{ sheet: '公开06', cell: 'C6', severity: 'error' }] },
  ],
  'G-INTRA-24': [
    { name: '人员经费合计 raised (h21)', workbook: () => book('h21'), set: [['公开06', 'C34', 13918.14]], findings: [{ sheet: '公开06', cell: 'C34', severity: 'error', stated: '13918.14' }] },
  ],
  'G-INTRA-25': [
    { name: '公用经费合计 raised (h21)', workbook: () => book('h21'), set: [['公开06', 'I34', 1263.84]], findings: [{ sheet: '公开06', cell: 'I34', severity: 'error', stated: '1263.84' }] },
  ],
  'G-INTRA-26': [
    { name: '其中基本支出 > 金额 (s22)', workbook: () => book('s22'), set: [['一般公共预算财政拨款支出决算明细表', 'H9', 1300000]], findings: [{ sheet: '一般公共预算财政拨款支出决算明细表', cell: 'H9', severity: 'error', stated: '1300000.00' }] },
  ],
  'G-INTRA-27': [
    { name: '三公决算合计 raised (h21)', workbook: () => book('h21'), set: [['公开07', 'G8', 131.63]], findings: [{ sheet: '公开07', cell: 'G8', severity: 'error', stated: '131.63' }] },
  ],
  'G-INTRA-28': [
    { name: '公务用车小计 raised (h21)', workbook: () => book('h21'), set: [['公开07', 'I8', 126.69]], findings: [{ sheet: '公开07', cell: 'I8', severity: 'error', stated: '126.69' }] },
  ],
  'G-INTRA-29': [
    { name: '小计 ≠ 基本 + 项目 (h21)', workbook: () => book('h21'), set: [['公开08', 'E7', 3]], findings: [{ sheet: '公开08', cell: 'E7', severity: 'error', stated: '3.00' }] },
  ],
  'G-INTRA-30': [
    { name: '年末 ≠ 年初 + 收入 − 支出 (h21)', workbook: () => book('h21'), set: [['公开08', 'H7', 5]], findings: [{ sheet: '公开08', cell: 'H7', severity: 'error', stated: '5.00' }] },
  ],
  'G-INTRA-31': [
    { name: '政府采购合计 raised (s24)', workbook: () => book('s24'), set: [['公开10表', 'C8', 35]], findings: [{ sheet: '公开10表', cell: 'C8', severity: 'error', stated: '35.00' }] },
  ],
  'G-INTRA-32': [
    { name: '车辆数合计 off by one vehicle (s24)', workbook: () => book('s24'), set: [['公开10表', 'C17', 4]], findings: [{ sheet: '公开10表', cell: 'C17', severity: 'error', stated: '4' }] },
  ],
};

export const GONGKAI_TESTS: RuleTests[] = RULES.map((r) => ({
  rule: r.id,
  valid: [
    { name: 'Shanxi 2024 workbook (万元), all identities hold', workbook: () => shanxiWorkbook('s24') },
    { name: 'Shanxi 2022 workbook (元, 16-column 基本支出), all identities hold', workbook: () => shanxiWorkbook('s22') },
  ],
  invalid: INVALID[r.id] ?? [],
}));
