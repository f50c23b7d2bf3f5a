/**
 * The CLI makes no network request: every way Node can open a connection (http, https, net, tls, dns, fetch) is
 * replaced by a recorder that refuses, then every command runs on real workbooks. Nothing may be recorded.
 * (The pane's side: test/e2e blocks and records every request leaving 127.0.0.1; csp.test.ts checks its CSP.)
 */
import dns from 'dns';
import fs from 'fs';
import http from 'http';
import https from 'https';
import net from 'net';
import path from 'path';
import tls from 'tls';
import { main } from '../../src/cli/main';
import { fixturePath, tempDir } from '../helpers';

const attempts: string[] = [];
const restore: (() => void)[] = [];

function trap<T extends object>(obj: T, key: keyof T & string, label: string): void {
  const original = obj[key];
  (obj as Record<string, unknown>)[key] = (...args: unknown[]) => {
    attempts.push(`${label} ${JSON.stringify(args[0] ?? null)?.slice(0, 80)}`);
    throw new Error(`network access blocked in test: ${label}`);
  };
  restore.push(() => ((obj as Record<string, unknown>)[key] = original));
}

beforeAll(() => {
  trap(http, 'request', 'http.request');
  trap(http, 'get', 'http.get');
  trap(https, 'request', 'https.request');
  trap(https, 'get', 'https.get');
  trap(net, 'connect', 'net.connect');
  trap(net, 'createConnection', 'net.createConnection');
  trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
  trap(tls, 'connect', 'tls.connect');
  trap(dns, 'lookup', 'dns.lookup');
  trap(dns, 'resolve', 'dns.resolve');
  trap(globalThis as unknown as Record<string, unknown>, 'fetch', 'fetch');
});
afterAll(() => restore.forEach((r) => r()));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

test('check, check --annotate, draft, template and fix open no connection', async () => {
  const dir = tempDir();
  const results = [
    await run(['check', fixturePath('jiaozuo-2021-gongkai.xlsx'), '--format', 'json']),
    await run(['check', path.dirname(fixturePath('x.xlsx'))]), // the folder the workbooks are kept in
    await run(['check', fixturePath('jiaozuo-2021-gongkai.xlsx'), '--annotate', path.join(dir, '标注.xlsx')]),
    await run(['draft', fixturePath('jiaozuo-2021-gongkai.xlsx'), '--out', path.join(dir, '草稿.xlsx')]),
    await run(['template', 'gongkai', '--variant', 'shanxi-2024', '-o', path.join(dir, '模板.xlsx')]),
    await run(['fix', fixturePath('changji-2020-selfeval.xlsx'), '-o', path.join(dir, '更正.xlsx')]),
  ];
  for (const r of results) {
    expect(r.err).not.toMatch(/network access blocked|内部错误/);
    expect([0, 1]).toContain(r.code);
  }
  expect(fs.existsSync(path.join(dir, '标注.xlsx'))).toBe(true);
  expect(attempts).toEqual([]);
});

test('the trap works (a request would be caught)', () => {
  expect(() => http.get('http://example.invalid/')).toThrow(/blocked/);
  attempts.length = 0;
});
