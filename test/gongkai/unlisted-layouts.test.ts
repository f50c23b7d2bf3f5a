/**
 * Layouts the spec mentions but no known workbook uses: split 类|款|项 code columns (gongkai-layouts.md §2.4) and a
 * summary table without 行次 columns (rows keyed by label, §5). They must be read by the same rules.
 */
import { checkWorkbook } from '../../src/core/engine';
import { gridFromRows } from '../../src/core/grid';

function splitCodeSheet(leiTotal: number) {
  return gridFromRows('Sheet1', [
    ['一般公共预算财政拨款支出决算表'],
    ['单位：元'],
    ['科目编码', null, null, '科目名称', '本年支出', null, null],
    ['类', '款', '项', null, '小计', '基本支出', '项目支出'],
    ['栏次', null, null, null, 1, 2, 3],
    ['合计', null, null, null, 300, 200, 100],
    ['201', null, null, '一般公共服务支出', leiTotal, 200, 100],
    [null, '38', null, '市场监督管理事务', 300, 200, 100],
    [null, null, '01', '行政运行', 200, 200, null],
    [null, null, '50', '事业运行', 100, null, 100],
  ], { merges: [{ top: 2, left: 0, bottom: 2, right: 2 }, { top: 2, left: 4, bottom: 2, right: 6 }] });
}

describe('split 类|款|项 code columns', () => {
  test('codes are joined with the parent parts inherited, and the sums hold', () => {
    const result = checkWorkbook({ fileName: 'x.xlsx', sheets: [splitCodeSheet(300)] });
    expect(result.sheets[0].template).toBe('general-budget-expenditure');
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a broken 类 total is found on its row', () => {
    const result = checkWorkbook({ fileName: 'x.xlsx', sheets: [splitCodeSheet(310)] });
    const f = result.findings.find((x) => x.rule === 'G-INTRA-11');
    expect(f?.cell).toBe('E7');
    expect(f?.severity).toBe('error');
  });
});

describe('a 收入支出决算总表 without 行次 columns', () => {
  function sheet(total: number) {
    return gridFromRows('总表', [
      ['收入支出决算总表'],
      ['金额单位：万元'],
      ['收入', null, '支出'],
      ['项目', '金额', '项目', '金额'],
      ['栏次', 1, '栏次', 2],
      ['一、一般公共预算财政拨款收入', 100, '一、一般公共服务支出', 90],
      ['八、其他收入', 10, '八、社会保障和就业支出', 20],
      ['本年收入合计', 110, '本年支出合计', total],
      ['年初结转和结余', 5, '年末结转和结余', 5],
      ['总计', 115, '总计', 115],
    ]);
  }
  test('rows are keyed by their labels and every identity holds', () => {
    const result = checkWorkbook({ fileName: 'x.xlsx', sheets: [sheet(110)] });
    expect(result.sheets[0].template).toBe('income-expenditure-summary');
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
  test('a broken 本年支出合计 is found', () => {
    const result = checkWorkbook({ fileName: 'x.xlsx', sheets: [sheet(111)] });
    expect(result.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual(expect.arrayContaining([['G-INTRA-02', 'D8', 'error']]));
  });
});

describe('columns are read by their header words, not their position', () => {
  test('a 收入决算表 with 其他收入 moved before 财政拨款收入 still ties to the 总表', async () => {
    const { shanxiWorkbook } = await import('./shanxi-builder');
    const wb = shanxiWorkbook('s24');
    const inc = wb.sheets.find((s) => s.name === '公开02表')!;
    // Swap columns D (财政拨款收入) and I (其他收入) in every row, headers included; the 栏次 row keeps 1…7.
    for (let r = 0; r < inc.rowCount; r++) {
      const row = inc.cells[r];
      if (!row || r === 6 || r === 7) continue;
      [row[3], row[8]] = [row[8], row[3]];
    }
    const result = checkWorkbook(wb);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('tables that print no 栏次 row', () => {
  test('a 收入决算表 without 栏次: amount columns by their heads, sums checked', () => {
    const rows = (total: number) => [
      ['收入决算表'], ['单位：万元'],
      ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
      ['合计', null, total, 90, null, null, null, null, 10],
      ['201', '一般公共服务支出', 100, 90, null, null, null, null, 10],
    ];
    const ok = checkWorkbook({ fileName: 'x.xlsx', sheets: [gridFromRows('Sheet1', rows(100))] });
    expect(ok.sheets[0].template).toBe('income');
    expect(ok.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const bad = checkWorkbook({ fileName: 'x.xlsx', sheets: [gridFromRows('Sheet1', rows(105))] });
    expect(bad.findings.map((f) => [f.rule, f.cell])).toEqual(expect.arrayContaining([['G-INTRA-07', 'C4'], ['G-INTRA-10', 'C4']]));
  });

  test('a 收入支出决算总表 without 栏次: 行次 keys the rows, the 金额 heads number the columns', () => {
    const sheet = (total: number) => gridFromRows('总表', [
      ['收入支出决算总表'], ['金额单位：万元'],
      ['收入', null, null, '支出'],
      ['项目', '行次', '金额', '项目', '行次', '金额'],
      ['一、一般公共预算财政拨款收入', 1, 100, '一、一般公共服务支出', 32, 100],
      ['本年收入合计', 27, 100, '本年支出合计', 58, total],
      ['总计', 31, 100, '总计', 62, total],
    ]);
    const ok = checkWorkbook({ fileName: 'x.xlsx', sheets: [sheet(100)] });
    expect(ok.sheets[0].template).toBe('income-expenditure-summary');
    expect(ok.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const bad = checkWorkbook({ fileName: 'x.xlsx', sheets: [sheet(101)] });
    expect(bad.findings.map((f) => [f.rule, f.cell])).toEqual(expect.arrayContaining([['G-INTRA-02', 'F6'], ['G-INTRA-05', 'F7']]));
  });
});
