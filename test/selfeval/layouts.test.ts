/** Shanxi S-W and S-Y, stacked tables, a title-only table and the 绩效目标表 rejection, all built by hand. */
import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { recognizeSelfEval } from '../../src/core/selfeval';
import { national, NATIONAL_MERGES, shanxiSW, sheetOf, shiftMerges, V, workbookOf } from './builders';

const at = (fs: Finding[], cell: string, rule?: string) => fs.filter((f) => f.cell === cell && (!rule || f.rule === rule));
const serious = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' || f.severity === 'rounding');

function sw(over: Parameters<typeof shanxiSW>[0] = {}) {
  const { rows, merges } = shanxiSW(over);
  return checkWorkbook(workbookOf(sheetOf('随便起的名字', rows, merges)));
}

describe('Shanxi S-W (11 columns, 万元)', () => {
  test('is recognised as project-selfeval / shanxi S-W in 万元', () => {
    const r = sw();
    expect(r.sheets[0]).toMatchObject({ template: 'project-selfeval', variant: 'shanxi', unit: '万元' });
  });
  test('a decimal-comma “27,415” is read as 27.415 because the row’s 执行率 and 结余 agree, with an info naming both readings', () => {
    const r = sw();
    const note = at(r.findings, 'F7', 'S-PARSE-03')[0];
    expect(note.severity).toBe('info');
    expect(note.message).toContain('27415');
    expect(note.message).toContain('27.415');
    expect(note.expected).toBe('27.415');
    expect(serious(r.findings)).toEqual([]);
  });
  test('when the row does not settle it, the thousands reading is kept and the note says 无法判定', () => {
    const r = sw({ rate: null, score: null, bal: null, total: 83, grade: '良' });
    const note = at(r.findings, 'F7', 'S-PARSE-03')[0];
    expect(note.message).toContain('无法判定');
    expect(note.expected).toBe('27415');
  });
  test('S-RSN-02: 执行率 below 100 % with an empty budget 偏差原因 is one warning on the total row', () => {
    const r = sw();
    expect(r.findings.filter((f) => f.rule === 'S-RSN-02').map((f) => [f.cell, f.severity])).toEqual([['J7', 'warning']]);
    expect(sw({ budgetReason: '部分培训延期' }).findings.filter((f) => f.rule === 'S-RSN-02')).toEqual([]);
  });
  test('S-RSN-01 on column K of the indicator rows', () => {
    expect(at(sw().findings, 'K15', 'S-RSN-01')[0].severity).toBe('warning');
    expect(at(sw({ k15: '个别学员不满意' }).findings, 'K15')).toEqual([]);
  });
  test('budget 得分 has no 分值 cell: 10 is implied (9.14 for 91.38 %); Σ分值 90 + 10 = 100', () => {
    const r = sw({ score: 9.41, total: 92.41 });
    expect(at(r.findings, 'I7', 'S-SCORE-01')[0]).toMatchObject({ severity: 'error', expected: '9.14' });
    expect(r.findings.filter((f) => f.rule.startsWith('S-WGT'))).toEqual([]);
  });
  test('S-BAL-01: 结余 = 全年 − 执行 under the chosen reading', () => {
    const r = sw({ bal: '2,685', exec: { v: 27.415, f: '0.000' }, rate: 91.38 });
    expect(at(r.findings, 'G7', 'S-BAL-01')[0].severity).toBe('error');
  });
  test('S-GRD-01: a grade that does not follow from the stated 总分 is an error; S-GRD-02 when the 总分 itself is wrong', () => {
    expect(at(sw({ grade: '良' }).findings, 'K16', 'S-GRD-01')[0]).toMatchObject({ severity: 'error', expected: '优' });
    const r = sw({ total: 85, grade: '良' });
    expect(at(r.findings, 'J16', 'S-TOT-01')[0].severity).toBe('error');
    expect(at(r.findings, 'K16', 'S-GRD-02')[0]).toMatchObject({ severity: 'error', derived: true, expected: '优' });
    expect(r.edits.map((e) => [e.cell, e.proposed])).toEqual([
      ['J16', '92.14'],
      ['K16', '优'],
    ]);
  });
  test('a plain 执行率 number ≤ 1.5 that only agrees as a fraction is read as one (S-PARSE-05)', () => {
    const r = sw({ rate: 0.9138 });
    expect(at(r.findings, 'H7', 'S-PARSE-05')[0].severity).toBe('info');
    expect(at(r.findings, 'H7', 'S-RATE-01')).toEqual([]);
  });
});

describe('Shanxi S-Y (元, inside a report)', () => {
  const rows: V[][] = [
    ['某项目支出绩效自评分析报告'],
    ['（一）预算执行情况'],
    ['资金来源', '年初预算数', null, '全年预算数(元)', '全年执行数(元)', '资金结(转)余(元)', '执行率', '得分'],
    [null, '目标申报(元)', '预算编制(元)'],
    ['合计', '1,000,000.00', '1,000,000.00', '1,000,000.00', '950,000.50', '49,999.50', 95.0, 9.5],
    ['市县区财政资金', '1,000,000.00', '1,000,000.00', '1,000,000.00', '950,000.50', '49,999.50'],
    ['（二）绩效指标完成情况'],
    ['一级指标', '二级指标', '指标名称', '年度指标', null, '实际完成值', '权重', '得分', '偏差原因分析及改进措施'],
    [null, null, null, '年初指标', '调整后指标'],
    ['产出指标', '数量指标', '修缮道路', '≥公里', '≥5公里', '5公里', 40, 40],
    [null, '质量指标', '验收合格率', '=%', '=100%', '100%', 20, 20],
    ['效益指标', '社会效益指标', '通行条件改善', '有效', '有效', '达成预期指标', 20, 18],
    ['满意度指标', '服务对象满意度指标', '群众满意度', '≥%', '≥90%', '92%', 10, 10],
    [null, null, '备用指标', null, null, null, 0, 0],
    ['三、项目自评结果：本项目自评得分 97.5 分，等级为优。'],
  ];
  test('is recognised as shanxi S-Y in 元, 权重 read as 分值, thousands separators read, no total row needed', () => {
    const r = checkWorkbook(workbookOf(sheetOf('报告', rows, ['B3:C3'])));
    expect(r.sheets[0]).toMatchObject({ template: 'project-selfeval', variant: 'shanxi', unit: '元' });
    expect((r.sheets[0] as any).tables ?? [{ variant: 'shanxi S-Y' }]).toEqual([expect.objectContaining({ variant: 'shanxi S-Y' })]);
    expect(serious(r.findings)).toEqual([]);
    expect(at(r.findings, 'I12', 'S-RSN-01')[0].severity).toBe('warning');
    expect(r.findings.filter((f) => f.rule === 'S-RSN-02')).toEqual([]);
  });
  test('a wrong 执行率 in an S-Y table is an error in percent numbers', () => {
    const broken = rows.map((r) => [...r]);
    broken[4][6] = 97.0;
    const r = checkWorkbook(workbookOf(sheetOf('报告', broken, ['B3:C3'])));
    expect(at(r.findings, 'G5', 'S-RATE-01')[0]).toMatchObject({ severity: 'error', stated: '97', expected: '95' });
  });
});

describe('several tables in one sheet, a title-only table, a 绩效目标表', () => {
  test('two stacked national tables are each recognised and checked on their own', () => {
    const first = national({ name: '甲项目' });
    const second = national({ name: '乙项目', rate: { v: 0.95, f: '0.00%' } });
    const rows = [...first, [], ...second];
    const merges = [...NATIONAL_MERGES, ...shiftMerges(NATIONAL_MERGES, first.length + 1)];
    const sheet = sheetOf('汇总', rows, merges);
    const rec = recognizeSelfEval(sheet);
    expect(rec && 'template' in rec && rec.tables).toEqual([
      expect.objectContaining({ template: 'project-selfeval', range: 'A1:I17' }),
      expect.objectContaining({ template: 'project-selfeval', range: 'A19:I35' }),
    ]);
    const r = checkWorkbook(workbookOf(sheet));
    expect(serious(r.findings).map((f) => [f.cell, f.rule, f.severity])).toEqual([['G24', 'S-RATE-01', 'error']]);
  });
  test('a title with no grid is recognised and reported empty, not as an error', () => {
    const sheet = sheetOf('空表', [['某某项目支出绩效自评表'], ['(2024年度)'], [], ['备注：1. “年初预算数”项下的“目标申报数”和“预算编制数”为并列关系。']], ['A1:K1']);
    const r = checkWorkbook(workbookOf(sheet));
    expect(r.sheets[0]).toMatchObject({ template: 'project-selfeval' });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.findings.find((f) => f.rule === 'S-STR-01')).toBeDefined();
  });
  test('a 绩效目标表 is rejected with the reason of the spec', () => {
    const sheet = sheetOf('目标', [
      ['项目支出绩效目标表'],
      ['项目名称', '某项目'],
      ['资金支出计划（%）', '3月底', '6月底', '9月底', '12月底'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人数', '≥100人'],
    ]);
    expect(recognizeSelfEval(sheet)).toEqual({ reason: '绩效目标表，不属于自评表，未审核' });
    expect(checkWorkbook(workbookOf(sheet)).sheets[0]).toMatchObject({ template: null, reason: '绩效目标表，不属于自评表，未审核' });
  });
  test('a department table under a project-looking title: the header signature wins, with S-STR-02', async () => {
    const { loadFixture } = await import('../helpers');
    const wb = await loadFixture('jiaozuo-2021-dept-selfeval.xlsx');
    const sheet = wb.sheets[0];
    sheet.cells[0][0] = { value: '项目支出绩效自评表' };
    const r = checkWorkbook({ fileName: 'x.xlsx', sheets: [sheet] });
    expect(r.sheets[0].template).toBe('department-selfeval');
    expect(r.findings.find((f) => f.rule === 'S-STR-02')).toBeDefined();
  });
});
