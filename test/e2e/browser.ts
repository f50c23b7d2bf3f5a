/** Launches Debian's Chromium for the browser tests: headless, offline-minded flags, a fresh profile. */
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
