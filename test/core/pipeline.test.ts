/**
 * The engine's stages return new values: checking leaves the grid and the recognisers' output as they were, so a
 * second check gives the same result, and what the units stage resolved reaches the 公开表 checks without a later
 * stage rewriting it.
 */
import { checkInContext, recognizeSheet } from '../../src/core/engine';
import { gongkaiRun, GTable } from '../../src/core/gongkai';
import { isRecognition } from '../../src/core/recognition';
import { shanxiWorkbook } from '../gongkai/shanxi-builder';
import { applyChanges } from '../rules/tester';

/** The 元 workbook with the unit line of 收入决算表 removed and one of its rows hidden. */
function workbook() {
  const wb = applyChanges(shanxiWorkbook('s22'), [['收入决算表', 'A3', null]]);
  wb.sheets.find((s) => s.name === '收入决算表')!.hiddenRows.add(8);
  return wb;
}

test('a sheet without a unit takes the others’ unit in the context; the recogniser’s own table keeps none', () => {
  const wb = workbook();
  const sheet = wb.sheets.find((s) => s.name === '收入决算表')!;
  const { result, context } = checkInContext(wb);
  expect(result.findings.filter((f) => f.rule === 'R-UNIT')).toEqual([expect.objectContaining({ sheet: '收入决算表', expected: '元' })]);
  expect(result.sheets.find((s) => s.name === '收入决算表')?.unit).toBe('元');
  const inContext = context.recognitions.find((r) => r.sheet === sheet)!;
  expect([inContext.unit, (inContext.model as GTable).unit]).toEqual(['元', '元']);
  const fresh = recognizeSheet(sheet);
  expect(isRecognition(fresh) && [fresh.unit, (fresh.model as GTable).unit]).toEqual([null, null]);
});

test('checking twice gives the same result: no stage changed what the next check reads', () => {
  const wb = workbook();
  const first = checkInContext(wb).result;
  const second = checkInContext(wb).result;
  expect(second).toEqual(first);
  // A finding on the hidden row says so once.
  const hidden = second.findings.filter((f) => f.hiddenRow);
  for (const f of hidden) expect(f.message.match(/该行为隐藏行/g)).toHaveLength(1);
});

test('the hidden-row note is added to a copy: the 公开表 check’s own finding keeps its message', () => {
  const wb = applyChanges(workbook(), [['收入决算表', 'C9', (old) => Number(old) + 10]]);
  const { result, context } = checkInContext(wb);
  const onHidden = result.findings.filter((f) => f.sheet === '收入决算表' && f.cell?.endsWith('9') && f.severity === 'error');
  expect(onHidden.length).toBeGreaterThan(0);
  for (const f of onHidden) expect(f).toMatchObject({ hiddenRow: true, message: expect.stringMatching(/（该行为隐藏行）$/) });
  const own = gongkaiRun(context).findings.filter((f) => onHidden.some((h) => h.cell === f.cell && h.rule === f.rule));
  expect(own.length).toBe(onHidden.length);
  for (const f of own) expect([f.hiddenRow, /隐藏行/.test(f.message)]).toEqual([undefined, false]);
});
