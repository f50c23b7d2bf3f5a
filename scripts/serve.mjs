// Serves the built add-in (dist/addin) on 127.0.0.1 for the browser playground: `npm start`.
// A few lines of node:http instead of webpack-dev-server; nothing here contacts another host.
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
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = resolve(fileURLToPath(new URL('../dist/addin', import.meta.url)));
  const port = Number(process.env.PORT ?? 3000);
  const server = await serve(dir, port);
  const { port: actual } = server.address();
  console.log(`决算校验助手 浏览器演示：http://127.0.0.1:${actual}/taskpane.html`);
  console.log('按 Ctrl+C 停止。');
}
