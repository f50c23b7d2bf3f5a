/**
 * Property-based robustness: random cell texts never make the number reader throw; random grids — free-form, and
 * real workbooks (the three fixtures and the Shanxi 公开表 builder) with random cells overwritten — never make
 * recognition or any rule (公开表, 自评表, 情况说明) throw, and every finding stays well-formed. Run counts are in
 * RUNS (reported in README 性能与健壮性).
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/engine';
import { CheckResult } from '../../src/core/findings';
import { Cell, makeSheetGrid, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { readNumber, readNumberText } from '../../src/core/numbers';
import { readXlsx, WorkbookReadError } from '../../src/host/xlsx-read';
import { shanxiWorkbook } from '../gongkai/shanxi-builder';
import { gridToXlsx, loadFixture } from '../helpers';

jest.setTimeout(120_000);

export const RUNS = { text: 5000, cell: 5000, grid: 1500, xlsx: 100, shanxi: 200, fixture: 25 };

const TOKENS = [
  '合计', '小计', '总计', '万元', '元', '分', '%', '％', '(', ')', '（', '）', '-', '—', '——', '－', '+', '.', '．', ',', '，',
  '0', '1', '23', '0.5', '１２３', '４５．６', '1,234.50', '1E+3', '2013801', '201', '20138', '公开05表', '公开01表', '金额单位：',
  '单位：万元', '单位：元', '总分', '得分', '执行率', '年初预算数', '全年预算数', '全年执行数', '分值', '权重', '指标', '绩效自评表',
  '支出决算表', '收入决算表', '“三公”经费', '项目支出', '基本支出', '本年收入合计', '栏次', '行次', '科目代码', '科目名称', '第三部分',
  '情况说明', '增长', '减少', '与上年相比', '无此项收支', '#REF!', ' ', '\u3000', '\u00a0', '\n', '\t', '类', '款', '项', '注：', '辆', '人次',
];

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 6 }).map((t) => t.join(''));
const cellText = fc.oneof(tokenText, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 }));
const NUMFMTS = [undefined, 'General', '0', '0.00', '#,##0.00', '0.0%', '0.00%', '@', '0.00_);(0.00)', '"¥"#,##0.00', 'yyyy-mm-dd', '#,##0;[Red]-#,##0'];

const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.record({ value: fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e12, max: 1e12 }), fc.constantFrom(0, -0, 0.1 + 0.2, 1e21, 5e-7, NaN, Infinity)), numFmt: fc.constantFrom(...NUMFMTS) }) },
  { weight: 4, arbitrary: fc.record({ value: cellText, numFmt: fc.constantFrom(...NUMFMTS) }) },
  { weight: 1, arbitrary: fc.record({ value: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>({ value: null, error: '#REF!' }, { value: null, error: '#DIV/0!' }, { value: null, error: '#N/A' }) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>({ value: null, formula: 'SUM(C9:C12)', formulaWithoutValue: true }, { value: 12.5, formula: 'C9+C10', numFmt: '0.00' }) },
);


function wellFormed(r: CheckResult, wb: WorkbookGrid): void {
  expect(r.sheets).toHaveLength(wb.sheets.length);
  for (const f of r.findings) {
    expect(['error', 'rounding', 'warning', 'info']).toContain(f.severity);
    expect(typeof f.message).toBe('string');
    expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    expect(f.message).not.toMatch(/undefined|\[object Object\]/);
    if (f.cell !== null) expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
    if (f.stated !== null) expect(typeof f.stated).toBe('string');
  }
}

const check = (wb: WorkbookGrid) => {
  const r = checkWorkbook(wb);
  wellFormed(r, wb);
  return r;
};

test(`readNumberText never throws on random text (${RUNS.text} runs)`, () => {
  fc.assert(
    fc.property(cellText, (t) => {
      const r = readNumberText(t, { unitWords: ['万元', '元', '分', '%'] });
      if (r.kind === 'number') expect(r.value.isFinite()).toBe(true);
    }),
    { numRuns: RUNS.text },
  );
});

test(`readNumber never throws on random cells (${RUNS.cell} runs)`, () => {
  fc.assert(
    fc.property(cell, (c) => {
      const r = readNumber(c);
      if (r.kind === 'number') {
        expect(r.value.isFinite()).toBe(true);
        expect(r.decimals).toBeGreaterThanOrEqual(0);
      }
    }),
    { numRuns: RUNS.cell },
  );
});

/** A random sheet: often headed by a known title and header words so the recognisers go deep. */
const sheet: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.oneof(fc.constantFrom('公开01表', '公开05表', '绩效自评表', '情况说明', 'Sheet1'), fc.string({ minLength: 1, maxLength: 10 })),
    title: fc.option(fc.constantFrom('收入支出决算总表', '支出决算表', '一般公共预算财政拨款支出决算表', '财政拨款“三公”经费支出决算表', '项目支出绩效自评表', '部门整体支出绩效自评表', '第三部分 情况说明', '部门决算公开相关信息统计表'), { nil: undefined }),
    rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }),
    hidden: fc.array(fc.nat(30), { maxLength: 3 }),
    merge: fc.option(fc.record({ top: fc.nat(20), left: fc.nat(8), h: fc.nat(3), w: fc.nat(3) }), { nil: undefined }),
  })
  .map(({ name, title, rows, hidden, merge }) => {
    const cells = (title ? [[{ value: title }], [undefined, undefined, { value: '金额单位：万元' }], ...rows] : rows) as (Cell | undefined)[][];
    const merges = merge ? [{ top: merge.top, left: merge.left, bottom: merge.top + merge.h, right: merge.left + merge.w }] : [];
    return makeSheetGrid({ name, cells, merges, hiddenRows: hidden });
  });

const workbook = fc.array(sheet, { minLength: 1, maxLength: 4 }).map((sheets) => {
  sheets.forEach((s, i) => (s.name = `${s.name}${i}`)); // sheet names are unique in a workbook
  return { fileName: 'fuzz.xlsx', sheets } as WorkbookGrid;
});

test(`random grids never make recognition or a rule throw (${RUNS.grid} runs)`, () => {
  fc.assert(fc.property(workbook, (wb) => void check(wb)), { numRuns: RUNS.grid });
});

test(`random grids written to .xlsx and read back: a grid or a Chinese refusal, never a crash (${RUNS.xlsx} runs)`, async () => {
  const printable = (s: SheetGrid) => {
    s.name = s.name.replace(/[\u0000-\u001f*?:\\/[\]']/g, '_').slice(0, 31) || 'S';
    for (const row of s.cells) row?.forEach((c, i) => {
      if (c && typeof c.value === 'string') row[i] = { ...c, value: c.value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, '') };
      if (c && typeof c.value === 'number' && !Number.isFinite(c.value)) row[i] = undefined;
    });
  };
  await fc.assert(
    fc.asyncProperty(workbook, async (wb) => {
      wb.sheets.forEach(printable);
      if (new Set(wb.sheets.map((s) => s.name)).size !== wb.sheets.length) return;
      const bytes = await gridToXlsx(wb);
      try {
        check(await readXlsx(bytes, 'fuzz.xlsx'));
      } catch (e) {
        expect(e).toBeInstanceOf(WorkbookReadError);
        expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
      }
    }),
    { numRuns: RUNS.xlsx },
  );
});


/** Overwrites random cells of a copy of a real workbook. */
function mutations(base: WorkbookGrid, cells: fc.Arbitrary<Cell | undefined> = cell) {
  const edit = fc.record({ s: fc.nat(base.sheets.length - 1), r: fc.nat(200), c: fc.nat(14), cell: cells });
  return fc.array(edit, { minLength: 1, maxLength: 12 }).map((edits) => {
    const wb = structuredClone(base);
    for (const e of edits) {
      const s = wb.sheets[e.s];
      const r = e.r % Math.max(s.rowCount, 1);
      const c = e.c % Math.max(s.colCount, 1);
      (s.cells[r] ??= [])[c] = e.cell;
    }
    return wb;
  });
}

test(`the Shanxi 公开表 with random cells overwritten (${RUNS.shanxi} runs)`, () => {
  const base = shanxiWorkbook('s24');
  fc.assert(fc.property(mutations(base), (wb) => void check(wb)), { numRuns: RUNS.shanxi });
});

describe.each(['jiaozuo-2021-gongkai.xlsx', 'changji-2020-selfeval.xlsx', 'jiaozuo-2021-dept-selfeval.xlsx'])('%s', (name) => {
  test(`with random cells overwritten, nothing throws (${RUNS.fixture} runs)`, async () => {
    const base = await loadFixture(name);
    fc.assert(fc.property(mutations(base), (wb) => void check(wb)), { numRuns: RUNS.fixture });
  });
});
