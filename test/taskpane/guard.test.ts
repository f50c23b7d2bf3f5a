/** @jest-environment jsdom */
/** The ES5 guard that runs before the bundle: old webviews get a Chinese message naming what is needed. */
import { readFileSync } from 'fs';
import * as path from 'path';

const guard = readFileSync(path.resolve(__dirname, '../../src/taskpane/guard.js'), 'utf8');
const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko';

function runGuard(setup: () => void = () => undefined): string {
  document.body.innerHTML = '<div id="root">loading</div>';
  delete (window as { __JUESUAN_UNSUPPORTED__?: unknown }).__JUESUAN_UNSUPPORTED__;
  setup();
  new Function(guard)();
  return document.getElementById('root')!.textContent ?? '';
}

afterEach(() => jest.restoreAllMocks());

test('an IE11 (Trident) user agent gets the message naming Excel 2021, Microsoft 365 and Excel on the web', () => {
  const text = runGuard(() => jest.spyOn(window.navigator, 'userAgent', 'get').mockReturnValue(IE11));
  expect(text).toMatch(/无法在此版本的 Office 中运行/);
  expect(text).toMatch(/Excel 2021/);
  expect(text).toMatch(/Microsoft 365/);
  expect(text).toMatch(/Excel 网页版/);
  expect((window as { __JUESUAN_UNSUPPORTED__?: string[] }).__JUESUAN_UNSUPPORTED__).toContain('Internet Explorer 内核');
});

test('a webview missing Promise gets the message too', () => {
  const saved = window.Promise;
  const text = runGuard(() => {
    (window as { Promise?: unknown }).Promise = undefined;
  });
  window.Promise = saved;
  expect(text).toMatch(/无法在此版本的 Office 中运行.*缺少：Promise/s);
});

test('a modern webview is left alone', () => {
  (window as { fetch?: unknown }).fetch = () => undefined; // jsdom has no fetch; a modern webview does
  expect(runGuard()).toBe('loading');
});

test('the guard is ES5: no arrow functions, let/const, classes or template literals', () => {
  const code = guard.replace(/\/\*[\s\S]*?\*\//g, '');
  expect(code).not.toMatch(/=>|\blet\b|\bconst\b|\bclass\b|`/);
});
