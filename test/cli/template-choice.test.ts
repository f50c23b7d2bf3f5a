/** 指定表类型 on the command line: `juesuan check --template '工作表=模板编号'` (repeatable). */
import fs from 'fs';
import path from 'path';
import { runCli } from './run-cli';
import { WorkbookGrid } from '../../src/core/grid';
import { shanxiWorkbook } from '../gongkai/shanxi-builder';
import { gridToXlsx, tempDir } from '../helpers';

const run = runCli;

/** The 三公 table re-typed without its title and with its own words for the heads: nothing names it any more. */
function withUnnamedThreePublic(breakIt: boolean): { wb: WorkbookGrid; sheet: string } {
  const wb = shanxiWorkbook('s24');
  const s = wb.sheets.find((x) => x.cells.some((row) => row?.some((c) => typeof c?.value === 'string' && c.value.includes('三公'))))!;
  for (const row of s.cells) {
    for (let c = 0; c < (row?.length ?? 0); c++) {
      const v = row[c]?.value;
      if (typeof v !== 'string') continue;
      if (v.includes('三公')) row[c] = undefined;
      else if (v.includes('因公出国')) row[c] = { value: '出国费' };
    }
  }
  if (breakIt) {
    // 合计 (决算数, 栏7) no longer equals 栏8 + 栏9 + 栏12.
    const data = s.cells.findIndex((row) => row?.[11]?.value === 12) + 1;
    const col = 6;
    s.cells[data][col] = { value: Number(s.cells[data][col]?.value ?? 0) + 5, numFmt: '0.00' };
  }
  s.name = 'Sheet3';
  return { wb, sheet: s.name };
}

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
