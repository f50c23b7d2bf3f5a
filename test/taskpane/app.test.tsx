/** @jest-environment jsdom */
import './pane-environment';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/components/App';
import { ExcelHost } from '../../src/excel/excel-host';
import { CheckedWorkbook } from '../../src/core/engine';
import { CheckResult } from '../../src/core/findings';
import { WorkbookGrid } from '../../src/core/grid';
import { HIGHLIGHT_COLOR } from '../../src/host/marks';
import { FakeExcel, supportsUpTo } from '../excel/fake-excel';
import { dump, finding, tenSheetDocument } from '../excel/helpers';

function fakeCheck(wb: WorkbookGrid): CheckedWorkbook {
  const a = wb.sheets[0].name;
  const b = wb.sheets[1].name;
  const result: CheckResult = {
    file: wb.fileName,
    sheets: [
      { name: a, template: 'income', unit: '万元' },
      { name: b, template: null, unit: null, reason: '未识别：空白工作表' },
    ],
    findings: [
      { ...finding(a, 'C4', 'error'), proposal: { sheet: a, cell: 'C4', value: '2.00' } },
      finding(a, 'D7', 'rounding'),
      finding(b, 'B9', 'warning'),
      { ...finding(a, 'E3', 'warning', 'S-ADV-1'), message: '建议补充说明' },
      { ...finding(a, 'E12', 'info', 'R-UNIT'), message: '按万元处理' },
    ],
    edits: [],
  };
  return { result, context: { workbook: wb, recognitions: [] } };
}

function setup(max = '1.18') {
  const doc = tenSheetDocument(2);
  const excel = new FakeExcel(doc);
  const host = new ExcelHost({ run: excel.run, isSetSupported: supportsUpTo(max) });
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} check={fakeCheck} />
    </FluentProvider>,
  );
  return { doc, excel, host };
}

test('一键审核 reads, checks, highlights and lists findings grouped by sheet with counts', async () => {
  const { doc } = setup();
  const original = dump(doc);
  fireEvent.click(screen.getByRole('button', { name: '一键审核' }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/审核完成/));
  expect(screen.getByTestId('count-error').textContent).toBe('错误 1');
  expect(screen.getByTestId('count-info').textContent).toBe('说明 1');
  expect(screen.getByRole('table', { name: '识别的表' }).textContent).toContain('收入决算表');
  expect(screen.getByRole('list', { name: '未识别的工作表' }).textContent).toContain('空白工作表');
  expect(screen.getByRole('region', { name: /建议/ }).textContent).toContain('S-ADV-1');
  expect(screen.getByRole('region', { name: /说明（/ }).textContent).toContain('R-UNIT');
  expect(doc.sheets[0].get('A4')?.fill?.color).toBe(HIGHLIGHT_COLOR.error);
  const first = screen.getByRole("region", { name: doc.sheets[0].name });
  expect(within(first).getAllByText(/填报数 1.00/)[0].textContent).toMatch(/应为 2.00.*差额 -1.00/);

  // filter: hide 尾数误差
  fireEvent.click(screen.getByRole('checkbox', { name: /尾数误差/ }));
  expect(screen.queryAllByTestId('finding').filter((x) => x.getAttribute('data-severity') === 'rounding')).toHaveLength(0);

  // click selects the cell
  fireEvent.click(screen.getByRole('button', { name: `选中 ${doc.sheets[1].name}!B9` }));
  await waitFor(() => expect(doc.selection).toEqual({ sheet: doc.sheets[1].name, address: 'B9' }));

  // 应用 a recomputed value: C4 holds a number, so the pane asks first
  fireEvent.click(screen.getByRole('button', { name: /^应用 .*C4 = 2.00/ }));
  const dialog = (await screen.findByText('覆盖已有内容？')).closest('[role="dialog"]') as HTMLElement;
  expect(dialog.textContent).toMatch(/C4.*1\.00.*→.*2\.00/);
  expect(screen.getByRole('status').textContent).toContain('正在写入重算值');
  // Under jsdom, Tabster sometimes leaves an open Fluent dialog aria-hidden on a loaded machine
  // (microsoft/fluentui#33897), so this looks the button up inside the dialog. The playground test
  // presses 覆盖 by its accessible role in Chromium.
  fireEvent.click(within(dialog).getByRole('button', { name: '覆盖', hidden: true }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/已写入 1 个重算值/));
  expect(doc.sheets[0].get('C4')?.value).toBe(2);

  // 导出审核报告
  fireEvent.click(screen.getByRole('button', { name: '导出审核报告' }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/已插入“审核结果”/));
  expect(doc.sheets.some((s) => s.name === '审核结果')).toBe(true);

  // 清除标记 restores everything
  fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/已恢复/));
  expect(dump(doc)).toEqual(original);
  expect(doc.sheets.some((s) => s.name === '审核结果')).toBe(false);
});

test('below ExcelApi 1.9 the pane says why it is read-only, checks, and writes nothing', async () => {
  const { doc } = setup('1.8');
  const original = dump(doc);
  expect(screen.getByTestId('readonly-notice').textContent).toMatch(/只读.*ExcelApi 1.9/);
  expect(screen.queryByRole('button', { name: '清除标记' })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: '一键审核' }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/只读模式/));
  expect(screen.getAllByTestId('finding').length).toBeGreaterThan(0);
  expect(screen.queryByRole('button', { name: /^应用/ })).toBeNull();
  expect(dump(doc)).toEqual(original);
  expect(doc.settings.size).toBe(0);
});

test('a failing host shows a visible error state', async () => {
  const host = new ExcelHost({
    run: async () => {
      throw new Error('无法连接到 Excel');
    },
    isSetSupported: supportsUpTo('1.18'),
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} check={fakeCheck} />
    </FluentProvider>,
  );
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '一键审核' }));
  });
  expect((await screen.findByRole('alert')).textContent).toMatch(/出错了.*无法连接到 Excel/);
});

test('every control is reachable with the keyboard (tab order reaches 一键审核 first)', () => {
  setup();
  const run = screen.getByRole('button', { name: '一键审核' });
  expect(run.tabIndex).toBe(0);
  run.focus();
  expect(document.activeElement).toBe(run);
});
