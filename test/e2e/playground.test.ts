/**
 * End to end in Chromium: the built pane served from 127.0.0.1, Office.onReady → host null → playground with the
 * in-memory host. Every request that would leave the origin is blocked and must not happen.
 */
import { ChildProcess } from 'child_process';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { checkWorkbook } from '../../src/core/engine';
import { readXlsx } from '../../src/host/xlsx-read';
import { blockOffOrigin, haveChromium, launch, startServer } from './browser';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist/addin');
const artifacts = path.join(root, 'test-artifacts');
const SAMPLE = 'changji-2020-selfeval.xlsx';
const maybe = haveChromium ? describe : describe.skip;

jest.setTimeout(300_000);

/** Builds the add-in when the build is missing or older than the sources. */
function ensureBuild(): void {
  // test/build-addin.js (jest globalSetup) builds it once before the workers start.
  if (!existsSync(path.join(dist, 'taskpane.html'))) throw new Error('dist/addin 缺失：请运行 npm test（其 globalSetup 会构建）或 npm run build');
}

maybe('browser playground (npm start)', () => {
  let server: ChildProcess;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const leftOrigin: string[] = [];

  beforeAll(async () => {
    ensureBuild();
    // The same server `npm start` runs, on a free port; it prints the URL.
    ({ server, origin } = await startServer());
    context = await launch({ acceptDownloads: true });
    await blockOffOrigin(context, origin, leftOrigin);
    page = await context.newPage();
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    server?.kill();
  });

  test('check a bundled sample, highlight, select, apply, restore, download', async () => {
    const wb = await readXlsx(new Uint8Array(readFileSync(path.join(root, 'samples', SAMPLE))), SAMPLE);
    const expected = checkWorkbook(wb);
    const count = (s: string) => expected.findings.filter((f) => f.severity === s).length;

    await page.goto(`${origin}/taskpane.html`);
    await page.getByLabel('选择样例工作簿').selectOption(SAMPLE);
    await page.getByTestId('grid').waitFor();
    await page.getByRole('button', { name: '一键审核' }).click();
    await page.getByTestId('notice').filter({ hasText: '审核完成' }).waitFor();
    expect(await page.getByTestId('count-error').innerText()).toBe(`错误 ${count('error')}`);
    expect(await page.getByTestId('count-rounding').innerText()).toBe(`尾数误差 ${count('rounding')}`);
    expect(await page.getByTestId('count-warning').innerText()).toBe(`提示 ${count('warning')}`);
    expect(await page.getByTestId('count-info').innerText()).toBe(`说明 ${count('info')}`);

    // click a marked finding: its sheet opens, its cell is selected and its row is filled
    const marked = expected.findings.find((f) => f.severity !== 'info' && f.cell)!;
    await page.getByRole('button', { name: `选中 ${marked.sheet}!${marked.cell}` }).first().click();
    const cell = page.locator(`td[data-address="${marked.cell}"]`);
    await expect(cell.getAttribute('data-selected')).resolves.toBe('true');
    expect(await cell.getAttribute('data-fill')).toMatch(/^#(FFC7CE|FFEB9C|DDEBF7)$/);
    await page.screenshot({ path: path.join(artifacts, 'playground.png'), fullPage: false });

    // apply one recomputed value (asks first when the cell is not empty)
    const edit = expected.edits[0];
    if (edit) {
      await page.getByRole('button', { name: `应用 ${edit.sheet}!${edit.cell} = ${edit.proposed}` }).first().click();
      const overwrite = page.getByRole('button', { name: '覆盖' });
      const done = page.getByTestId('notice').filter({ hasText: '已写入' });
      await Promise.race([overwrite.waitFor(), done.waitFor()]);
      if (await overwrite.isVisible()) await overwrite.click();
      await done.waitFor();
      await page.getByRole('tab', { name: edit.sheet }).click();
      const applied = await page.locator(`td[data-address="${edit.cell}"]`).innerText();
      expect(Number(applied)).toBeCloseTo(Number(edit.value), 6);
    }

    // download the annotated workbook
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载标注工作簿' }).click()]);
    expect(download.suggestedFilename()).toBe('changji-2020-selfeval-标注.xlsx');

    // 清除标记: every fill gone, applied value back
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByTestId('notice').filter({ hasText: '已恢复' }).waitFor();
    for (const name of wb.sheets.map((s) => s.name)) {
      await page.getByRole('tab', { name }).click();
      expect(await page.locator('td[data-fill]').count()).toBe(0);
    }
    if (edit) {
      await page.getByRole('tab', { name: edit.sheet }).click();
      expect(await page.locator(`td[data-address="${edit.cell}"]`).innerText()).not.toBe(edit.proposed);
    }
  });

  test('a 绩效自评表 template inserted from the 模板库 is recognised on the next 一键审核, and 清除标记 removes it', async () => {
    await page.getByRole('tab', { name: '模板库', exact: true }).click();
    const row = page.locator('div').filter({ has: page.getByText('部门（单位）整体绩效自评表', { exact: true }) }).last();
    await row.getByRole('button', { name: '插入' }).click();
    await page.getByText('已插入：部门整体绩效自评表').waitFor();
    await page.getByRole('tab', { name: '部门整体绩效自评表', exact: true }).waitFor();
    await page.getByRole('tab', { name: '审核', exact: true }).click();
    await page.getByRole('button', { name: '一键审核' }).click();
    await page.getByTestId('notice').filter({ hasText: '审核完成' }).waitFor();
    await page.getByRole('button', { name: /^识别 \d+ 张表/ }).click();
    const summary = await page.getByRole('table', { name: '识别的表' }).innerText();
    expect(summary).toContain('部门整体绩效自评表');
    expect(summary).toContain('部门（单位）整体绩效自评表');
    // The draft tab drafts from the check's recognitions: the check ran in a worker, these are made on the page.
    await page.getByRole('tab', { name: '情况说明草稿', exact: true }).click();
    await page.getByRole('button', { name: '插入新工作表' }).waitFor();
    await page.getByRole('tab', { name: '审核', exact: true }).click();
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByTestId('notice').filter({ hasText: '已恢复' }).waitFor();
    expect(await page.getByRole('tab', { name: '部门整体绩效自评表', exact: true }).count()).toBe(0);
  });

  test('a 20 000-row workbook: progress while it is read, only the rows in view are drawn, scrolling draws the rest', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大表');
    const ROWS = 20_000;
    for (let i = 1; i <= ROWS; i++) ws.addRow([`项目${i}`, i, i * 2]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByLabel('打开工作簿文件').setInputFiles({ name: '大表.xlsx', mimeType: 'application/octet-stream', buffer });
    // The reader runs in a worker and says where it is while the page stays live.
    await expect(page.getByTestId('reading').innerText()).resolves.toMatch(/正在(检查|解析|整理|载入)/);
    await page.getByTestId('reading').waitFor({ state: 'detached', timeout: 120_000 });
    await page.getByRole('table', { name: '工作表 大表' }).waitFor();
    const drawn = await page.locator('td[data-address]').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(1000 * 3); // a window of rows, not 20 000 × 3 cells
    expect(await page.locator(`td[data-address="A${ROWS}"]`).count()).toBe(0);
    await page.getByRole('table', { name: '工作表 大表' }).evaluate((t) => (t.parentElement!.scrollTop = t.parentElement!.scrollHeight));
    await expect(page.locator(`td[data-address="A${ROWS}"]`).innerText()).resolves.toBe(`项目${ROWS}`);
    expect(await page.locator('td[data-address="A1"]').count()).toBe(0);
  });

  test('a broken file gives a Chinese error, and no request left the origin', async () => {
    await page.getByLabel('打开工作簿文件').setInputFiles({ name: '坏文件.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是一个工作簿') });
    const alert = page.getByRole('alert').filter({ hasText: '无法打开' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/坏文件\.xlsx：.*(无法读取|损坏)/);
    // The page's strict policy, plus the one the playground adds at run time against office.js's telemetry frame.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBeGreaterThanOrEqual(1);
    expect(leftOrigin).toEqual([]);
  });
});
