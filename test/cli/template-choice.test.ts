/** 指定表类型 on the command line: `juesuan check --template '工作表=模板编号'` (repeatable). */
import fs from 'fs';
import path from 'path';
import { runCli } from './run-cli';
import { withUnnamedThreePublic } from '../gongkai/retyped';
import { gridToXlsx, tempDir } from '../helpers';

const run = runCli;

let dir: string;
let file: string;

beforeAll(async () => {
  dir = tempDir();
  file = path.join(dir, '重录.xlsx');
  fs.writeFileSync(file, await gridToXlsx(withUnnamedThreePublic(true).wb));
});

test('without a choice the sheet is 未识别, with its best candidate reported or no claim at all', async () => {
  const r = await run(['check', file, '--format', 'json']);
  const sheet = JSON.parse(r.out).sheets.find((s: any) => s.name === 'Sheet3');
  expect(sheet.template).toBeNull();
});

test('--template reads it as the chosen table, checks it, and the evidence says it was set by hand', async () => {
  const before = fs.readFileSync(file);
  const r = await run(['check', file, '--format', 'json', '--template', 'Sheet3=three-public']);
  const json = JSON.parse(r.out);
  const sheet = json.sheets.find((s: any) => s.name === 'Sheet3');
  expect(sheet).toMatchObject({ template: 'three-public' });
  expect(sheet.evidence[0]).toBe('表类型由用户指定');
  expect(json.findings.some((f: any) => f.sheet === 'Sheet3' && f.severity === 'error' && f.rule.startsWith('G-'))).toBe(true);
  expect(r.code).toBe(1);
  // The CLI never modifies its input.
  expect(fs.readFileSync(file).equals(before)).toBe(true);
});

test('the text report shows the choice as the evidence', async () => {
  const r = await run(['check', file, '--template=Sheet3=three-public']);
  expect(r.out).toMatch(/Sheet3：“三公”经费支出决算表.*\n\s+依据：表类型由用户指定/);
});

test('a wrong --template is a clear message and exit 2', async () => {
  const bad = await run(['check', file, '--template', 'Sheet3=三公表']);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('未知的模板编号“三公表”');
  const shape = await run(['check', file, '--template', 'three-public']);
  expect(shape.code).toBe(2);
  expect(shape.err).toContain('工作表=模板编号');
});
