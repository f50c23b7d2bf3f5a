/** The old-webview guard in a real browser: Chromium presenting IE11's user agent, or missing the features it checks. */
import { mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { haveChromium, launch } from './browser';

const root = path.resolve(__dirname, '../..');
const guard = readFileSync(path.join(root, 'src/taskpane/guard.js'), 'utf8');
const page = `<!doctype html><html><head><meta charset="utf-8"><script>${guard}</script></head><body><div id="root">正在加载</div></body></html>`;
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const maybe = haveChromium ? test : test.skip;

jest.setTimeout(60_000);

maybe('Chromium with an IE11 user agent shows the Chinese message', async () => {
  const context = await launch({ userAgent: IE11 });
  try {
    const p = await context.newPage();
    await p.setContent(page);
    const text = await p.locator('#unsupported').innerText();
    expect(text).toMatch(/Excel 2021/);
    expect(text).toMatch(/Microsoft 365/);
    expect(text).toMatch(/Excel 网页版/);
    mkdirSync(path.join(root, 'test-artifacts'), { recursive: true });
    await p.screenshot({ path: path.join(root, 'test-artifacts/guard-ie11.png') });
  } finally {
    await context.close();
  }
});

maybe('Chromium without Promise/Map shows the message; a normal Chromium does not', async () => {
  const context = await launch();
  try {
    const broken = await context.newPage();
    // An inline script before the guard takes Map away, as an old webview would lack it.
    await broken.setContent(page.replace('<script>', '<script>window.Map = undefined;</script><script>'));
    expect(await broken.locator('#unsupported').innerText()).toMatch(/缺少：Map\/Set/);
    const fine = await context.newPage();
    await fine.setContent(page);
    expect(await fine.locator('#root').innerText()).toBe('正在加载');
  } finally {
    await context.close();
  }
});
