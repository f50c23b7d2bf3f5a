/**
 * jest globalSetup of the browser project: builds the add-in (dist/addin, dist/wps) once, before any worker starts,
 * when the build is missing or older than the sources. Two suites building it in parallel raced.
 */
const { execFileSync } = require('child_process');
const { existsSync, readdirSync, statSync, utimesSync } = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const page = path.join(root, 'dist/addin/taskpane.html');
const wpsPage = path.join(root, 'dist/wps/taskpane.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The browser project's globalSetup (jest.config.js): jest runs it only when a browser test is part of the run. */
module.exports = async () => {
  const sources = Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'webpack.config.js')).mtimeMs);
  const current = (p) => existsSync(p) && statSync(p).mtimeMs >= sources;
  if (current(page) && current(wpsPage)) return;
  process.stdout.write('\n构建加载项（dist/addin、dist/wps），供浏览器测试使用…\n');
  execFileSync(path.join(root, 'node_modules/.bin/webpack'), ['--mode', 'production'], { cwd: root, stdio: 'pipe' });
  // webpack leaves an unchanged output file untouched; mark the build as current so it is not redone next run.
  const now = new Date();
  utimesSync(page, now, now);
  utimesSync(wpsPage, now, now);
};
