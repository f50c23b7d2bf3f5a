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
    // The engine carries the fix as a value; the pane never reads one back from the proposal's text.
    edits: [{ sheet: a, cell: 'C4', current: '1.00', proposed: '2.00', value: 2, rule: 'G-TEST' }],
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

test('一键审核 reads, checks, highlights and lists findings worst first with counts and a next step on each', async () => {
  const { doc } = setup();
  const original = dump(doc);
  fireEvent.click(screen.getByRole('button', { name: '一键审核' }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/审核完成/));
  expect(screen.getByTestId('count-error').textContent).toBe('错误 1');
  expect(screen.getByTestId('count-info').textContent).toBe('说明 1');
  // 识别的表 is one line that opens to the table
  expect(screen.queryByRole('table', { name: '识别的表' })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: /识别 1 张表，未识别 1 张/ }));
  expect(screen.getByRole('table', { name: '识别的表' }).textContent).toContain('收入决算表');
  expect(screen.getByRole('list', { name: '未识别的工作表' }).textContent).toContain('空白工作表');
  expect(screen.getByRole('region', { name: /建议/ }).textContent).toContain('S-ADV-1');
  expect(screen.getByRole('region', { name: /说明（/ }).textContent).toContain('R-UNIT');
  expect(doc.sheets[0].get('A4')?.fill?.color).toBe(HIGHLIGHT_COLOR.error);
  // worst first: 错误, 尾数误差, 提示, 建议, 说明; every item names its sheet
  const items = screen.getAllByTestId('finding');
  expect(items.map((x) => x.getAttribute('data-severity'))).toEqual(['error', 'rounding', 'warning', 'warning', 'info']);
  items.forEach((x) => expect(x.textContent).toMatch(new RegExp(`(${doc.sheets[0].name}|${doc.sheets[1].name})!`)));
  expect(items[0].textContent).toMatch(/填报 1.00，应为 2.00，差额 -1.00/);
  // a reading note shows no 应为 and no 应用
  expect(items[4].textContent).not.toMatch(/应为|应用/);
  // the 尾数误差 without a proposal says what to do
  expect(within(items[1]).getByTestId('advice').textContent).toMatch(/出错说明/);

  // filter: hide 尾数误差
  fireEvent.click(screen.getByRole('checkbox', { name: /尾数误差/ }));
  expect(screen.queryAllByTestId('finding').filter((x) => x.getAttribute('data-severity') === 'rounding')).toHaveLength(0);

  // click selects the cell
  fireEvent.click(screen.getByRole('button', { name: `选中 ${doc.sheets[1].name}!B9` }));
  await waitFor(() => expect(doc.selection).toEqual({ sheet: doc.sheets[1].name, address: 'B9' }));
  // 下一处 walks the findings from the worst
  fireEvent.click(screen.getByRole('button', { name: '下一处' }));
  await waitFor(() => expect(doc.selection).toEqual({ sheet: doc.sheets[0].name, address: 'C4' }));
  fireEvent.click(screen.getByRole('checkbox', { name: /尾数误差/ }));

  // 取消 in the overwrite dialog says so and writes nothing
  fireEvent.click(screen.getByRole('button', { name: /^应用 .*C4 = 2.00/ }));
  const cancelDialog = (await screen.findByText('覆盖已有内容？')).closest('[role="dialog"]') as HTMLElement;
  fireEvent.click(within(cancelDialog).getByRole('button', { name: '取消', hidden: true }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toBe('已取消，未写入任何单元格。'));
  expect(doc.sheets[0].get('C4')?.value).not.toBe(2);

  // 应用 a recomputed value: C4 holds a number, so the pane asks first
  fireEvent.click(screen.getByRole('button', { name: /^应用 .*C4 = 2.00/ }));
  const dialog = (await screen.findByText('覆盖已有内容？')).closest('[role="dialog"]') as HTMLElement;
  expect(dialog.textContent).toMatch(/C4.*1\.00.*→.*2\.00/);
  expect(screen.getByRole('status').textContent).toContain('正在写入重算值');
  // Under jsdom, Tabster sometimes leaves an open Fluent dialog aria-hidden on a loaded machine
  // (microsoft/fluentui#33897), so this looks the button up inside the dialog. The playground test
  // presses 覆盖 by its accessible role in Chromium.
  fireEvent.click(within(dialog).getByRole('button', { name: '覆盖', hidden: true }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/已写入 1 个重算值。重新审核/));
  expect(doc.sheets[0].get('C4')?.value).toBe(2);

  // 已说明: the explanation is kept in the workbook, survives a re-check and reaches the report's 出错说明
  fireEvent.click(screen.getByRole('button', { name: `已说明 ${doc.sheets[0].name}!D7` }));
  fireEvent.change(screen.getByLabelText(`${doc.sheets[0].name}!D7 的出错说明`), { target: { value: '四舍五入所致' } });
  fireEvent.click(screen.getByRole('button', { name: '保存说明' }));
  await waitFor(() => expect(screen.getByTestId('count-explained').textContent).toBe('已说明 1'));
  fireEvent.click(screen.getByRole('button', { name: '一键审核' }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/审核完成/));
  expect(screen.getByTestId('count-rounding').textContent).toBe('尾数误差 0');
  expect(within(screen.getByRole('region', { name: /^已说明/ })).getByTestId('explanation').textContent).toContain('四舍五入所致');

  // 导出审核报告
  fireEvent.click(screen.getByRole('button', { name: '导出审核报告' }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/已插入“审核结果”/));
  const report = doc.sheets.find((s) => s.name === '审核结果')!;
  expect(report.get('J1')?.value).toBe('建议');
  expect(report.get('K1')?.value).toBe('出错说明');
  expect(report.get('C3')?.value).toBe('D7');
  expect(report.get('K3')?.value).toBe('四舍五入所致');

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

test('清除标记 with a journal not written on this PC lists every change and offers 只清除填色和批注', async () => {
  const { doc } = setup();
  const [a, b] = doc.sheets.map((s) => s.name);
  const fill = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
  const now = { fill, formula: 100.25, numFmt: 'General', note: null };
  doc.sheets[0].ensure('B3').fill = { color: '#FFC7CE', pattern: 'Solid' };
  doc.settings.set(
    'juesuan.journal',
    JSON.stringify({
      version: 1,
      entries: [
        { sheet: a, address: 'B3', before: { ...now, formula: '=HYPERLINK("http://example.invalid","x")' }, after: { ...now, fill: { color: '#FFC7CE', pattern: 'Solid' } } },
      ],
      sheets: [{ name: b, fingerprint: 'not-this-sheet' }],
    }),
  );
  const original = dump(doc);
  fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
  const dialog = (await screen.findByText('标记记录不是本机写入的')).closest('[role="dialog"]') as HTMLElement;
  const list = within(dialog).getByTestId('foreign-changes').textContent!;
  expect(list).toContain(`${a}!B3 内容：100.25 → =HYPERLINK("http://example.invalid","x")`);
  expect(list).toContain(`${a}!B3 填色：#FFC7CE → 无填色`);
  fireEvent.click(within(dialog).getByRole('button', { name: '只清除填色和批注', hidden: true }));
  await waitFor(() => expect(screen.getByTestId('notice').textContent).toMatch(/已清除 1 个单元格的填色和批注/));
  expect(doc.sheets[0].get('B3')?.value).toBe(100.25);
  expect(doc.sheets[0].get('B3')?.formula).toBeUndefined();
  expect(doc.sheets[0].get('B3')?.fill).toBeUndefined();
  expect(doc.sheets.map((s) => s.name)).toEqual([a, b]);
  expect(dump(doc)[`${a}!B3`]).toEqual({ ...original[`${a}!B3`], fill: fill });
});
