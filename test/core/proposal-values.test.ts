/**
 * One fix from the engine to the pane and `juesuan fix`: the value written is the engine's (a number where the cell
 * holds a figure, with the format that shows it), carried in result.edits — never read back from the text shown.
 */
import { CheckResult, Finding } from '../../src/core/findings';
import { allEdits, editFor } from '../../src/core/edits';
import { checkFixture } from '../helpers';

test('every 舍位平衡 the Jiaozuo check proposes arrives as a number, on the proposed cell', async () => {
  const result = await checkFixture('jiaozuo-2021-gongkai.xlsx');
  const proposed = result.findings.filter((f) => f.proposal);
  expect(proposed.length).toBeGreaterThan(0);
  for (const f of proposed) {
    const e = editFor(f, result)!;
    expect([e.sheet, e.cell, typeof e.value, e.proposed]).toEqual([f.proposal!.sheet, f.proposal!.cell, 'number', f.proposal!.value]);
    expect(e.value).toBe(Number(f.proposal!.value));
  }
});

test('a recomputed 执行率 arrives as its fraction with a percent format showing the same decimals', async () => {
  const result = await checkFixture('changji-2020-selfeval.xlsx');
  const f = result.findings.find((x) => x.sheet === '执法宣传片' && x.cell === 'G7' && x.rule === 'S-RATE-01')!;
  expect(editFor(f, result)).toMatchObject({ proposed: '87.67%', value: 0.8767 });
});

test('a proposal with no fix from the engine offers nothing: the text is not parsed into a value', () => {
  const f = { sheet: '自评表', cell: 'H7', rule: 'S-RATE-01', severity: 'error', message: '', stated: '1', expected: '85.50%', proposal: { sheet: '自评表', cell: 'H7', value: '85.50%' } } as Finding;
  const result = { file: 'x.xlsx', sheets: [], findings: [f], edits: [] } as CheckResult;
  expect(editFor(f, result)).toBeNull();
  expect(allEdits(result)).toEqual([]);
});

test('a 舍位平衡 on another cell of the identity is offered while its finding is open, not once it is explained', () => {
  const f = { sheet: '公开01', cell: 'C5', rule: 'G-INTRA-01', severity: 'rounding', message: '', stated: '10.01', expected: '10.00', proposal: { sheet: '公开01', cell: 'C6', value: '3.01' } } as Finding;
  const fix = { sheet: '公开01', cell: 'C6', current: null, proposed: '3.01', value: 3.01, rule: 'G-INTRA-01' };
  const result = { file: 'x.xlsx', sheets: [], findings: [f], edits: [fix] } as CheckResult;
  expect(editFor(f, result)).toBe(fix);
  expect(allEdits(result)).toEqual([fix]);
  expect(allEdits(result, { '公开01!C5#G-INTRA-01#10.01': '系尾数误差' })).toEqual([]);
});
