/**
 * Runs the bad-input corpus (corpus.ts) through the CLI and through the pane's reading path. Refused files: one
 * Chinese line, exit 2, and the same sentence from the reader the pane uses (the playground shows it in an alert).
 * Checked files: exit 0/1 as the findings say, every message in Chinese, and the case's own assertions.
 */
import fs from 'fs';
import path from 'path';
import { main } from '../../src/cli/main';
import { checkWorkbook } from '../../src/core/engine';
import { readXlsx, WorkbookReadError } from '../../src/host/xlsx-read';
import { tempDir } from '../helpers';
import { CASES, JsonResult } from './corpus';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const CHINESE = /[\u4e00-\u9fff]/;
let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the corpus has at least 40 cases with distinct names', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
});

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  test(c.what, async () => {
    const file = path.join(dir, c.name);
    const bytes = await c.bytes();
    fs.writeFileSync(file, bytes);
    const text = await run(['check', file]);
    expect(text.err).not.toMatch(/内部错误|\bat \w+ \(|TypeError|RangeError/);
    if (c.expect.kind === 'refused') {
      expect(text.code).toBe(2);
      expect(text.out).toBe('');
      const lines = text.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(c.expect.message);
      expect(lines[0]).toContain(c.name);
      // The pane's path: the same sentence from the reader, or a result listing every sheet as unrecognised.
      let paneMessage: string;
      try {
        const wb = await readXlsx(bytes, c.name);
        const result = checkWorkbook(wb);
        expect(result.sheets.every((s) => !s.template && s.reason && CHINESE.test(s.reason))).toBe(true);
        paneMessage = result.sheets.map((s) => s.reason).join('；');
      } catch (e) {
        expect(e).toBeInstanceOf(WorkbookReadError);
        paneMessage = (e as Error).message;
        expect(lines[0]).toContain(paneMessage);
      }
      expect(paneMessage).toMatch(CHINESE);
    } else {
      const json = await run(['check', file, '--format', 'json']);
      expect(json.code).toBe(c.expect.exit);
      expect(text.code).toBe(c.expect.exit);
      const r = JSON.parse(json.out) as JsonResult;
      expect(r.error).toBeUndefined();
      for (const f of r.findings) expect(f.message).toMatch(CHINESE);
      expect(text.out).toMatch(CHINESE);
      c.expect.assert(r);
    }
  });
});
