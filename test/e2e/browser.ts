/** Launches Debian's Chromium for the browser tests: headless, offline-minded flags, a fresh profile. */
import { ChildProcess, spawn } from 'child_process';
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { chromium, BrowserContext, BrowserContextOptions } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Without Chromium a developer's run skips the browser suites; in CI (.ci/run installs Debian's chromium) a missing
 * browser must fail, never pass silently.
 */
export const haveChromium = existsSync(CHROMIUM) || !!process.env.CI;

export async function launch(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'juesuan-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...options,
  });
}

/** Starts the server `npm start` runs (scripts/serve.mjs) on a free port, over dist/addin or `dir`; resolves with it and its origin. */
export async function startServer(dir?: string): Promise<{ server: ChildProcess; origin: string }> {
  const root = path.join(__dirname, '..', '..');
  const env = { ...process.env, PORT: '0', ...(dir ? { SERVE_DIR: dir } : {}) };
  const server = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise<string>((ok, fail) => {
    let out = '';
    server.stdout!.on('data', (d) => {
      out += String(d);
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) ok(m[1]);
    });
    server.on('exit', (code) => fail(new Error(`serve.mjs exited ${code}`)));
  });
  return { server, origin };
}

/** Lets requests to the origin (and local blob:/data:) through, aborts and records every other one. */
export async function blockOffOrigin(context: BrowserContext, origin: string, offOrigin: string[]): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    offOrigin.push(url);
    return route.abort();
  });
}
