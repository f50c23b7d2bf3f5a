/**
 * Drafts against the published Jiaozuo 情况说明: every amount the draft copies from a table equals the figure the
 * text quotes, except where the truth marks that figure (there the draft gives the table's figure); every rate is
 * computed from the tables' figures.
 */
import { recognizeSheet, WorkbookContext } from '../../src/core/engine';
import { gongkaiTables } from '../../src/core/gongkai';
import { GTable } from '../../src/core/gongkai/model';
import { gridFromRows } from '../../src/core/grid';
import { departmentOf, draftSituationNotes, DraftOptions, percent } from '../../src/core/narrative/drafts';
import { extractFigures } from '../../src/core/narrative/figures';
import { Decimal } from '../../src/core/numbers';
import { isRecognition } from '../../src/core/recognition';
import { norm } from '../../src/core/text';
import { readTruth, sharedFixture } from '../helpers';

const FIXTURE = 'jiaozuo-2021-gongkai.xlsx';
let context: WorkbookContext;
let published: Map<string, string>;
/** The figures the truth marks wrong, by cell: quoted text → the table's figure. */
let marked: Map<string, Map<string, string>>;

beforeAll(async () => {
  const workbook = await sharedFixture(FIXTURE);
  context = { workbook, recognitions: workbook.sheets.map((s) => recognizeSheet(s)).filter(isRecognition) };
  const notes = workbook.sheets.find((s) => s.name === '第三部分说明')!;
  published = new Map(notes.cells.map((row, r) => [`A${r + 1}`, String(row?.[0]?.value ?? '')]));
  marked = new Map();
  for (const d of readTruth('jiaozuo-2021-gongkai.truth.json').discrepancies) {
    if (d.sheet !== '第三部分说明' || /%/.test(d.stated)) continue;
    for (const cell of d.cells) {
      const m = marked.get(cell) ?? new Map<string, string>();
      if (/= 公开/.test(d.identity)) m.set(d.stated, d.expected);
      marked.set(cell, m);
    }
  }
});

function draftText(options: DraftOptions = {}): string[] {
  return draftSituationNotes(context, options).paragraphs.map((p) => p.text);
}

function find(paras: string[], prefix: RegExp): string {
  const p = paras.find((x) => prefix.test(norm(x)));
  expect(p).toBeDefined();
  return p!;
}

/** Amounts and percentages of a paragraph, as written (grouping removed). */
const figures = (text: string) => extractFigures(text).filter((f) => f.kind === 'amount' || f.kind === 'percent').map((f) => f.text.replace(/,/g, ''));

/** The published figures with the truth's corrections applied (a marked amount → the table's figure). */
function expectedFigures(cell: string): string[] {
  const fix = marked.get(cell) ?? new Map();
  return figures(published.get(cell)!).map((f) => fix.get(f) ?? f);
}

describe('situation-notes draft on Jiaozuo 2021 (set A, plain amounts like the existing notes)', () => {
  test('heading set A (no 公开10), the year from the tables, and every section heading', () => {
    const d = draftSituationNotes(context);
    expect(d.headingSet).toBe('A');
    expect(d.year).toBe(2021);
    const headings = d.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text);
    for (const cell of ['A3', 'A5', 'A7', 'A9', 'A11', 'A45', 'A59', 'A61', 'A63', 'A65', 'A67', 'A69']) {
      expect(headings.map(norm)).toContain(norm(published.get(cell)!));
    }
  });

  test.each([
    ['A6', /^2021年度收入合计/],
    ['A8', /^2021年度支出合计/],
    ['A15', /主要用于以下方面/],
    ['A46', /^2021年度一般公共预算财政拨款基本支出/],
    ['A49', /^2021年度三公经费财政拨款支出预算为/],
    ['A51', /^2021年度三公经费财政拨款支出决算/],
    ['A53', /^2\.公务用车购置及运行费预算为/],
    ['A56', /^3\.公务接待费预算为/],
  ])('%s: the draft quotes the published figures (the table figure where the truth marks one)', (cell, prefix) => {
    expect(figures(find(draftText(), prefix))).toEqual(expectedFigures(cell));
  });

  test('A6 and A8 are generated word for word', () => {
    const paras = draftText();
    for (const cell of ['A6', 'A8']) expect(paras.map(norm)).toContain(norm(published.get(cell)!));
  });

  test('NT-06 lists exactly the names the published text lists', () => {
    const names = (text: string) => norm(text).split(/主要包括：/).slice(1).map((s) => s.replace(/[；。].*$/, '').split('、').sort());
    expect(names(find(draftText(), /^2021年度一般公共预算财政拨款基本支出/))).toEqual(names(published.get('A46')!));
  });

  test('NT-05-3: an item with its 年初 given gets the rate the tables give (546.79 %, not the published 563.16 %)', () => {
    const item = find(draftText({ inputs: { '年初.2013802': '122.30', '原因.2013802': '使用上年结转' } }), /^7\.一般公共服务支出\(类\)市场监督管理事务/);
    expect(item).toContain('年初预算为122.30万元，支出决算为668.73万元，完成年初预算的546.79%。');
    expect(percent(new Decimal('668.73'), new Decimal('122.30'))).toBe('546.79%');
    const same = find(draftText({ inputs: { '年初.2011405': '8.00' } }), /^4\./);
    expect(same).toMatch(/完成年初预算的100\.00%。$/); // 决算 = 年初: no reason sentence
  });

  test('增减 wording with 上年 figures given: 增加/增长, 减少/下降, and 持平', () => {
    const paras = draftText({ inputs: { '上年.收支总计': '22389.03', '上年.财政拨款收支总计': '22118.59', '上年.一般公共预算财政拨款支出': '18159.97', '机关运行经费': '1137.80', '上年.机关运行经费': '1202.28' } });
    expect(find(paras, /^2021年度收、支总计/)).toContain('收、支总计各增加1965.71万元，增长8.78%。');
    expect(find(paras, /^2021年度财政拨款收、支总计/)).toContain('各减少3957.15万元，下降17.89%。');
    expect(find(paras, /^2021年度一般公共预算财政拨款支出18159\.97万元,占本年支出合计的88\.23%/)).toContain('一般公共预算财政拨款支出持平');
    expect(find(paras, /^2021年度机关运行经费支出/)).toContain('1137.80万元，较上年度减少64.48万元，下降5.36%。');
  });

  test('facts no table holds are placeholders, listed as unfilled', () => {
    const d = draftSituationNotes(context);
    expect(d.unfilled).toContain('公务用车保有量');
    expect(d.paragraphs.some((p) => p.text.includes('【请填写：公务用车保有量】'))).toBe(true);
    expect(find(d.paragraphs.map((p) => p.text), /^我部门2021年度没有政府性基金收入/)).toBe(published.get('A60')!.replace(/\s/g, ''));
  });

  test('a draft of selected sections only, grouped amounts on request', () => {
    const d = draftSituationNotes(context, { sections: ['NT-02'], amountStyle: 'grouped' });
    expect(d.paragraphs.map((p) => p.text)).toContain('2021年度收入合计19,475.63万元，其中：财政拨款收入17,074.25万元，占87.67%；其他收入2,401.38万元，占12.33%。');
    expect(d.paragraphs.filter((p) => p.kind === 'text')).toHaveLength(1);
  });
});

test('answers keyed by the placeholder label (what the pane collects) fill the slot', () => {
  const d = draftSituationNotes(context, { sections: ['NT-01', 'NT-07'], inputs: { '上年收、支总计': '22389.03', 公务用车保有量: '118' } });
  const texts = d.paragraphs.map((p) => p.text).join('\n');
  expect(texts).toContain('增加1965.71万元，增长8.78%');
  expect(texts).toContain('公务用车保有量为118辆');
  expect(d.unfilled).not.toContain('公务用车保有量');
});

describe('部门名称 from the tables’ meta rows', () => {
  const table = (rows: (string | null)[][]) => ({ sheet: gridFromRows('表', rows) }) as unknown as GTable;

  test('Jiaozuo: `部门：焦作市市场监督管理局`', () => {
    expect(departmentOf(gongkaiTables(context))).toBe('焦作市市场监督管理局');
  });

  test('label and name in two cells, a year on the same cell, and a unit cell that is no name', () => {
    expect(departmentOf([table([['收入决算表'], ['编制单位：', '某县林业局'], ['金额单位：元']])])).toBe('某县林业局');
    expect(departmentOf([table([['收入决算表'], ['单位名称：某县水务局 2023年度']])])).toBe('某县水务局');
    expect(departmentOf([table([['收入决算表'], ['单位：元']])])).toBeNull();
  });

  test('the name most tables give wins', () => {
    const a = table([['表'], ['部门名称：甲局']]);
    const b = table([['表'], ['部门名称：乙局']]);
    expect(departmentOf([a, b, table([['表'], ['部门名称：乙局']])])).toBe('乙局');
  });
});
