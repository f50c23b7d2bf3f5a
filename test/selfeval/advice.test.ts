/** S-PARSE-06 and S-ADV: advice is always info and never changes the discrepancy counts. */
import { checkWorkbook } from '../../src/core/engine';
import { parseIndicatorValue } from '../../src/core/selfeval/indicator-values';
import { checkFixture } from '../helpers';
import { national, NATIONAL_MERGES, sheetOf, V, workbookOf } from './builders';

function withRow15(actual: V, score: V, reason: V = '原因') {
  const rows = national({ h15: score, i15: reason, total: null });
  rows[14][5] = actual;
  return checkWorkbook(workbookOf(sheetOf('t', rows, NATIONAL_MERGES))).findings;
}

test('S-PARSE-06 reads the notations of the spec', () => {
  expect(parseIndicatorValue('>=95 百分比')).toMatchObject({ kind: 'quantity', op: '≥', unit: '%' });
  expect(parseIndicatorValue('$\\geq 100\\%$')).toMatchObject({ kind: 'quantity', op: '≥', unit: '%' });
  expect(parseIndicatorValue('＜0.36百分比')).toMatchObject({ kind: 'quantity', op: '<' });
  expect(parseIndicatorValue('=100100%').kind).toBe('text');
  expect(parseIndicatorValue('≥次')).toMatchObject({ kind: 'unit-only', op: '≥' });
  expect(parseIndicatorValue('2021年12月31日前').kind).toBe('time');
  expect(parseIndicatorValue('≥30万元&&≤60万元').kind).toBe('range');
  expect(parseIndicatorValue('部分达成预期指标并具有一定效果')).toMatchObject({ kind: 'tier', tier: 'partial' });
  expect(parseIndicatorValue('/').kind).toBe('dash');
});

test('S-ADV-03: a target not met but full marks; S-ADV-01: a score off the proportional one', () => {
  const full = withRow15('10%', 30).filter((f) => f.rule.startsWith('S-ADV'));
  expect(full).toEqual([expect.objectContaining({ rule: 'S-ADV-03', severity: 'info', cell: 'H15', expected: '15' })]);
  const off = withRow15('10%', 25).filter((f) => f.rule.startsWith('S-ADV'));
  expect(off).toEqual([expect.objectContaining({ rule: 'S-ADV-01', severity: 'info', expected: '15' })]);
  expect(withRow15('10%', 15).filter((f) => f.rule.startsWith('S-ADV'))).toEqual([]);
});

test('S-ADV-04: a qualitative result outside its tier', () => {
  const f = withRow15('未完成预期指标且效果较差', 27).filter((x) => x.rule === 'S-ADV-04');
  expect(f[0]).toMatchObject({ severity: 'info', expected: '0–18' });
  expect(withRow15('达成预期指标', 27).filter((x) => x.rule === 'S-ADV-04')).toEqual([]);
});

test('fixture 焦作市局: S-ADV-05 flags the 预算执行率 indicator against the budget block, as info only', async () => {
  const r = await checkFixture('jiaozuo-2021-dept-selfeval.xlsx');
  const f = r.findings.find((x) => x.sheet === '焦作市局' && x.rule === 'S-ADV-05');
  expect(f).toMatchObject({ cell: 'F23', severity: 'info', stated: '96.34', expected: '100' });
  expect(r.findings.filter((x) => x.rule.startsWith('S-ADV') && x.severity !== 'info')).toEqual([]);
});
