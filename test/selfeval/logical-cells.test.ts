/** A logical TRUE/FALSE cell (a 是/否 target typed as a Boolean) is read as text, never a crash or a figure. */
import { checkWorkbook } from '../../src/core/engine';
import { parseIndicatorValue } from '../../src/core/selfeval/indicator-values';
import { loadFixture } from '../helpers';


test('parseIndicatorValue reads a logical value as qualitative text', () => {
  expect(parseIndicatorValue(true)).toMatchObject({ kind: 'text' });
  expect(parseIndicatorValue(false)).toMatchObject({ kind: 'text' });
});

test('a 自评表 whose 指标值 and 完成值 cells hold TRUE/FALSE is checked without throwing', async () => {
  const wb = await loadFixture('changji-2020-selfeval.xlsx');
  const sheet = wb.sheets[0];
  // 宣传培训: indicator rows from row 14, 年度指标值 in E, 实际完成值 in F (selfeval.md §2).
  sheet.cells[13][4] = { value: true };
  sheet.cells[13][5] = { value: false };
  const result = checkWorkbook(wb);
  expect(result.sheets[0].template).toBe('project-selfeval');
  expect(result.findings.filter((f) => f.sheet === sheet.name && f.severity === 'error')).toEqual([]);
});
