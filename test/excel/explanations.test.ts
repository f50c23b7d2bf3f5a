/** 已说明: explanations live in the workbook with the journal, survive a reopen and 清除标记, and reach 审核结果. */
import { checkWorkbook } from '../../src/core/engine';
import { findingKey } from '../../src/host/journal';
import { MemoryHost, memoryDocument } from '../../src/host/memory-host';
import { readXlsx } from '../../src/host/xlsx-read';
import { REPORT_HEADER } from '../../src/host/marks';
import { fixtureBytes } from '../helpers';

test('an explanation is stored in the document, read back after a reopen, kept by 清除标记, and written into 出错说明', async () => {
  const wb = await readXlsx(fixtureBytes('jiaozuo-2021-gongkai.xlsx'), 'jiaozuo-2021-gongkai.xlsx');
  const doc = memoryDocument(wb);
  const host = new MemoryHost(doc);
  const result = checkWorkbook(await host.readWorkbook());
  const rounding = result.findings.find((f) => f.severity === 'rounding' && f.proposalReason)!;
  await host.applyHighlights(result.findings, result.sheets);
  await host.setExplanation(findingKey(rounding), '  与公开03一致，系四舍五入  ');

  // the same document opened again: the explanation comes with the journal
  const reopened = new MemoryHost(doc);
  await reopened.readWorkbook();
  expect(reopened.explanations()).toEqual({ [findingKey(rounding)]: '与公开03一致，系四舍五入' });

  await reopened.clearMarks();
  await reopened.readWorkbook();
  expect(reopened.explanations()[findingKey(rounding)]).toBe('与公开03一致，系四舍五入');

  const name = await reopened.insertReportSheet(result);
  const sheet = doc.sheets.find((s) => s.grid.name === name)!.grid;
  const header = sheet.cells[0]!.map((c) => c?.value);
  expect(header).toEqual(REPORT_HEADER);
  const col = (h: string) => REPORT_HEADER.indexOf(h);
  const row = sheet.cells.find((r) => r?.[col('工作表')]?.value === rounding.sheet && r?.[col('单元格')]?.value === rounding.cell && r?.[col('规则')]?.value === rounding.rule)!;
  expect(row[col('出错说明')]?.value).toBe('与公开03一致，系四舍五入');
  expect(String(row[col('建议')]?.value)).toMatch(/出错说明可写/);
  // figures as the sheet shows them
  expect(String(row[col('填报数')]?.value)).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
  // other rows leave 出错说明 to the accountant
  expect(sheet.cells.filter((r) => r?.[col('出错说明')]?.value).length).toBe(2);

  // removing it
  await reopened.setExplanation(findingKey(rounding), null);
  expect(reopened.explanations()).toEqual({});
});
