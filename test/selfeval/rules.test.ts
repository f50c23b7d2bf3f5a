/** Each rule on a broken case: a real fixture grid mutated, or a small national table built by hand. */
import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { SheetGrid } from '../../src/core/grid';
import { parseA1 } from '../../src/core/address';
import { loadFixture } from '../helpers';
import { national, NATIONAL_MERGES, sheetOf, V, workbookOf } from './builders';

function check(rows: V[][], merges = NATIONAL_MERGES, name = '表1') {
  return checkWorkbook(workbookOf(sheetOf(name, rows, merges)));
}
const at = (fs: Finding[], cell: string, rule?: string) => fs.filter((f) => f.cell === cell && (!rule || f.rule === rule));
const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info');

function set(sheet: SheetGrid, a1: string, value: string | number | null, numFmt?: string) {
  const p = parseA1(a1)!;
  while (sheet.cells.length <= p.row) sheet.cells.push([]);
  sheet.cells[p.row][p.col] = value === null ? undefined : { value, ...(numFmt ? { numFmt } : {}) };
}

describe('a correct hand-made national table', () => {
  test('has no error, rounding or warning and proposes no edit', () => {
    const r = check(national());
    expect(r.sheets[0]).toMatchObject({ template: 'project-selfeval', variant: 'national-2020', unit: '万元' });
    expect(serious(r.findings)).toEqual([]);
    expect(r.edits).toEqual([]);
  });
});

describe('S-RATE-01 执行率 = 执行 ÷ 全年 (CMP-C)', () => {
  test('fixture 执法宣传片: an off-by-two in the last digit is an error, not rounding', async () => {
    const wb = await loadFixture('changji-2020-selfeval.xlsx');
    const sheet = wb.sheets.find((s) => s.name === '执法宣传片')!;
    set(sheet, 'G7', 0.8769, '0.00%');
    const f = at(checkWorkbook(wb).findings, 'G7', 'S-RATE-01');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', stated: '87.69%', expected: '87.67%' });
  });
  test('integer precision: 83% for 83.25% holds, 84% is rounding, 82% is error', () => {
    const rate = (v: number) => check(national({ full: 60, exec: 49.95, partFull: 60, partExec: 49.95, rate: { v, f: '0%' }, partRate: null, score: { v: 8.3, f: '0.0' }, total: { v: 98.3, f: '0.0' } })).findings;
    expect(at(rate(0.83), 'G6', 'S-RATE-01')).toHaveLength(0);
    expect(at(rate(0.84), 'G6', 'S-RATE-01')[0].severity).toBe('rounding');
    expect(at(rate(0.82), 'G6', 'S-RATE-01')[0].severity).toBe('error');
  });
  test('the denominator is 全年预算数, never 年初预算数', () => {
    const r = check(national({ init: 30, full: 60, exec: 49.95, partFull: 60, partExec: 49.95, rate: { v: 0.83, f: '0%' }, partRate: null, score: { v: 8.3, f: '0.0' }, total: { v: 98.3, f: '0.0' } }));
    expect(serious(r.findings)).toEqual([]);
  });
  test('a rate typed as text “90.00%” is read with an info note', () => {
    const r = check(national({ rate: '90.00%' }));
    expect(at(r.findings, 'G6', 'S-PARSE-02')[0].severity).toBe('info');
    expect(at(r.findings, 'G6', 'S-RATE-01')).toHaveLength(0);
  });
});

describe('S-RATE-02 division by zero', () => {
  test('全年 0 with 执行 > 0 is a warning, not a crash', () => {
    const r = check(national({ full: 0, exec: 5, partFull: 0, partExec: 5, rate: null, partRate: null, score: null, total: { v: 90, f: '0.0' } }));
    const f = r.findings.filter((x) => x.rule === 'S-RATE-02' && x.severity === 'warning');
    expect(f.length).toBeGreaterThanOrEqual(1);
    expect(f[0].cell).toBe('D6');
    expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });
  test('0 of 0 with a stated 0% is accepted, with one info on the total row', () => {
    const r = check(national({ init: 0, full: 0, exec: 0, partFull: 0, partExec: 0, rate: { v: 0, f: '0%' }, partRate: { v: 0, f: '0%' }, score: { v: 0, f: '0' }, total: { v: 90, f: '0' } }));
    expect(serious(r.findings)).toEqual([]);
    expect(r.findings.filter((x) => x.rule === 'S-RATE-02').map((x) => x.cell)).toEqual(['G6']);
  });
});

describe('S-SCORE-01/02 预算执行得分', () => {
  test('fixture: a 得分 far from 分值 × 执行率 is an error with the recomputed value as proposal', async () => {
    const wb = await loadFixture('changji-2020-selfeval.xlsx');
    set(wb.sheets.find((s) => s.name === '宣传培训')!, 'H6', '8.8分');
    const f = at(checkWorkbook(wb).findings, 'H6', 'S-SCORE-01')[0];
    expect(f).toMatchObject({ severity: 'error', stated: '8.8分', expected: '9.9' });
    expect(f.proposal).toMatchObject({ sheet: '宣传培训', cell: 'H6', value: '9.9' });
  });
  test('capped at 分值 when the rate is above 100 %', () => {
    const r = check(national({ full: 40, exec: 44, partFull: 40, partExec: 44, rate: { v: 1.1, f: '0%' }, partRate: { v: 1.1, f: '0%' }, score: { v: 10, f: '0.0' }, total: { v: 100, f: '0.0' } }));
    expect(serious(r.findings)).toEqual([]);
  });
  test('an empty 得分 is a warning with the recomputed score, and 总分 uses it', () => {
    const r = check(national({ score: null, total: { v: 99, f: '0.0' } }));
    expect(at(r.findings, 'H6', 'S-SCORE-02')[0]).toMatchObject({ severity: 'warning', expected: '9' });
    expect(r.findings.filter((x) => x.rule === 'S-TOT-01')).toEqual([]);
  });
});

describe('S-SUB-01 total = Σ parts', () => {
  test('fixture 焦作市局: a 全年数 that does not add up is an error naming the figures', async () => {
    const wb = await loadFixture('jiaozuo-2021-dept-selfeval.xlsx');
    set(wb.sheets.find((s) => s.name === '焦作市局')!, 'E6', 5000, '0.00');
    const f = checkWorkbook(wb).findings.filter((x) => x.sheet === '焦作市局' && x.rule === 'S-SUB-01');
    expect(f[0]).toMatchObject({ cell: 'E5', severity: 'error', expected: '5000.75' });
  });
  test('a 0.01 difference is rounding', () => {
    const r = check(national({ partFull: 40.01, partRate: null }));
    expect(at(r.findings, 'D6', 'S-SUB-01')[0].severity).toBe('rounding');
  });
  test('every part empty while the total is not: a warning', () => {
    const r = check(national({ partFull: null, partExec: null, partRate: null, init: 40 }));
    expect(at(r.findings, 'D6', 'S-SUB-01')[0].severity).toBe('warning');
  });
});

describe('S-ACT-01 empty 执行数', () => {
  test('a stated rate with no 执行数 is a warning with the inferred figure', () => {
    const r = check(national({ exec: null, partExec: null, partRate: null }));
    expect(at(r.findings, 'E6', 'S-ACT-01')[0]).toMatchObject({ severity: 'warning', expected: '36.00' });
  });
});

describe('indicators, weights and totals', () => {
  test('S-IND-01: 得分 above 分值 is an error', () => {
    const r = check(national({ h15: 31, total: { v: 100, f: '0.0' } }));
    expect(at(r.findings, 'H15', 'S-IND-01')[0].severity).toBe('error');
  });
  test('S-IND-02: an unreadable 得分 is a warning and is left out, never read as 0', () => {
    const r = check(national({ h15: '三十' }));
    expect(at(r.findings, 'H15', 'S-IND-02')[0].severity).toBe('warning');
    expect(r.findings.filter((x) => x.rule === 'S-TOT-01')).toEqual([]);
  });
  test('S-RSN-01: 得分 < 分值 with no reason is a warning on the reason cell; with one it is fine', () => {
    const missing = check(national({ h15: 28, total: { v: 97, f: '0.0' } }));
    expect(at(missing.findings, 'I15', 'S-RSN-01')[0].severity).toBe('warning');
    const given = check(national({ h15: 28, i15: '宣传不足', total: { v: 97, f: '0.0' } }));
    expect(at(given.findings, 'I15')).toEqual([]);
  });
  test('fixture 宣传培训: S-WGT-01 block weight, S-WGT-02 Σ = 100 and S-WGT-03 the Σ分值 cell', async () => {
    const wb = await loadFixture('changji-2020-selfeval.xlsx');
    const sheet = wb.sheets.find((s) => s.name === '宣传培训')!;
    set(sheet, 'G30', 12);
    const fs = checkWorkbook(wb).findings.filter((f) => f.sheet === '宣传培训');
    expect(at(fs, 'B30', 'S-WGT-01')[0]).toMatchObject({ severity: 'error', stated: '10', expected: '12' });
    expect(fs.find((f) => f.rule === 'S-WGT-02')).toMatchObject({ severity: 'error', cell: 'A31' });
    expect(at(fs, 'G31', 'S-WGT-03')[0]).toMatchObject({ severity: 'error', expected: '102' });
  });
  test('S-TOT-01: 0.01 off is rounding, more is error; S-TOT-02 empty is a warning', () => {
    expect(at(check(national({ total: { v: 99.01, f: '0.00' } })).findings, 'H17', 'S-TOT-01')[0].severity).toBe('rounding');
    expect(at(check(national({ total: { v: 98, f: '0.0' } })).findings, 'H17', 'S-TOT-01')[0]).toMatchObject({ severity: 'error', expected: '99.0' });
    expect(at(check(national({ total: null })).findings, 'H17', 'S-TOT-02')[0]).toMatchObject({ severity: 'warning', expected: '99' });
  });
  test('fixture 焦作市局: a wrong 总分 in the last column is found there', async () => {
    const wb = await loadFixture('jiaozuo-2021-dept-selfeval.xlsx');
    set(wb.sheets.find((s) => s.name === '焦作市局')!, 'I43', 95, '0.0');
    const f = checkWorkbook(wb).findings.find((x) => x.sheet === '焦作市局' && x.rule === 'S-TOT-01');
    expect(f).toMatchObject({ cell: 'I43', severity: 'error', expected: '98.0' });
  });
});

describe('recomputation: proposed edits', () => {
  test('a wrong score cascades to the 总分 edit so the corrected table adds up', () => {
    const r = check(national({ score: { v: 8, f: '0.0' }, total: { v: 98, f: '0.0' } }));
    expect(r.edits).toEqual([
      expect.objectContaining({ cell: 'H6', current: '8.0', proposed: '9.0', value: 9, rule: 'S-SCORE-01' }),
      expect.objectContaining({ cell: 'H17', current: '98.0', proposed: '99.0', value: 99, rule: 'S-TOT-01' }),
    ]);
  });
});
