/** S-RATE-02 when the 全年预算数 column itself is missing: a warning on the 执行数 cell, never a bare row number. */
import { checkWorkbook } from '../../src/core/engine';
import { loadFixture } from '../helpers';

test('a 自评表 without its 全年预算数 column: the rate cannot be computed, said on the 执行数 cell', async () => {
  const wb = await loadFixture('changji-2020-selfeval.xlsx');
  const sheet = wb.sheets[0];
  // 宣传培训: budget header row 5, 全年预算数 in D (selfeval.md §2); blank the header and the figures under it.
  for (const r of [4, 5, 6, 7, 8]) sheet.cells[r][3] = undefined;
  const f = checkWorkbook(wb).findings.find((x) => x.sheet === sheet.name && x.rule === 'S-RATE-02' && x.severity === 'warning');
  expect(f).toBeDefined();
  expect(f!.cell).toBe('E6');
  expect(f!.message).toMatch(/全年预算数一栏缺失/);
});
