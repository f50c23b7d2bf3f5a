/** `juesuan fix`: a corrected copy whose re-check has no error, the changed cells listed, the input untouched. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { checkWorkbook } from '../../src/core/engine';
import { readXlsx } from '../../src/host/xlsx-read';
import { fixturePath } from '../helpers';

async function runFix(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-fix-'));
  const input = path.join(dir, name);
  fs.copyFileSync(fixturePath(name), input);
  const before = fs.readFileSync(input);
  const output = path.join(dir, 'fixed.xlsx');
  let out = '';
  let err = '';
  const code = await main(['fix', input, '-o', output], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err, input, output, before };
}

describe.each(['changji-2020-selfeval.xlsx', 'jiaozuo-2021-dept-selfeval.xlsx'])('juesuan fix %s', (name) => {
  let run: Awaited<ReturnType<typeof runFix>>;
  beforeAll(async () => {
    run = await runFix(name);
  }, 30000);

  test('writes a copy and leaves the input bytes unchanged', () => {
    expect(run.code).toBe(0);
    expect(fs.existsSync(run.output)).toBe(true);
    expect(fs.readFileSync(run.input).equals(run.before)).toBe(true);
  });

  test('the copy re-checks with no error', async () => {
    const result = checkWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(run.output)), 'fixed.xlsx'));
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('every changed cell is listed on screen and in the list sheet, and marked with a note', async () => {
    const original = checkWorkbook(await readXlsx(new Uint8Array(run.before), name));
    expect(original.edits.length).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(run.output) as unknown as ArrayBuffer);
    const list = wb.getWorksheet('校验更正清单')!;
    expect(list).toBeDefined();
    expect(list.rowCount).toBe(original.edits.length + 1);
    for (const e of original.edits) {
      expect(run.out).toContain(e.cell);
      const cell = wb.getWorksheet(e.sheet)!.getCell(e.cell);
      expect(cell.value).toBe(e.value);
      expect(String(typeof cell.note === 'string' ? cell.note : JSON.stringify(cell.note))).toContain('已更正');
    }
  });
});

test('changji: the corrected 得分 and its 总分 move together, other cells keep their number formats', async () => {
  const run = await runFix('changji-2020-selfeval.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(run.output) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('宣传培训')!;
  expect(ws.getCell('H6').value).toBe(9.9);
  expect(ws.getCell('H31').value).toBe(97.3);
  // A cell sharing H31's style elsewhere keeps its own look (exceljs shares style objects).
  expect(JSON.stringify(ws.getCell('H27').fill ?? null)).not.toContain('FFC6EFCE');
  expect(JSON.stringify(ws.getCell('H31').fill)).toContain('FFC6EFCE');
}, 30000);

test('refuses to overwrite its input', async () => {
  let err = '';
  const code = await main(['fix', fixturePath('changji-2020-selfeval.xlsx'), '-o', fixturePath('changji-2020-selfeval.xlsx')], { out: () => {}, err: (t) => (err += t) });
  expect(code).toBe(2);
  expect(err).toContain('不能与输入文件相同');
});
