/** The narrative checks NC-01…NC-13 on the Jiaozuo 情况说明 and on hand-broken copies of it (narratives.md §4). */
import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { gridFromRows, WorkbookGrid } from '../../src/core/grid';
import { loadFixture, score } from '../helpers';

const FIXTURE = 'jiaozuo-2021-gongkai.xlsx';
const NOTES = '第三部分说明';

function notesOf(findings: Finding[], rule?: string): Finding[] {
  return findings.filter((f) => f.sheet === NOTES && (!rule || f.rule === rule));
}

/** A fixture copy with one paragraph's text replaced (`from` must occur in it). */
async function broken(cell: number, from: string, to: string): Promise<WorkbookGrid> {
  const wb = await loadFixture(FIXTURE);
  const sheet = wb.sheets.find((s) => s.name === NOTES)!;
  const c = sheet.cells[cell - 1][0]!;
  const text = String(c.value);
  expect(text).toContain(from);
  c.value = text.replace(from, to);
  return wb;
}

const at = (findings: Finding[], cell: string, rule: string) => findings.filter((f) => f.cell === cell && f.rule === rule);

describe('the Jiaozuo 2021 情况说明 (calibration, identities.md §7)', () => {
  let findings: Finding[];
  let result: ReturnType<typeof checkWorkbook>;
  beforeAll(async () => {
    result = checkWorkbook(await loadFixture(FIXTURE));
    findings = notesOf(result.findings);
  });

  test('the scorer finds every narrative entry, no false or misclassified one', () => {
    const s = score('jiaozuo-2021-gongkai.truth.json', result, ['--scope', 'narrative', '--min-material-recall', '1', '--min-rounding-recall', '1', '--max-misclassified', '0', '--max-false-errors', '0', '--max-false-rounding', '0']);
    expect(s.summary).toMatch(/material 1\/1 · rounding 12\/12/);
    expect(s.pass).toBe(true);
  });

  test('exactly 13 error or rounding findings, the one error being A24 563.16%', () => {
    const counted = findings.filter((f) => f.severity === 'error' || f.severity === 'rounding');
    expect(counted).toHaveLength(13);
    const errors = counted.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ cell: 'A24', rule: 'NC-02', stated: '563.16%', expected: '546.80%' });
  });

  test('NC-01: 18159.95 quoted four times is Σ类 of GB 合计 18,159.97 → rounding (n = 7)', () => {
    for (const cell of ['A13', 'A15', 'A17', 'A71']) {
      const f = at(findings, cell, 'NC-01').find((x) => x.stated === '18159.95');
      expect(f).toMatchObject({ severity: 'rounding', expected: '18159.97' });
      expect(f!.related).toEqual([{ sheet: '公开05', cell: 'C7' }]);
    }
    expect(at(findings, 'A24', 'NC-01')[0]).toMatchObject({ stated: '668.74', expected: '668.73', severity: 'rounding' });
    expect(at(findings, 'A41', 'NC-01')[0]).toMatchObject({ stated: '84.42', expected: '84.43', severity: 'rounding' });
    expect(at(findings, 'A46', 'NC-01').map((f) => f.stated).sort()).toEqual(['13908.13', '15161.97']);
    const a71 = at(findings, 'A71', 'NC-01');
    expect(a71.filter((f) => f.severity !== 'info').map((f) => f.stated).sort()).toEqual(['13908.13', '18159.95', '2997.98']);
    // 自评金额 and 评价金额 fill no slot with a table source: one info says they were not compared (N-14).
    expect(a71.filter((f) => f.severity === 'info').map((f) => f.message)).toEqual([expect.stringContaining('未与表核对')]);
    expect(findings.every((f) => f.proposal === undefined)).toBe(true);
  });

  test('NC-02: A37 123.55% vs 123.54% is rounding; no other rate is flagged', () => {
    expect(notesOf(findings, 'NC-02').map((f) => [f.cell, f.severity])).toEqual([['A24', 'error'], ['A37', 'rounding']]);
    expect(at(findings, 'A37', 'NC-02')[0].expected).toBe('123.54%');
  });

  test('NC-03: Σ of the 27 items 18159.93 vs the stated 18159.95 → rounding on A17', () => {
    expect(notesOf(findings, 'NC-03')).toEqual([expect.objectContaining({ cell: 'A17', severity: 'rounding', stated: '18159.95', expected: '18159.93' })]);
  });

  test('NC-12 and NC-13 add info only: A18 `19.88` without a unit, A37 a path not in GB', () => {
    expect(notesOf(findings, 'NC-12')).toEqual([expect.objectContaining({ cell: 'A18', severity: 'info', stated: '19.88' })]);
    const nc13 = notesOf(findings, 'NC-13');
    expect(nc13).toHaveLength(1);
    expect(nc13[0]).toMatchObject({ cell: 'A37', severity: 'info' });
    expect(nc13[0].expected).toContain('2080599');
  });

  test('no warning on the published text', () => {
    expect(findings.filter((f) => f.severity === 'warning')).toEqual([]);
  });
});

describe('each check on a broken copy', () => {
  const run = async (wb: WorkbookGrid) => notesOf(checkWorkbook(wb).findings);

  test('NC-01: a quoted amount off by 100 is an error; the same figure in 元 is converted and holds', async () => {
    const wrong = await run(await broken(6, '17074.25 万元', '17174.25 万元'));
    expect(at(wrong, 'A6', 'NC-01')).toEqual([expect.objectContaining({ severity: 'error', stated: '17174.25', expected: '17074.25' })]);
    const yuan = await run(await broken(6, '17074.25 万元', '170742500.00 元'));
    expect(at(yuan, 'A6', 'NC-01')).toEqual([]);
    const yuanOff = await run(await broken(6, '17074.25 万元', '170742600.00 元'));
    expect(at(yuanOff, 'A6', 'NC-01')).toEqual([expect.objectContaining({ severity: 'rounding' })]);
  });

  test('NC-01: 三公 items and budgets are read from the 3P columns', async () => {
    const f = await run(await broken(56, '预算为 27.09 万元', '预算为 29.09 万元'));
    expect(at(f, 'A56', 'NC-01')).toEqual([expect.objectContaining({ severity: 'error', stated: '29.09', expected: '27.09', related: [{ sheet: '公开07', cell: 'F8' }] })]);
  });

  test('NC-02: a rate one cent off is rounding, far off is an error', async () => {
    expect(at(await run(await broken(20, '85.24%', '85.25%')), 'A20', 'NC-02')).toEqual([expect.objectContaining({ severity: 'rounding', expected: '85.24%' })]);
    expect(at(await run(await broken(20, '85.24%', '86.24%')), 'A20', 'NC-02')).toEqual([expect.objectContaining({ severity: 'error' })]);
    // A share whose whole the sentence does not quote comes from the named cell: 占本年支出合计的 → IE 行58.
    expect(at(await run(await broken(13, '88.23%', '88.32%')), 'A13', 'NC-02')).toEqual([expect.objectContaining({ severity: 'error', expected: '88.23%' })]);
    // The same share with the part written in 元 against the 万元 table: compared in 万元, so it holds.
    const yuan = await run(await broken(13, '18159.95 万元，占本年支出合计的 88.23%', '181,599,500.00元，占本年支出合计的 88.23%'));
    expect(at(yuan, 'A13', 'NC-02')).toEqual([]);
    // 增长 with 增加 Δ: Δ ÷ (本年 − Δ).
    expect(at(await run(await broken(4, '增长 8.78%', '增长 8.07%')), 'A4', 'NC-02')).toEqual([expect.objectContaining({ severity: 'error', expected: '8.78%' })]);
    // 三公 完成预算的 without a quoted budget uses 3P 栏3.
    expect(at(await run(await broken(51, '完成预算的 62.70%', '完成预算的 60.70%')), 'A51', 'NC-02')).toEqual([expect.objectContaining({ severity: 'error', expected: '62.70%' })]);
    // Printed with fewer decimals but right: info.
    expect(at(await run(await broken(20, '85.24%', '85%')), 'A20', 'NC-02')).toEqual([expect.objectContaining({ severity: 'info' })]);
  });

  test('NC-03: 采购 total against 货物 + 服务, and 三公 total against its items', async () => {
    expect(at(await run(await broken(66, '货物支出106.25万元', '货物支出116.25万元')), 'A66', 'NC-03')).toEqual([expect.objectContaining({ severity: 'error', stated: '525.25', expected: '535.25' })]);
    const tp = await run(await broken(51, '公务接待费支出决算 4.94 万元', '公务接待费支出决算 4.96 万元'));
    expect(at(tp, 'A51', 'NC-03')).toEqual([expect.objectContaining({ severity: 'rounding', stated: '121.63', expected: '121.65' })]);
    const basic = await run(await broken(46, '公用经费 1253.84 万元', '公用经费 1263.84 万元'));
    expect(at(basic, 'A46', 'NC-03')).toEqual([expect.objectContaining({ severity: 'error' })]);
    const reasons = await run(await broken(10, '少 3572.07 万元', '少 3570.07 万元'));
    expect(at(reasons, 'A10', 'NC-03')).toEqual([expect.objectContaining({ severity: 'error', stated: '3957.15' })]);
  });

  test('NC-04: 减少 with 增长 in one clause is a warning, and the rate is not recomputed', async () => {
    const f = await run(await broken(64, '下降5.36%', '增长5.36%'));
    expect(at(f, 'A64', 'NC-04')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(at(f, 'A64', 'NC-02')).toEqual([]);
    expect(at(await run(await broken(64, '下降5.36%', '下降-5.36%')), 'A64', 'NC-04')).toHaveLength(1);
  });

  test('NC-05: amounts quoted for an empty 政府性基金 table', async () => {
    const f = await run(await broken(60, '我部门2021年度没有政府性基金收入，也没有使用政府性基金安排的支出。', '2021年度政府性基金预算财政拨款支出 50.00 万元。'));
    expect(at(f, 'A60', 'NC-05')).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  test('NC-06: 完成全年预算的 under a 3P 注 that says 年初预算数', async () => {
    const f = await run(await broken(49, '完成“三公”经费预算的', '完成全年预算的'));
    expect(at(f, 'A49', 'NC-06')).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  test('NC-07: a class with spending left out of 结构情况 is noted (info)', async () => {
    const f = await run(await broken(15, '节能环保支出（类）支出 29.01 万元，占 0.16%；', ''));
    expect(at(f, 'A15', 'NC-07')).toEqual([expect.objectContaining({ severity: 'info' })]);
    expect(at(f, 'A15', 'NC-07')[0].message).toContain('211');
  });

  test('NC-08: 完成年初预算的 x% over a 年初预算 of 0.00', async () => {
    const f = await run(await broken(18, '支出决算为 79.17 万元。', '支出决算为 79.17 万元，完成年初预算的 100.00%。'));
    expect(at(f, 'A18', 'NC-08')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(at(f, 'A18', 'NC-02')).toEqual([]);
  });

  test('NC-09: vehicle types that do not add up to the total are an error; 购置辆数 against 3P 栏10 a warning', async () => {
    expect(at(await run(await broken(68, '执法执勤用车78辆', '执法执勤用车77辆')), 'A68', 'NC-09')).toEqual([expect.objectContaining({ severity: 'error', stated: '118', expected: '117' })]);
    expect(at(await run(await broken(54, '购置车辆 0 辆', '购置车辆 2 辆')), 'A54', 'NC-09')).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  test('NC-13: a 项 name found under its 款 gives no note; a wrong one does', async () => {
    const f = await run(await broken(37, '其他行政事业单位离退休支出（项）', '其他行政事业单位养老支出（项）'));
    expect(at(f, 'A37', 'NC-13')).toEqual([]);
  });
});

describe('a hand-made set-B notes sheet without tables (internal checks only)', () => {
  const rows = [
    ['第三部分 情况说明'],
    ['一、收入支出决算总体情况说明'],
    ['2023年度收入总计1,200.00万元，支出总计1,200.00万元。与上年相比，收入总计增加200.00万元，增长20.00%，支出总计减少100.00万元，下降7.69%。主要原因是人员增加。'],
    ['二、收入决算情况说明'],
    ['2023年度收入合计1,000.00万元，其中：财政拨款收入900.00万元，占比90.00%；其他收入110.00万元，占比11.00%。'],
    ['九、财政拨款“三公”经费支出决算情况说明'],
    ['4、公务接待费支出3.00万元，共接待12批次，80人次。国内接待费3.00万元，共接待10批次，70人次；国（境）外接待费0.00万元，共接待国（境）外1批次，10人次。'],
    ['十、其他重要事项情况说明'],
    ['（一）机关运行经费支出情况说明'],
    ['2023年度机关运行经费支出50.00万元，比上年度增加5.00万元，增长11.11%。'],
  ];

  test('finds the broken list sum, the wrong rate and the counts that do not add up', () => {
    const wb: WorkbookGrid = { fileName: 'b.xlsx', sheets: [gridFromRows('情况说明', rows)] };
    const result = checkWorkbook(wb);
    expect(result.sheets[0].template).toBe('situation-notes');
    const f = result.findings.filter((x) => x.rule.startsWith('NC-'));
    // 1200 − 100 = 1300 last year: 100 ÷ 1300 = 7.69 % holds; 200 ÷ 1000 = 20.00 % holds.
    expect(f.filter((x) => x.cell === 'A3')).toEqual([]);
    expect(at(f, 'A5', 'NC-03')).toEqual([expect.objectContaining({ severity: 'error', stated: '1,000.00', expected: '1010.00' })]);
    expect(at(f, 'A5', 'NC-02')).toEqual([]); // 110 ÷ 1000 = 11.00 % is right by its own sentence
    // 12 批次 ≠ 10 + 1; 80 人次 = 70 + 10 holds.
    expect(at(f, 'A7', 'NC-09')).toEqual([expect.objectContaining({ severity: 'error', stated: '12', expected: '11' })]);
    expect(at(f, 'A10', 'NC-02')).toEqual([]); // 5 ÷ (50 − 5) = 11.11 %
  });
});

describe('其中 tails in forms the fixtures do not show (NC-02 as amended)', () => {
  const check = (rows: string[][]) => checkWorkbook({ fileName: 'b.xlsx', sheets: [gridFromRows('情况说明', rows)] }).findings.filter((x) => x.rule === 'NC-02');
  const head = [['第三部分 情况说明'], ['一、收入支出决算总体情况说明'], ['2023年度收入总计1,200.00万元，支出总计1,200.00万元。']];

  test('a nested 其中 takes the part it breaks down as its whole; the outer tail takes the opening total', () => {
    const rows = [...head, ['九、财政拨款“三公”经费支出决算情况说明'],
      ['2023年度“三公”经费支出50.00万元，与上年相比减少5.00万元。其中，公务用车运行维护费支出40.00万元，占比80.00%；公务接待费支出10.00万元，占比20.00%，其中：国内接待费8.00万元，占比80.00%；国（境）外接待费2.00万元，占比20.00%。']];
    expect(check(rows)).toEqual([]);
    const wrong = check([...rows.slice(0, -1), [rows[rows.length - 1][0].replace('国内接待费8.00万元，占比80.00%', '国内接待费8.00万元，占比16.00%')]]);
    expect(wrong.map((f) => [f.severity, f.expected])).toEqual([['error', '80.00%']]);
    expect(wrong[0].message).toContain('公务接待费支出10.00万元');
  });

  test('a 万元 part of a 元 total (a 元 narrative quoting 万元): the rate is recomputed in 万元', () => {
    const rows = [...head, ['二、收入决算情况说明'], ['2023年度收入合计10,000,000.00元，其中：财政拨款收入600.00万元，占比60.00%；其他收入4,000,000.00元，占比40.00%。']];
    expect(check(rows)).toEqual([]);
    const wrong = check([...rows.slice(0, -1), [rows[rows.length - 1][0].replace('占比60.00%', '占比70.00%')]]);
    expect(wrong.map((f) => [f.severity, f.expected])).toEqual([['error', '60.00%']]);
  });

  test('a list one item per paragraph after `其中：`, with a stray space and a doubled 。', () => {
    const rows = [...head, ['二、收入决算情况说明'], ['2023年度收入合计1,000.00万元，其中：'], ['财政拨款收入 900.00万元，占比90.00%；'], ['其他收入100.00万元，占比10.00%。。']];
    expect(check(rows)).toEqual([]);
    const wrong = check([...rows.slice(0, -1), ['其他收入100.00万元，占比11.11%。。']]);
    expect(wrong.map((f) => [f.cell, f.severity, f.expected])).toEqual([['A7', 'error', '10.00%']]);
  });
});
