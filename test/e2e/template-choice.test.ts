/**
 * 指定表类型 in the pane, end to end in Chromium: a sheet nothing names is 未识别; the accountant sets its template
 * on the 识别的表 list, the workbook is checked again with it, and the choice is stored with the journal, so the
 * next 一键审核 — also after 清除标记 — still uses it.
 */
import { ChildProcess } from 'child_process';
import { existsSync } from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { withUnnamedThreePublic } from '../gongkai/retyped';
import { gridToXlsx } from '../helpers';
import { blockOffOrigin, haveChromium, launch, startServer } from './browser';

const root = path.resolve(__dirname, '../..');
const maybe = haveChromium ? describe : describe.skip;

jest.setTimeout(300_000);

/** The Shanxi 2024 workbook with its 三公 table re-typed: no title, its own word for 因公出国, sheet `Sheet3`. */
async function retypedWorkbook(): Promise<Buffer> {
  return Buffer.from(await gridToXlsx(withUnnamedThreePublic(false).wb));
}

maybe('指定表类型 in the playground', () => {
  let server: ChildProcess;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const leftOrigin: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist/addin/taskpane.html'))) throw new Error('dist/addin 缺失：请运行 npm test（其 globalSetup 会构建）或 npm run build');
    ({ server, origin } = await startServer());
    context = await launch();
    await blockOffOrigin(context, origin, leftOrigin);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    server?.kill();
  });

  test('set on the 识别的表 list, stored, used on every later check', async () => {
    await page.goto(`${origin}/taskpane.html`);
    await page.getByLabel('打开工作簿文件').setInputFiles({ name: '重录.xlsx', mimeType: 'application/octet-stream', buffer: await retypedWorkbook() });
    await page.getByTestId('grid').waitFor();
    await page.getByRole('button', { name: '一键审核' }).click();
    await page.getByTestId('notice').filter({ hasText: '审核完成' }).waitFor();
    const unknown = page.getByRole('list', { name: '未识别的工作表' });
    expect(await unknown.innerText()).toContain('Sheet3');

    // Keyboard reachable: a native select, named after its sheet.
    const choice = page.getByLabel('指定“Sheet3”的表类型');
    await choice.focus();
    await choice.selectOption('three-public');
    const tables = page.getByRole('table', { name: '识别的表' });
    await tables.filter({ hasText: '表类型由用户指定' }).waitFor();
    expect(await tables.innerText()).toMatch(/Sheet3\s+“三公”经费支出决算表/);
    expect(await page.getByLabel('指定“Sheet3”的表类型').inputValue()).toBe('three-public');

    // Every later check uses it: a plain 一键审核, and one after 清除标记.
    await page.getByRole('button', { name: '一键审核' }).click();
    await page.getByTestId('notice').filter({ hasText: '审核完成' }).waitFor();
    expect(await tables.innerText()).toContain('表类型由用户指定');
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByTestId('notice').filter({ hasText: '已恢复' }).waitFor();
    await page.getByRole('button', { name: '一键审核' }).click();
    await page.getByTestId('notice').filter({ hasText: '审核完成' }).waitFor();
    expect(await tables.innerText()).toMatch(/Sheet3\s+“三公”经费支出决算表/);

    // Back to 自动识别: the sheet is 未识别 again.
    await page.getByLabel('指定“Sheet3”的表类型').selectOption('');
    await unknown.filter({ hasText: 'Sheet3' }).waitFor();
    expect(leftOrigin).toEqual([]);
  });
});
