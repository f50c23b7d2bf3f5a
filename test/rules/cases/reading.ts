/** Reading rules (spec README "Reading cells"): how a cell was read, on the hand-built Shanxi 公开表 and on templates. */
import { makeSheetGrid } from '../../../src/core/grid';
import { READING_RULES } from '../../../src/core/reading';
import { templateSheets } from '../../../src/core/templates';
import { shanxiWorkbook } from '../../gongkai/shanxi-builder';
import { templateWorkbook } from '../template-grid';
import { InvalidCase, RuleTests } from '../tester';

const s24 = () => shanxiWorkbook('s24');
/** 政府采购合计 (行1) of the statistics table: an amount cell that holds 35. */
const AMOUNT: [string, string] = ['公开10表', 'C8'];

const INVALID: Record<string, InvalidCase[]> = {
  'R-TEXT': [
    { name: 'an amount cell holding 无数据', workbook: s24, set: [[...AMOUNT, '无数据']], findings: [{ sheet: AMOUNT[0], cell: AMOUNT[1], severity: 'warning', stated: '无数据' }] },
    { name: 'an amount typed as text', workbook: s24, set: [[...AMOUNT, (old) => String(old)]], findings: [{ sheet: AMOUNT[0], cell: AMOUNT[1], severity: 'info' }] },
  ],
  'R-PREC': [{ name: 'a stored value with a third decimal under #,##0.00', workbook: s24, set: [[...AMOUNT, (old) => Number(old) + 0.001, '#,##0.00']], findings: [{ sheet: AMOUNT[0], cell: AMOUNT[1], severity: 'info' }] }],
  'R-FORMULA': [{ name: 'a formula Excel never calculated', workbook: s24, set: [[...AMOUNT, { value: null, formula: 'C9+C10+C11', formulaWithoutValue: true }]], findings: [{ sheet: AMOUNT[0], cell: AMOUNT[1], severity: 'info' }] }],
  'R-FORMAT': [{ name: 'an amount formatted as a percentage', workbook: s24, set: [[...AMOUNT, (old) => old, '0.00%']], findings: [{ sheet: AMOUNT[0], cell: AMOUNT[1], severity: 'info' }] }],
  'R-UNIT': [{ name: 'the unit line removed from one table', workbook: () => shanxiWorkbook('s22'), set: [['收入决算表', 'A3', null]], findings: [{ sheet: '收入决算表', cell: null, severity: 'info', expected: '元' }] }],
  'R-DUP': [
    {
      name: 'the statistics table twice',
      workbook: () => {
        const wb = s24();
        const stats = wb.sheets.find((s) => s.name === AMOUNT[0])!;
        wb.sheets.push(makeSheetGrid({ name: `${AMOUNT[0]}（副本）`, cells: structuredClone(stats.cells), merges: stats.merges }));
        return wb;
      },
      findings: [{ sheet: AMOUNT[0], cell: null, severity: 'warning' }],
    },
  ],
  'R-LAYOUT': [
    { name: 'the 支出决算表 titled as the “三公” table: the header decides', workbook: s24, set: [['公开03表', 'A1', '“三公”经费支出决算表']], findings: [{ sheet: '公开03表', cell: null, severity: 'info' }] },
  ],
  'R-EMPTY': [
    {
      name: 'a blank “三公” template',
      workbook: () => templateWorkbook(templateSheets('three-public', 'henan-2021')),
      findings: [{ sheet: templateSheets('three-public', 'henan-2021')[0].name, cell: null, severity: 'info' }],
    },
  ],
};

export const READING_TESTS: RuleTests[] = READING_RULES.map((r) => ({
  rule: r.id,
  valid: r.id === 'R-EMPTY' ? [] : [{ name: 'Shanxi 2024 workbook, every cell a plain number', workbook: s24 }],
  invalid: INVALID[r.id] ?? [],
}));
