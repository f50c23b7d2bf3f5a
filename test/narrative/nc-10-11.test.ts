/** NC-10 (综述 vs its 自评表) and NC-11 (十三 vs the loaded 自评表) on hand-made cases (narratives.md §4). */
import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { WorkbookGrid } from '../../src/core/grid';
import { Decimal } from '../../src/core/numbers';
import { loadFixture, readTruth, sharedFixture } from '../helpers';

const NOTES = '第三部分说明';
const ZS =
  '“宣传培训工作经费”项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分97.2分，自评等级为“优”。项目全年预算数为35.00万元，执行数为34.53万元，执行率为98.66%。项目绩效目标完成情况：已完成。发现的主要问题及原因：无。下一步改进措施：无。';
const ZSR = '综合考虑预算执行情况得分9.8分，产出、效益、服务对象满意度各方面因素，指标完成情况得分87.4分，最终评分结果：宣传培训工作经费项目绩效自评价结果为：总得分97.2分，属于“优”。';
const N13 = '2021年，我部门纳入预算绩效管理的支出总额为18159.97万元，其中人员经费支出13908.14万元，公用经费支出1253.84万元；支出项目共1个，支出金额2997.99万元。其中，进行项目绩效自评1个，自评金额34.53万元；纳入财政部门重点绩效评价0个，评价金额0.00万元。';
const N13B = '我部门2021年度二级项目绩效自评个数1个，涉及资金34.53万元：1个项目自评为“优”，0个项目自评为“良”，0个项目自评为“中”，0个项目自评为“差”。对于自评中发现的问题主要有：无。采取的改进管理措施：无。涉密项目除外。';

/** The Jiaozuo 公开表 and 情况说明 with paragraphs appended to its last section (十三), and optionally Changji's 宣传培训 自评表. */
async function workbook(paragraphs: string[], withSelfEval = true): Promise<WorkbookGrid> {
  const wb = await loadFixture('jiaozuo-2021-gongkai.xlsx');
  const notes = wb.sheets.find((s) => s.name === NOTES)!;
  for (const text of paragraphs) {
    notes.cells.push([{ value: text }]);
    notes.rowCount = notes.cells.length;
  }
  if (withSelfEval) {
    const changji = await sharedFixture('changji-2020-selfeval.xlsx');
    wb.sheets.push(changji.sheets.find((s) => s.name === '宣传培训')!);
  }
  return wb;
}

const rows = (wb: WorkbookGrid) => wb.sheets.find((s) => s.name === NOTES)!.cells.length;
const of = (findings: Finding[], rule: string, row?: number) => findings.filter((f) => f.rule === rule && (row === undefined || f.cell === `A${row}`));

describe('NC-10', () => {
  test('a 综述 and 自评结果 that agree with their table give no finding', async () => {
    const wb = await workbook([ZS, ZSR]);
    expect(of(checkWorkbook(wb).findings, 'NC-10')).toEqual([]);
  });

  test('a wrong 得分, 等级, 执行数 and 执行率 are errors on the paragraph', async () => {
    const wb = await workbook([ZS.replace('97.2分', '96.2分').replace('“优”', '“良”').replace('执行数为34.53万元', '执行数为33.53万元')]);
    const f = of(checkWorkbook(wb).findings, 'NC-10', rows(wb));
    expect(f.map((x) => [x.severity, x.stated])).toEqual([
      ['error', '96.2'],
      ['error', '良'],
      ['error', '33.53万元'],
      ['error', '98.66%'],
    ]);
  });

  test('a rate off by its last digit is rounding; an amount off by 0.01 is rounding', async () => {
    // 34.53 ÷ 35.01 = 98.6290 %: the sentence's own figures give 98.63 %, so 98.62 % is off by its last digit.
    const wb = await workbook([ZS.replace('全年预算数为35.00万元', '全年预算数为35.01万元').replace('执行率为98.66%', '执行率为98.62%')]);
    const f = of(checkWorkbook(wb).findings, 'NC-10', rows(wb));
    expect(f.map((x) => [x.severity, x.stated])).toEqual([
      ['rounding', '35.01万元'],
      ['rounding', '98.62%'],
    ]);
  });

  test('NT-ZS-R: Σ 指标得分, 总分 = 执行 + 指标, and the grade of the stated 总分', async () => {
    const wb = await workbook([ZSR.replace('指标完成情况得分87.4分', '指标完成情况得分86.4分').replace('属于“优”', '属于“良”')]);
    const f = of(checkWorkbook(wb).findings, 'NC-10', rows(wb));
    expect(f.map((x) => [x.severity, x.stated])).toEqual([
      ['error', '86.4'],
      ['error', '97.2'],
      ['error', '良'],
    ]);
  });

  test('a 综述 whose table is not loaded is an info only', async () => {
    const wb = await workbook([ZS], false);
    const f = of(checkWorkbook(wb).findings, 'NC-10');
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });
});

describe('NC-11', () => {
  test('Jiaozuo as published: no 自评表 loaded, one info in 十三 and nothing else', async () => {
    const wb = await loadFixture('jiaozuo-2021-gongkai.xlsx');
    const f = of(checkWorkbook(wb).findings, 'NC-11');
    expect(f.map((x) => x.severity)).toEqual(['info']);
    expect(f[0].message).toContain('无法核对（已载入0张项目支出绩效自评表');
  });

  test('a complete set: count, grades and 自评金额 agree; the published paragraph counting other projects is only noted', async () => {
    const wb = await workbook([N13, N13B]);
    const f = of(checkWorkbook(wb).findings, 'NC-11');
    expect(f.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(f.filter((x) => x.cell === 'A71').map((x) => x.severity)).toEqual(['info']);
  });

  test('wrong grade counts, counts that do not add up and an unmatched 涉及资金', async () => {
    const wb = await workbook([N13, N13B.replace('1个项目自评为“优”，0个项目自评为“良”', '0个项目自评为“优”，1个项目自评为“良”').replace('涉及资金34.53万元', '涉及资金40.00万元')]);
    const f = of(checkWorkbook(wb).findings, 'NC-11', rows(wb));
    expect(f.map((x) => [x.severity, x.stated])).toEqual([
      ['error', '0个'],
      ['error', '1个'],
      ['warning', '40.00万元'],
    ]);
  });

  test('a count other than the loaded set: info, not checked', async () => {
    const wb = await workbook([N13.replace('进行项目绩效自评1个', '进行项目绩效自评23个'), N13B.replace('自评个数1个', '自评个数23个')]);
    const f = of(checkWorkbook(wb).findings, 'NC-11');
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });
});

describe('NC-11: the 部门整体 average, only against as many 整体自评表 as the paragraph counts', () => {
  const A73 = 73;
  /** Jiaozuo's 公开表 and 情况说明 with A73 rewritten, and the six 整体自评表 of the Jiaozuo 2021 fixture. */
  async function withUnits(sentence: string): Promise<WorkbookGrid> {
    const wb = await loadFixture('jiaozuo-2021-gongkai.xlsx');
    const cell = wb.sheets.find((s) => s.name === NOTES)!.cells[A73 - 1][0]!;
    expect(String(cell.value)).toContain('部门整体绩效自评平均得分为');
    cell.value = sentence;
    const units = await sharedFixture('jiaozuo-2021-dept-selfeval.xlsx');
    wb.sheets.push(...units.sheets);
    return wb;
  }
  /** The mean of the six totals as the truth file records them (stated, else recomputed), half-up to 2 dp. */
  function truthMean(): string {
    const sheets: any[] = readTruth('jiaozuo-2021-dept-selfeval.truth.json').sheets;
    const totals = sheets.map((s) => new Decimal(s.recomputed.statedTotal ?? s.recomputed.recomputedTotal));
    expect(totals).toHaveLength(6);
    return totals.reduce((a, b) => a.plus(b), new Decimal(0)).div(6).toFixed(2, Decimal.ROUND_HALF_UP);
  }
  const text = (count: string, avg: string) => `通过科学、规范的方法，基于预期目标的实现程度，评价2021年度部门预算绩效目标的完成情况，${count}部门整体绩效自评平均得分为${avg}分。`;

  test('six counted, six loaded: the right mean holds, a wrong one is an error', async () => {
    const mean = truthMean();
    expect(of(checkWorkbook(await withUnits(text('对所属6个单位开展了部门整体支出绩效自评，', mean))).findings, 'NC-11', A73)).toEqual([]);
    const wrong = new Decimal(mean).plus(1).toFixed(2);
    const f = of(checkWorkbook(await withUnits(text('对所属6个单位开展了部门整体支出绩效自评，', wrong))).findings, 'NC-11', A73);
    expect(f.map((x) => [x.severity, x.stated, x.expected])).toEqual([['error', `${wrong}分`, `${mean}分`]]);
  });

  test('another count, or none: not checked, and the info says why', async () => {
    const seven = of(checkWorkbook(await withUnits(text('对所属7个单位开展了部门整体支出绩效自评，', '1.00'))).findings, 'NC-11');
    expect(seven.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(seven.map((x) => x.message).join('')).toContain('说明所列部门整体绩效自评7个，已载入6张整体绩效自评表');
    const none = of(checkWorkbook(await withUnits(text('', '1.00'))).findings, 'NC-11');
    expect(none.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(none.map((x) => x.message).join('')).toContain('未写明做了部门整体绩效自评的单位个数');
  });
});
