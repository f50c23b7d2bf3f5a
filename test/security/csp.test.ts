/**
 * The pane's page carries a strict Content-Security-Policy (own origin only, no eval, no inline script), and the
 * built pane runs under it: loading the playground and checking a sample raises no CSP violation and sends no
 * request outside its origin.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { blockOffOrigin, haveChromium, launch, startServer } from '../e2e/browser';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist/addin');
jest.setTimeout(300_000);

function policyOf(html: string): Map<string, string[]> {
  const m = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSP meta');
  return new Map(m[1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
}

// The Excel pane, the 网页版 and the WPS pane: the same policy on every page that runs the pane.
test.each(['src/taskpane/taskpane.html', 'src/playground/web.html', 'src/wps/taskpane.html'])('%s declares a strict CSP', (page) => {
  const p = policyOf(readFileSync(path.join(root, page), 'utf8'));
  expect(p.get('default-src')).toEqual(["'self'"]);
  expect(p.get('script-src')).toEqual(["'self'"]);
  // blob: and data: are local (a dropped file, the annotated download), never the network.
  expect(p.get('connect-src')).toEqual(["'self'", 'blob:', 'data:']);
  expect(p.get('object-src')).toEqual(["'none'"]);
  expect(p.get('base-uri')).toEqual(["'self'"]);
  for (const [k, v] of p) {
    expect({ k, v: v.filter((s) => s === "'unsafe-eval'" || s === '*' || /^https?:/.test(s)) }).toEqual({ k, v: [] });
  }
});

(haveChromium ? test : test.skip)('the built pane runs under its CSP: no violation, no request off its origin', async () => {
  const page = path.join(dist, 'taskpane.html');
  // test/build-addin.js (jest globalSetup) builds it once before the workers start.
  expect(existsSync(page)).toBe(true);
  expect(policyOf(readFileSync(page, 'utf8')).get('script-src')).toEqual(["'self'"]);
  const { server, origin } = await startServer();
  const context = await launch();
  try {
    const offOrigin: string[] = [];
    await blockOffOrigin(context, origin, offOrigin);
    await context.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const p = await context.newPage();
    const console: string[] = [];
    p.on('console', (m) => console.push(m.text()));
    await p.goto(`${origin}/taskpane.html`);
    await p.getByLabel('选择样例工作簿').selectOption('changji-2020-selfeval.xlsx', { timeout: 60_000 });
    await p.getByTestId('grid').waitFor();
    await p.getByRole('button', { name: '一键审核' }).click();
    await p.getByTestId('notice').filter({ hasText: '审核完成' }).waitFor();
    const violations = await p.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations).toEqual([]);
    expect(console.filter((c) => /Content Security Policy|Refused to/.test(c))).toEqual([]);
    expect(offOrigin).toEqual([]);
  } finally {
    await context.close();
    server.kill();
  }
});
