// Serves the built add-in (dist/addin) on 127.0.0.1 for the browser playground and the 网页版: `npm start`.
// SERVE_DIR serves another build folder (the browser tests serve dist/wps with it).
// A few lines of node:http instead of webpack-dev-server; nothing here contacts another host.
// With --build (what `npm start` passes) the port is taken first, so a busy port is said in one line before minutes
// of building, and the build reports its progress in Chinese while webpack runs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

export function serve(dir, port = 3000, host = '127.0.0.1') {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (path !== root && !path.startsWith(root + sep)) throw Object.assign(new Error('outside'), { status: 403 });
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'taskpane.html');
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch (e) {
      res.writeHead(e?.status ?? 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('未找到');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

/** Runs the production webpack build, saying every 15 s that it is still building. */
function build(root) {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  console.log('正在构建加载项（webpack，首次约需 2–3 分钟）…');
  const webpack = join(root, 'node_modules', 'webpack', 'bin', 'webpack.js');
  const child = spawn(process.execPath, [webpack, '--mode', 'production'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setInterval(() => console.log(`仍在构建…（已用 ${seconds()} 秒）`), 15_000);
  return new Promise((ok) => {
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code === 0) console.log(`构建完成（用时 ${seconds()} 秒）。`);
      else console.error(`构建失败（退出码 ${code}）：\n${output}`);
      ok(code === 0);
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = resolve(process.env.SERVE_DIR ?? fileURLToPath(new URL('../dist/addin', import.meta.url)));
  const port = Number(process.env.PORT ?? 3000);
  let server;
  try {
    server = await serve(dir, port);
  } catch (e) {
    const why = e?.code === 'EADDRINUSE' ? `端口 ${port} 已被占用（也许演示已在运行：http://127.0.0.1:${port}/taskpane.html），可用 PORT=${port + 1} npm start 换一个端口` : `无法在端口 ${port} 上启动演示（${e?.code ?? e?.message ?? e}）`;
    console.error(`决算校验助手：${why}`);
    process.exit(1);
  }
  if (process.argv.includes('--build') && !(await build(resolve(fileURLToPath(new URL('..', import.meta.url)))))) {
    server.close();
    process.exit(1);
  }
  const { port: actual } = server.address();
  console.log(`决算校验助手 浏览器演示：http://127.0.0.1:${actual}/taskpane.html`);
  console.log(`决算校验助手 网页版：http://127.0.0.1:${actual}/web.html`);
  console.log('按 Ctrl+C 停止。');
}
