/**
 * The 晋城 2022 情况说明 as published (heading set B, 元 tables, 元 narrative with 万元 figures in 五（三）, lists one
 * item per paragraph, 13-B 绩效 paragraphs): every truth entry found by rule and cell, nothing else flagged, and the
 * draft's amounts equal the table cells they quote (issue 17).
 */
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { checkInContext } from '../../src/core/engine';
import { CheckResult, Finding } from '../../src/core/findings';
import { makeSheetGrid, WorkbookGrid } from '../../src/core/grid';
import { departmentOf, draftSituationNotes } from '../../src/core/narrative/drafts';
import { gongkaiTables } from '../../src/core/gongkai';
import { fixturePath, loadFixture, readTruth, score } from '../helpers';
import { national, NATIONAL_MERGES, shanxiSW, sheetOf } from '../selfeval/builders';

const FIXTURE = 'jincheng-2022-gongkai-notes.xlsx';
const TRUTH = 'jincheng-2022-gongkai-notes.truth.json';
const NOTES = '情况说明';

const notes = (r: CheckResult) => r.findings.filter((f) => f.sheet === NOTES);
const serious = (fs: Finding[]) => fs.filter((f) => f.severity === 'error' || f.severity === 'rounding');
const at = (fs: Finding[], cell: string, rule?: string) => fs.filter((f) => f.cell === cell && (!rule || f.rule === rule));

/** The fixture with one paragraph's text replaced (`from` must occur in it). */
async function broken(row: number, from: string, to: string): Promise<Finding[]> {
  const wb: WorkbookGrid = await loadFixture(FIXTURE);
  const cell = wb.sheets.find((s) => s.name === NOTES)!.cells[row - 1][0]!;
  expect(String(cell.value)).toContain(from);
  cell.value = String(cell.value).replace(from, to);
  return notes(checkInContext(wb).result);
}

describe('晋城 2022 情况说明 as published', () => {
  let result: CheckResult;
  let found: Finding[];
  const truth = readTruth(TRUTH);
  const entries: any[] = truth.discrepancies.filter((d: any) => d.scope === 'narrative');

  beforeAll(async () => {
    result = checkInContext(await loadFixture(FIXTURE)).result;
    found = notes(result);
  });

  test('the scorer: every material entry, no false error, rounding or misclassification', () => {
    const s = score(TRUTH, result, ['--scope', 'narrative', '--min-material-recall', '1', '--max-false-errors', '0', '--max-false-rounding', '0', '--max-misclassified', '0']);
    expect(s.summary).toMatch(/^material 4\/4 · rounding 0\/0 .* false errors 0 · false rounding 0/);
    expect(s.pass).toBe(true);
  });

  test('each truth entry (a rate, NC-02) is an error on its own paragraph, with the truth’s stated and exact rate', () => {
    expect(entries).toHaveLength(4);
    for (const e of entries) {
      expect(e.unit).toBe('%');
      const exact = Number.parseFloat(e.exact).toFixed(2);
      expect({ id: e.id, hits: at(found, e.cell, 'NC-02').filter((f) => f.severity === 'error').map((f) => [f.stated, f.expected]) }).toEqual({ id: e.id, hits: [[e.stated, `${exact}%`]] });
    }
  });

  test('no other error or rounding finding on the narrative', () => {
    const expected = entries.map((e) => `${e.cell} NC-02`).sort();
    expect(serious(found).map((f) => `${f.cell} ${f.rule}`).sort()).toEqual(expected);
  });

  test('every rate message names its numerator and denominator and where each came from', () => {
    const a46 = at(found, 'A46', 'NC-02')[0].message;
    expect(a46).toContain('分子 公务用车运行维护费支出295,600.55元（本句）');
    expect(a46).toContain('财政拨款三公经费支出决算表!E10'); // 3P 栏5, the 预算 the sentence does not quote
    const a32 = at(found, 'A32', 'NC-02').find((f) => f.severity === 'error')!.message;
    expect(a32).toContain('76.68万元（本句的增减额）');
    expect(a32).toContain('188.86万元（本段）');
  });

  test('A23: the 其中 tail’s 7.69% is taken of the opening total 44,592,816.01元, so it holds; broken, it names that whole', async () => {
    expect(serious(at(found, 'A23'))).toEqual([]);
    const f = at(await broken(23, '占比7.69%', '占比8.69%'), 'A23', 'NC-02');
    expect(f.map((x) => [x.severity, x.expected])).toEqual([['error', '7.69%']]);
    expect(f[0].message).toContain('日常公用经费3,431,071.42元（本句）');
    expect(f[0].message).toContain('44,592,816.01元（本段开头的总数）');
  });

  test('lists printed one item per paragraph: a share takes the lead paragraph’s total, a sum is checked on the lead', async () => {
    const share = at(await broken(27, '占比4.24%', '占比4.34%'), 'A27', 'NC-02');
    expect(share.map((x) => [x.severity, x.expected])).toEqual([['error', '4.24%']]);
    expect(share[0].message).toContain('A25 段列出各项前的总数');
    const sum = await broken(28, '1,564,594.66元', '1,574,594.66元');
    expect(at(sum, 'A25', 'NC-03').map((x) => [x.severity, x.stated])).toEqual([['error', '44,592,816.01']]);
    expect(at(sum, 'A28', 'NC-01').map((x) => x.severity)).toEqual(['error']);
  });

  test('A62 (13-B 涉及资金): never compared with 项目支出合计, an info says so; its parts must add up (NC-03)', async () => {
    expect(serious(at(found, 'A62'))).toEqual([]);
    expect(at(found, 'A62', 'NC-01').map((f) => f.severity)).toEqual(['info']);
    expect(at(found, 'A62', 'NC-02').map((f) => [f.severity, f.stated])).toEqual([['info', '87%']]);
    const parts = await broken(62, '政府性基金预算项目支出0元', '政府性基金预算项目支出100元');
    expect(at(parts, 'A62', 'NC-03').map((f) => [f.severity, f.stated])).toEqual([['error', '11475996.4']]);
    expect(serious(at(parts, 'A62')).filter((f) => f.rule !== 'NC-03')).toEqual([]);
  });

  test('A67 (13-B grade counts, wording 自评等级为): they must add up to the project count', async () => {
    const f = at(await broken(67, '10个项目自评等级为“优”', '11个项目自评等级为“优”'), 'A67', 'NC-03');
    expect(f.map((x) => [x.severity, x.stated, x.expected])).toEqual([['error', '14个', '15个']]);
  });

  test('五（三） prints every 类 in one paragraph in 万元: each segment is compared with its own GB 类 row', async () => {
    expect(serious(at(found, 'A32')).map((f) => f.rule)).toEqual(['NC-02']);
    const f = at(await broken(32, '支出决算数188.86万元', '支出决算数198.86万元'), 'A32', 'NC-01');
    expect(f.map((x) => [x.severity, x.stated, x.expected])).toEqual([['error', '198.86', '188.86']]);
    expect(f[0].related).toEqual([{ sheet: '一般公共预算财政拨款支出决算表', cell: 'C20' }]);
  });

  test('五（三）: the 类 决算 in 万元 add up to the lead’s 元 total in 万元 (NC-03), and a broken one is named', async () => {
    expect(at(found, 'A31', 'NC-03')).toEqual([]);
    const f = at(await broken(32, '支出决算数156.46万元', '支出决算数166.46万元'), 'A31', 'NC-03');
    expect(f.map((x) => [x.severity, x.stated, x.expected])).toEqual([['error', '44,592,816.01', '4469.28']]);
    expect(f[0].message).toContain('（4459.28万元）');
  });
});

describe('juesuan draft on the 晋城 workbook', () => {
  const cells = new Map<string, number>();
  let text = '';
  let department: string | null;

  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(fixturePath(FIXTURE));
    const read = (sheet: string, cell: string) => {
      const v = book.getWorksheet(sheet)!.getCell(cell).value;
      cells.set(`${sheet}!${cell}`, typeof v === 'number' ? v : Number.NaN);
    };
    for (const [sheet, list] of Object.entries(CELLS)) for (const cell of list) read(sheet, cell);
    const { context } = checkInContext(await loadFixture(FIXTURE));
    department = departmentOf(gongkaiTables(context));
    // `juesuan draft` itself: what the accountant gets on the command line.
    let out = '';
    const code = await main(['draft', fixturePath(FIXTURE)], { out: (t) => (out += t), err: () => undefined });
    expect(code).toBe(0);
    text = out;
  });

  /** The cells the draft quotes, by the slot tables of narratives.md NT-01…NT-13. */
  const CELLS: Record<string, string[]> = {
    收入支出决算总表: ['C37', 'F37', 'C33', 'F33'],
    收入决算表: ['D7'],
    支出决算表: ['D7', 'E7'],
    财政拨款收入支出决算总表: ['C39', 'G39'],
    一般公共预算财政拨款支出决算表: ['C9', 'D9', 'E9', 'C10', 'C20', 'C24', 'C31'],
    一般公共预算财政拨款支出决算明细表: ['D36', 'P36'],
    财政拨款三公经费支出决算表: ['A10', 'G10', 'K10', 'L10'],
    部门决算公开相关信息统计表: ['C6', 'C7', 'C8', 'C9', 'C12'],
  };
  const yuan = (sheet: string, cell: string) => {
    const v = cells.get(`${sheet}!${cell}`)!;
    const [i, f] = v.toFixed(2).split('.');
    return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}元`;
  };

  test('names the department from the tables’ meta rows', () => {
    expect(department).toBe('晋城市市场监督管理局');
    expect(text).toContain('根据预算绩效管理要求，晋城市市场监督管理局按照“谁支出、谁自评”的原则');
    expect(text).not.toContain('【请填写：部门名称】');
  });

  test('each amount equals the table cell its phrase names', () => {
    const expectations: [string, string, string][] = [
      ['收入总计', '收入支出决算总表', 'C37'],
      ['支出总计', '收入支出决算总表', 'F37'],
      ['收入合计', '收入支出决算总表', 'C33'],
      ['财政拨款收入', '收入决算表', 'D7'],
      ['支出合计', '收入支出决算总表', 'F33'],
      ['基本支出', '支出决算表', 'D7'],
      ['项目支出', '支出决算表', 'E7'],
      ['财政拨款收入总计', '财政拨款收入支出决算总表', 'C39'],
      ['财政拨款支出总计', '财政拨款收入支出决算总表', 'G39'],
      ['一般公共预算财政拨款支出', '一般公共预算财政拨款支出决算表', 'C9'],
      ['一般公共服务支出（类）', '一般公共预算财政拨款支出决算表', 'C10'],
      ['社会保障和就业支出（类）', '一般公共预算财政拨款支出决算表', 'C20'],
      ['卫生健康支出（类）', '一般公共预算财政拨款支出决算表', 'C24'],
      ['住房保障支出（类）', '一般公共预算财政拨款支出决算表', 'C31'],
      ['基本支出', '一般公共预算财政拨款支出决算表', 'D9'],
      ['人员经费', '一般公共预算财政拨款支出决算明细表', 'D36'],
      ['公用经费', '一般公共预算财政拨款支出决算明细表', 'P36'],
      ['全年预算', '财政拨款三公经费支出决算表', 'A10'],
      ['支出决算', '财政拨款三公经费支出决算表', 'G10'],
      ['公务用车运行维护费支出', '财政拨款三公经费支出决算表', 'K10'],
      ['公务接待费支出', '财政拨款三公经费支出决算表', 'L10'],
      ['机关运行经费支出', '部门决算公开相关信息统计表', 'C12'],
      ['政府采购支出总额', '部门决算公开相关信息统计表', 'C6'],
      ['政府采购货物支出', '部门决算公开相关信息统计表', 'C7'],
      ['政府采购工程支出', '部门决算公开相关信息统计表', 'C8'],
      ['政府采购服务支出', '部门决算公开相关信息统计表', 'C9'],
    ];
    for (const [phrase, sheet, cell] of expectations) {
      expect({ phrase, cell, found: text.includes(`${phrase}${yuan(sheet, cell)}`) }).toEqual({ phrase, cell, found: true });
    }
  });

  test('every amount the draft prints is one of those cells (or a placeholder)', () => {
    const known = new Set([...cells.keys()].map((k) => yuan(k.split('!')[0], k.split('!')[1])));
    known.add('0.00元');
    const printed = text.match(/\d[\d,]*\.\d{2}元/g) ?? [];
    expect(printed.length).toBeGreaterThan(20);
    expect(printed.filter((a) => !known.has(a))).toEqual([]);
  });
});

describe('13-B drafted from the workbook’s 项目自评表', () => {
  test('count, 涉及资金 (Σ 全年执行数, 万元 tables restated in the 元 document), grades by S-GRD-00 and the 中 project’s reason', async () => {
    const wb = await loadFixture(FIXTURE);
    const sw = shanxiSW(); // 92.14 分, 执行数 27,415 read as 27.415 万元
    wb.sheets.push(sheetOf('乡村振兴', sw.rows, sw.merges));
    wb.sheets.push(sheetOf('装备甲', national({ name: '执法装备购置' }), NATIONAL_MERGES)); // 99 分, 执行 36 万元
    wb.sheets.push(sheetOf('装备乙', national({ name: '执法记录仪购置', h15: 5, i15: '采购延迟', total: { v: 74, f: '0.0' } }), NATIONAL_MERGES)); // 74 分 → 中
    const { context } = checkInContext(wb);
    const text = draftSituationNotes(context, { sections: ['NT-13'] }).paragraphs.map((p) => p.text).join('\n');
    // 27.415 + 36 + 36 = 99.415 万元 = 994,150.00 元; ÷ 项目支出 13,233,072.42 元 = 7.51 %.
    expect(text).toContain('二级项目3个，共涉及资金994,150.00元，占本部门（单位）项目支出总额的7.51%，其中一般公共预算项目支出994,150.00元、政府性基金预算项目支出0.00元');
    expect(text).toContain('晋城市市场监督管理局2022年度二级项目绩效自评个数3个，涉及资金994,150.00元：2个项目自评为“优”，0个项目自评为“良”，1个项目自评为“中”，0个项目自评为“差”。');
    expect(text).toContain('“执法记录仪购置”项目自评为“中”的主要原因是采购延迟。');
  });
});

describe('the same 情况说明 pasted from the PDF line by line (a form the spec does not show)', () => {
  // Lines of seed 002 as extracted from the PDF: paragraphs broken mid-sentence, even inside a figure's sentence.
  const RAW = [
    '第三部分 情况说明',
    '五、一般公共预算财政拨款支出决算情况说明',
    '（一）财政拨款支出决算总体情况',
    '晋城市市场监督管理局2022年财政拨款决算支出44,592,816.01元，占本年支出',
    '合计的100.00%。与2021年相比，财政拨款支出减少3,813,878.10元，下降',
    '7.88%。主要原因是财政核减预算收入，支出相应减少。其中，人员经费',
    '27,928,672.17元，占比62.63%；日常公用经费3,431,071.42元，占比7.69%。',
    '九、财政拨款“三公”经费支出决算情况说明',
    '（一）“三公”经费财政拨款支出决算总体情况说明',
    '2022年度“三公”经费财政拨款支出预算300,102.55元，支出决算300,102.55',
    '元，完成全年预算的86.86%，比上年度减少16,998.65元，下降5.36%。主要原因',
    '是：2022年公务接待人次减少，压缩公务用车运行成本其中：',
    '公务用车运行维护费支出295,600.55元，完成全年预算的90.81%，比上年度减',
    '少13,388.65元，下降4.33%，主要原因是：加强车辆管理，节约公车运行成本；',
    '十、其他重要事项情况说明',
    '（四）预算绩效情况说明',
    '（1）预算绩效管理工作开展情况',
    '根据预算绩效管理要求，晋城市市场监督管理局部门（单位）按照“谁支出、',
    '谁自评”的原则，组织对2022年度年初预算安排的所有项目资金全面开展了绩效自',
    '评，涵盖一级项目0个，二级项目14个，共涉及资金11475996.4元，占本部门（单',
    '位）项目支出总额的87%，其中一般公共预算项目支出11475996.4元、政府性基金预',
    '算项目支出0元、国有资金经营预算项目支出0元、社会保险基金预算项目支出0元。',
  ];

  test('broken lines are read as their paragraph: the rates are found on the line that prints them, nothing else flagged', async () => {
    const wb = await loadFixture(FIXTURE);
    const i = wb.sheets.findIndex((s) => s.name === NOTES);
    wb.sheets[i] = makeSheetGrid({ name: NOTES, cells: RAW.map((value) => [{ value }]) });
    const result = checkInContext(wb).result;
    expect(result.sheets[i].template).toBe('situation-notes');
    expect(serious(notes(result)).map((f) => [f.cell, f.rule, f.stated])).toEqual([
      ['A11', 'NC-02', '86.86%'],
      ['A13', 'NC-02', '90.81%'],
    ]);
  });
});
