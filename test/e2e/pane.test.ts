/**
 * The pane at the width Excel gives a docked task pane (350 px) in an 800 px high window, in Chromium on the built
 * playground: the first 错误 on the first screen, the sheet on every finding, a next step on every 尾数误差, the list
 * re-checked after 全部应用, 已说明 through a re-check into the export, and the draft form. Screenshots for the
 * README go to test-artifacts/ (and to docs/ with SCREENSHOTS=docs). The keyboard test presses Tab in Chromium: jsdom
 * has no tab order of its own, and Fluent's focus management needs a real browser to move focus.
 */
import { ChildProcess } from 'child_process';
import { existsSync, mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { checkWorkbook } from '../../src/core/engine';
import { readXlsx } from '../../src/host/xlsx-read';
import { blockOffOrigin, haveChromium, launch, startServer } from './browser';

const root = path.resolve(__dirname, '../..');
const artifacts = path.join(root, 'test-artifacts');
const SAMPLE = 'jiaozuo-2021-gongkai.xlsx';
const maybe = haveChromium ? describe : describe.skip;

jest.setTimeout(300_000);

function shotPath(name: string): string[] {
  return [path.join(artifacts, name), ...(process.env.SCREENSHOTS === 'docs' ? [path.join(root, 'docs', name)] : [])];
}

maybe('the pane at 350 px (Jiaozuo sample)', () => {
  let server: ChildProcess;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const leftOrigin: string[] = [];
  let sheetNames: string[] = [];

  const count = async (s: string) => Number((await page.getByTestId(`count-${s}`).innerText()).replace(/\D+/g, ''));
  const checked = async () => {
    await page.getByRole('button', { name: '一键审核' }).click();
    await page.getByTestId('notice').filter({ hasText: '审核完成' }).waitFor();
  };

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist/addin/taskpane.html'))) throw new Error('dist/addin 缺失：请运行 npm test（其 globalSetup 会构建）或 npm run build');
    ({ server, origin } = await startServer());
    context = await launch({ viewport: { width: 1000, height: 800 } });
    await blockOffOrigin(context, origin, leftOrigin);
    page = await context.newPage();
    mkdirSync(artifacts, { recursive: true });
    const wb = await readXlsx(new Uint8Array(readFileSync(path.join(root, 'samples', SAMPLE))), SAMPLE);
    sheetNames = checkWorkbook(wb).sheets.map((s) => s.name);
    await page.goto(`${origin}/taskpane.html`);
    await page.getByLabel('选择样例工作簿').selectOption(SAMPLE);
    await page.getByTestId('grid').waitFor();
  });

  afterAll(async () => {
    await context?.close();
    server?.kill();
  });

  test('after 一键审核 the first screen shows the counts and the first 错误; every finding names its sheet; every 尾数误差 has a next step', async () => {
    const pane = page.locator('aside');
    expect((await pane.boundingBox())!.width).toBe(350);
    await checked();
    const firstError = page.locator('[data-testid="finding"][data-severity="error"]').first();
    const box = (await firstError.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(await page.getByTestId('count-error').isVisible()).toBe(true);
    // 识别的表 is one line
    expect(await page.getByRole('button', { name: /识别 10 张表，未识别 0 张/ }).isVisible()).toBe(true);
    // the pane never scrolls sideways
    expect(await pane.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    for (const p of shotPath('pane-jiaozuo.png')) await pane.screenshot({ path: p });

    const items = page.locator('[data-testid="finding"]');
    const n = await items.count();
    expect(n).toBeGreaterThan(50);
    const texts = await items.allInnerTexts();
    for (const t of texts) expect(sheetNames.some((s) => t.includes(`${s}!`) || t.includes(`${s}（整表）`))).toBe(true);
    const rounding = page.locator('[data-testid="finding"][data-severity="rounding"]');
    const r = await rounding.count();
    for (let i = 0; i < r; i++) {
      const item = rounding.nth(i);
      const hasApply = (await item.getByRole('button', { name: /^应用 / }).count()) > 0;
      const hasAdvice = (await item.getByTestId('advice').count()) > 0;
      expect(hasApply || hasAdvice).toBe(true);
    }
    // 下一处 selects the first finding's cell
    await page.getByRole('button', { name: '下一处' }).click();
    const first = (await items.first().getByRole('button', { name: /^选中 / }).getAttribute('aria-label'))!.replace('选中 ', '');
    const [sheet, cell] = first.split('!');
    await expect(page.locator(`td[data-address="${cell}"]`).getAttribute('data-selected')).resolves.toBe('true');
    expect(await page.getByRole('tab', { name: sheet, exact: true }).getAttribute('aria-selected')).toBe('true');
  });

  test('已说明 survives a re-check and reaches the exported 审核结果', async () => {
    const target = page.locator('[data-testid="finding"][data-severity="rounding"]').first();
    const where = (await target.getByRole('button', { name: /^选中 / }).getAttribute('aria-label'))!.replace('选中 ', '');
    const before = await count('rounding');
    await target.getByRole('button', { name: /^已说明/ }).click();
    await page.getByLabel(`${where} 的出错说明`).fill('系四舍五入形成的尾数误差，与相关表一致');
    await page.getByRole('button', { name: '保存说明' }).click();
    await page.getByTestId('notice').filter({ hasText: `已记录 ${where} 的出错说明` }).waitFor();
    await checked();
    expect(await count('rounding')).toBe(before - 1);
    expect(await page.getByTestId('count-explained').innerText()).toBe('已说明 1');
    const explained = page.locator('[data-testid="finding"][data-explained="true"]');
    expect(await explained.innerText()).toContain('系四舍五入形成的尾数误差');
    await page.getByRole('button', { name: '导出审核报告' }).click();
    await page.getByTestId('notice').filter({ hasText: '已插入“审核结果”' }).waitFor();
    await page.getByRole('tab', { name: '审核结果', exact: true }).click();
    expect(await page.locator('td', { hasText: '系四舍五入形成的尾数误差，与相关表一致' }).count()).toBe(1);
  });

  test('全部应用 re-checks: the counts change without pressing 一键审核', async () => {
    const before = await count('rounding');
    await page.getByRole('button', { name: /全部应用（\d+ 处）/ }).click();
    const overwrite = page.getByRole('button', { name: '覆盖' });
    const done = page.getByTestId('notice').filter({ hasText: '已写入' });
    await Promise.race([overwrite.waitFor(), done.waitFor()]);
    if (await overwrite.isVisible()) await overwrite.click();
    await done.waitFor();
    expect(await page.getByTestId('notice').innerText()).toMatch(new RegExp(`重新审核：尾数误差 ${before} → \\d+`));
    expect(await count('rounding')).toBeLessThan(before);
  });

  test('the draft form takes 22000.00万元, keeps it editable, and Enter confirms', async () => {
    await page.getByRole('tab', { name: '情况说明草稿' }).click();
    // the notice of the 审核 tab is gone
    expect(await page.getByTestId('notice').count()).toBe(0);
    const field = page.getByLabel('上年收、支总计', { exact: true });
    await field.fill('22000.00万元');
    await field.press('Enter');
    const preview = page.getByLabel('草稿预览');
    await preview.filter({ hasText: '收、支总计各增加2354.74万元' }).waitFor();
    expect(await field.inputValue()).toBe('22000.00万元');
    await field.fill('220,000,000元');
    await field.press('Enter');
    await page.getByText('按万元换算为 22000.00万元').waitFor();
    expect(await field.inputValue()).toBe('220,000,000元');
    await page.getByLabel('收支总计增减的主要原因', { exact: true }).fill('业务量增加');
    await page.getByLabel('收支总计增减的主要原因', { exact: true }).press('Enter');
    await page.locator('section[aria-label="待填写"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    for (const p of shotPath('draft-form.png')) await page.locator('aside').screenshot({ path: p });
    await field.fill('20,000');
    await field.press('Enter');
    await preview.filter({ hasText: '收、支总计各增加4354.74万元' }).waitFor();
    expect(leftOrigin).toEqual([]);
  });

  test('the keyboard alone: Tab from the top of the pane reaches 一键审核 first, then every control of the 审核 screen', async () => {
    await page.getByRole('tab', { name: '审核', exact: true }).click();
    const pane = page.locator('aside');
    await pane.evaluate((el) => {
      el.tabIndex = -1;
      el.focus();
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('一键审核');
    const named = async () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? el.getAttribute('aria-label') || el.textContent || '' : '';
    });
    const reached = new Set<string>();
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      reached.add(await named());
    }
    const firstFinding = page.locator('[data-testid="finding"]').first();
    const expected = ['审核', '清除标记', '导出审核报告', '下一处', (await firstFinding.getByRole('button', { name: /^选中 / }).getAttribute('aria-label'))!, (await firstFinding.getByTestId('rule-link').getAttribute('aria-label'))!];
    expect(expected.filter((name) => ![...reached].some((r) => r === name || r.startsWith(name)))).toEqual([]);
  });

  test('审核规则: a finding’s rule opens the view on that rule; words search every rule, grouped 表内/表间/自评/说明/读取', async () => {
    const link = page.locator('[data-testid="finding"][data-severity="rounding"]').first().getByTestId('rule-link');
    const rule = (await link.innerText()).trim();
    await link.click();
    const view = page.getByTestId('rules-view');
    await view.waitFor();
    expect(await view.locator('[data-testid="rule"]').count()).toBe(1);
    expect(await view.locator(`[data-rule="${rule}"]`).innerText()).toMatch(/强制|提示/);
    const search = page.getByRole('searchbox', { name: /按编号或文字查找规则/ });
    expect(await search.inputValue()).toBe(rule);
    await search.fill('');
    const families = await view.locator('section[data-family]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(families).toEqual(['表内规则', '表间规则', '自评规则', '说明规则', '读取规则']);
    await search.fill('三公');
    await view.locator('[data-rule="G-INTRA-27"]').waitFor();
    expect(await view.locator('[data-rule="S-RATE-01"]').count()).toBe(0);
    await search.fill('等级');
    await view.locator('[data-rule="S-GRD-03"]').waitFor();
    expect(await view.locator('[data-rule="S-GRD-03"]').innerText()).toContain('曾用编号：S-GRD-01');
    // the pane never scrolls sideways
    expect(await page.locator('aside').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    for (const p of shotPath('rules-view.png')) await page.locator('aside').screenshot({ path: p });
  });
});
