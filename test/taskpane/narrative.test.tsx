/** @jest-environment jsdom */
/** The pane's 情况说明草稿 and 模板库 tabs insert through the host (journaled), never around it. */
import './pane-environment';
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/components/App';
import { TemplateGallery } from '../../src/taskpane/narrative/TemplateGallery';
import { MemoryHost, memoryDocument } from '../../src/host/memory-host';
import { readXlsx } from '../../src/host/xlsx-read';
import { checkWorkbook } from '../../src/core/engine';
import { fixtureBytes } from '../helpers';

// exceljs (used to read the fixture) pulls uuid's ESM browser build under jsdom; the reader never needs an id.
jest.mock('uuid', () => ({ v4: () => '00000000-0000-4000-8000-000000000000' }));

async function setup() {
  const wb = await readXlsx(fixtureBytes('jiaozuo-2021-gongkai.xlsx'), 'jiaozuo-2021-gongkai.xlsx');
  const host = new MemoryHost(memoryDocument(wb));
  const spy = jest.spyOn(host, 'insertSheet');
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: '一键审核' }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/审核完成/), { timeout: 20000 });
  return { host, spy };
}

test('inserting a draft calls host.insertSheet and the sheet appears; 清除标记 removes it', async () => {
  const { host, spy } = await setup();
  fireEvent.click(screen.getByRole('tab', { name: '情况说明草稿' }));
  expect(screen.getByLabelText('草稿预览').textContent).toContain('一、收入支出决算总体情况说明');
  fireEvent.click(screen.getByRole('button', { name: '插入新工作表' }));
  await waitFor(() => expect(screen.getByText(/已插入新工作表“情况说明（草稿）”/)).toBeTruthy());
  expect(spy).toHaveBeenCalledWith('情况说明（草稿）', expect.arrayContaining([['一、收入支出决算总体情况说明']]), expect.anything());
  const sheet = host.doc.sheets.find((s) => s.grid.name === '情况说明（草稿）')!;
  expect(sheet.grid.cells.map((r) => r?.[0]?.value)).toContain('一、收入支出决算总体情况说明');
  fireEvent.click(screen.getByRole('tab', { name: '审核' }));
  fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  await waitFor(() => expect(host.doc.sheets.some((s) => s.grid.name === '情况说明（草稿）')).toBe(false));
}, 30000);

test('inserting at the selection goes through host.insertAtSelection and is refused over content', async () => {
  const { host } = await setup();
  const spy = jest.spyOn(host, 'insertAtSelection');
  fireEvent.click(screen.getByRole('tab', { name: '情况说明草稿' }));
  host.selection = { sheet: host.doc.sheets[0].grid.name, address: 'A1' };
  fireEvent.click(screen.getByRole('button', { name: '插入到所选单元格' }));
  await waitFor(() => expect(screen.getByText(/插入失败：所选位置下方已有内容/)).toBeTruthy());
  expect(spy).toHaveBeenCalledTimes(1);
}, 30000);

test('the template gallery inserts a 绩效自评表 through the host and the next check recognises it', async () => {
  const { host } = await setup();
  fireEvent.click(screen.getByRole('tab', { name: '模板库' }));
  const row = screen.getByText(/部门（单位）整体绩效自评表/).parentElement!;
  fireEvent.click(row.querySelector('button')!);
  await waitFor(() => expect(screen.getByText(/已插入：部门整体绩效自评表/)).toBeTruthy());
  const result = checkWorkbook(await host.readWorkbook());
  expect(result.sheets.find((s) => s.name === '部门整体绩效自评表')).toEqual(expect.objectContaining({ template: 'department-selfeval', variant: 'henan-2021' }));
}, 30000);

test('TemplateGallery gives the template sheet to its insertTemplate prop', async () => {
  const insertTemplate = jest.fn(async (s: { name: string }) => s.name);
  render(
    <FluentProvider theme={webLightTheme}>
      <TemplateGallery insertTemplate={insertTemplate as never} year={2023} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getAllByRole('button', { name: '插入' })[0]);
  await waitFor(() => expect(insertTemplate).toHaveBeenCalledTimes(1));
  expect(insertTemplate.mock.calls[0][0]).toEqual(expect.objectContaining({ template: 'income-expenditure-summary', variant: 'henan-2021' }));
});
