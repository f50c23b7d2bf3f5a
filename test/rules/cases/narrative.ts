/**
 * 情况说明 rules on the Jiaozuo 第三部分说明: valid on the text as published for the rules it holds, invalid on one
 * paragraph with one phrase replaced (the replacement says what is broken).
 */
import { NARRATIVE_RULES } from '../../../src/core/narrative/rules';
import { loadFixture } from '../../helpers';
import { InvalidCase, RuleCase, RuleTests } from '../tester';

const NOTES = '第三部分说明';
const jiaozuo = () => loadFixture('jiaozuo-2021-gongkai.xlsx');

/** The Jiaozuo notes with `from` replaced by `to` in the paragraph at row `row`. */
function edit(name: string, row: number, from: string, to: string, findings: InvalidCase['findings']): InvalidCase {
  return {
    name,
    workbook: jiaozuo,
    set: [[NOTES, `A${row}`, (old) => {
      if (!String(old).includes(from)) throw new Error(`A${row} 中没有“${from}”`);
      return String(old).replace(from, to);
    }]],
    findings,
  };
}

const at = (row: number, severity: InvalidCase['findings'][number]['severity'], more: Partial<InvalidCase['findings'][number]> = {}) => ({ sheet: NOTES, cell: `A${row}`, severity, ...more });

const INVALID: Record<string, InvalidCase[]> = {
  'NC-01': [edit('the 三公 budget quoted as 29.09 against 27.09', 56, '预算为 27.09 万元', '预算为 29.09 万元', [at(56, 'error', { stated: '29.09', expected: '27.09' })])],
  'NC-02': [
    edit('a rate one cent off', 20, '85.24%', '85.25%', [at(20, 'rounding', { expected: '85.24%' })]),
    edit('a rate a point off', 20, '85.24%', '86.24%', [at(20, 'error', { expected: '85.24%' })]),
    edit('a right rate printed without decimals', 20, '85.24%', '85%', [at(20, 'info')]),
  ],
  'NC-03': [edit('货物 raised by 10 under the same 采购 total', 66, '货物支出106.25万元', '货物支出116.25万元', [at(66, 'error', { stated: '525.25', expected: '535.25' })])],
  'NC-04': [edit('减少 paired with 增长', 64, '下降5.36%', '增长5.36%', [at(64, 'warning')])],
  'NC-05': [edit('政府性基金 spending quoted for an empty table', 60, '我部门2021年度没有政府性基金收入，也没有使用政府性基金安排的支出。', '2021年度政府性基金预算财政拨款支出 50.00 万元。', [at(60, 'warning')])],
  'NC-06': [edit('完成全年预算的 under a 3P note on 年初预算', 49, '完成“三公”经费预算的', '完成全年预算的', [at(49, 'warning')])],
  'NC-07': [edit('a class with spending left out of the list', 15, '节能环保支出（类）支出 29.01 万元，占 0.16%；', '', [at(15, 'info')])],
  'NC-08': [edit('完成年初预算的 100% over a 年初预算 of 0', 18, '支出决算为 79.17 万元。', '支出决算为 79.17 万元，完成年初预算的 100.00%。', [at(18, 'warning')])],
  'NC-09': [
    edit('vehicle types adding up to 117 under a total of 118', 68, '执法执勤用车78辆', '执法执勤用车77辆', [at(68, 'error', { stated: '118', expected: '117' })]),
    edit('2 vehicles bought while 3P shows no 购置费', 54, '购置车辆 0 辆', '购置车辆 2 辆', [at(54, 'warning')]),
  ],
  'NC-13': [edit('a 项 name not under its 款', 37, '其他行政事业单位离退休支出（项）', '其他行政事业单位退休支出（项）', [at(37, 'info')])],
};

const VALID: RuleCase[] = [{ name: 'the Jiaozuo 情况说明 as published', workbook: jiaozuo }];
/** Rules the published text does break (identities.md §7: NC-01/02/03 findings; NC-11 and NC-12/13 notes). */
const BROKEN_AS_PUBLISHED = new Set(['NC-01', 'NC-02', 'NC-03', 'NC-11', 'NC-12', 'NC-13']);

export const NARRATIVE_TESTS: RuleTests[] = NARRATIVE_RULES.map((r) => ({
  rule: r.id,
  valid: BROKEN_AS_PUBLISHED.has(r.id) ? [] : VALID,
  invalid: INVALID[r.id] ?? [],
}));
