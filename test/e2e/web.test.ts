/**
 * The 网页版 from the deployed build (dist/addin/web.html on 127.0.0.1): it states that the workbook stays on the PC
 * and which browsers it needs, checks a sample opened from disk, answers a .et with the message to save as .xlsx,
 * and the message old Office shows names its address. No request may leave the origin.
 */
import { ChildProcess } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { checkWorkbook } from '../../src/core/engine';
import { readXlsx } from '../../src/host/xlsx-read';
import { blockOffOrigin, haveChromium, launch, startServer } from './browser';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist/addin');
const SAMPLE = 'jiaozuo-2021-dept-selfeval.xlsx';
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const maybe = haveChromium ? describe : describe.skip;

jest.setTimeout(300_000);

maybe('网页版 (dist/addin/web.html)', () => {
  let server: ChildProcess;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const leftOrigin: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(dist, 'web.html'))) throw new Error('dist/addin/web.html 缺失：请运行 npm test（其 globalSetup 会构建）或 npm run build');
    ({ server, origin } = await startServer());
    context = await launch();
    await blockOffOrigin(context, origin, leftOrigin);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    server?.kill();
  });

  test('says the workbook stays on the PC, names its browsers, and checks a workbook opened from disk', async () => {
    const bytes = readFileSync(path.join(root, 'samples', SAMPLE));
    const expected = checkWorkbook(await readXlsx(new Uint8Array(bytes), SAMPLE));
    await page.goto(`${origin}/web.html`);
    const notice = await page.getByTestId('web-notice').innerText();
    expect(notice).toMatch(/不会上传/);
    for (const b of ['Chrome', 'Edge', '360', '极速模式', '不支持 IE']) expect(notice).toContain(b);
    expect(await page.title()).toBe('决算校验助手 · 网页版');
    await page.getByLabel('打开工作簿文件').setInputFiles({ name: SAMPLE, mimeType: 'application/octet-stream', buffer: bytes });
    await page.getByTestId('grid').waitFor();
    await page.getByRole('button', { name: '一键审核' }).click();
    await page.getByTestId('notice').filter({ hasText: '审核完成' }).waitFor();
    const count = (s: string) => expected.findings.filter((f) => f.severity === s).length;
    expect(await page.getByTestId('count-error').innerText()).toBe(`错误 ${count('error')}`);
    expect(await page.getByTestId('count-warning').innerText()).toBe(`提示 ${count('warning')}`);
  });

  test('a WPS .et file gets the message to save it as .xlsx', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    await page.getByLabel('打开工作簿文件').setInputFiles({ name: '2021决算.et', mimeType: 'application/octet-stream', buffer: ole });
    const alert = page.getByRole('alert').filter({ hasText: '无法打开' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/2021决算\.et：WPS \.et 文件.*另存为 \.xlsx/);
    expect(leftOrigin).toEqual([]);
  });

  test('old Office (IE webview) is pointed to the 网页版 by its deployed address; IE on the 网页版 is told which browsers', async () => {
    const old = await launch({ userAgent: IE11 });
    try {
      const pane = await old.newPage();
      await pane.goto(`${origin}/taskpane.html`);
      const text = await pane.locator('#unsupported').innerText();
      expect(text).toMatch(/用 Chrome\/Edge 浏览器打开 https:\/\/localhost:3000\/web\.html，拖入工作簿即可审核并下载标注副本/);
      const web = await old.newPage();
      await web.goto(`${origin}/web.html`);
      expect(await web.locator('#unsupported').innerText()).toMatch(/Chrome[\s\S]*Edge[\s\S]*360 浏览器的“极速模式”/);
    } finally {
      await old.close();
    }
  });
});
