/**
 * 指定表类型 is stored in the workbook with the journal: it survives marking, applying, 清除标记 and a reopen (a new
 * host on the same document), and every later check uses it.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/core/engine';
import { JOURNAL_KEY } from '../../src/host/journal';
import { MemoryHost, memoryDocument } from '../../src/host/memory-host';
import { readXlsx } from '../../src/host/xlsx-read';

test('a choice is stored with the journal, outlives marks and 清除标记, and is used by the next check', async () => {
  const file = path.resolve(__dirname, '../../samples/jiaozuo-2021-gongkai.xlsx');
  const wb = await readXlsx(new Uint8Array(readFileSync(file)), 'jiaozuo-2021-gongkai.xlsx');
  const host = new MemoryHost(memoryDocument(wb));
  const sheet = wb.sheets[1].name;
  await host.setTemplateChoice(sheet, 'expenditure');
  // Stored in the workbook's settings with the journal (signed there, so read back through a host).
  expect(host.doc.settings.get(JOURNAL_KEY)).toContain('expenditure');

  const grid = await host.readWorkbook();
  const result = checkWorkbook(grid, { templates: host.templateChoices() });
  expect(result.sheets[1]).toMatchObject({ template: 'expenditure' });
  expect(result.sheets[1].evidence?.[0]).toBe('表类型由用户指定');
  await host.applyHighlights(result.findings);
  await host.clearMarks();

  const reopened = new MemoryHost(host.doc);
  await reopened.readWorkbook();
  expect(reopened.templateChoices()).toEqual(new Map([[sheet, 'expenditure']]));
  await reopened.setTemplateChoice(sheet, null);
  expect(reopened.templateChoices().size).toBe(0);
  expect(checkWorkbook(await reopened.readWorkbook(), { templates: reopened.templateChoices() }).sheets[1].template).toBe('income');
});
