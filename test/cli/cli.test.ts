/** The `juesuan check` command: reports, the JSON contract, exit codes, bad input, --annotate. */
import crypto from 'crypto';
import ExcelJS from 'exceljs';
import fs from 'fs';
import path from 'path';
import { runCli, writeCleanAndBroken } from './run-cli';
import { readZipEntries } from '../../src/host/package-scan';
import { countParts } from '../../src/host/xlsx-parts';
import { fixturePath, tempDir } from '../helpers';
import { setNumber, shanxiWorkbook } from '../gongkai/shanxi-builder';
import { richWorkbook } from './make-rich';

const run = runCli;

let dir: string;
let clean: string;
let broken: string;

beforeAll(async () => {
  dir = tempDir();
  ({ clean, broken } = await writeCleanAndBroken(dir));
});

describe('juesuan check', () => {
  test('a consistent workbook: a Chinese report and exit 0', async () => {
    const r = await run(['check', clean]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/收入支出决算总表/);
    expect(r.out).toMatch(/错误 0 处/);
  });

  test('a workbook with an error: the row is reported (单元格, 规则, 填报数, 应为, 差额, 类型) and exit 1', async () => {
    const r = await run(['check', broken]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/单元格\s+规则\s+填报数\s+应为\s+差额\s+类型/);
    expect(r.out).toMatch(/C12\s+G-INTRA-09\s+510\.00\s+500\.00\s+\+10\.00\s+错误/);
  });

  test('the text report names the 舍位平衡 proposal of a rounding finding', async () => {
    const r = await run(['check', fixturePath('jiaozuo-2021-gongkai.xlsx')]);
    expect(r.out).toMatch(/C6\s+G-INTRA-23.*建议：舍位平衡：将 C9 改为 4,477\.88/);
  });

  test('--format json follows the findings contract', async () => {
    const r = await run(['check', fixturePath('jiaozuo-2021-gongkai.xlsx'), '--format', 'json']);
    const json = JSON.parse(r.out);
    // `file` is the path as given (the contract), so two 部门决算.xlsx of two folders stay apart.
    expect(json.file).toBe(fixturePath('jiaozuo-2021-gongkai.xlsx'));
    expect(json.sheets).toHaveLength(10);
    for (const s of json.sheets) expect(Object.keys(s)).toEqual(expect.arrayContaining(['name', 'template', 'unit']));
    for (const f of json.findings) {
      expect(['error', 'rounding', 'warning', 'info']).toContain(f.severity);
      for (const k of ['sheet', 'cell', 'rule', 'severity', 'stated', 'expected', 'message']) expect(f).toHaveProperty(k);
      if (f.stated !== null) expect(typeof f.stated).toBe('string');
    }
    expect(r.code).toBe(json.findings.some((f: any) => f.severity === 'error') ? 1 : 0);
  });

  test('several files give a JSON array in order; a folder expands to its .xlsx files', async () => {
    const r = await run(['check', clean, broken, '--format', 'json']);
    const arr = JSON.parse(r.out);
    expect(arr.map((o: any) => o.file)).toEqual([clean, broken]);
    const folder = await run(['check', dir, '--format', 'json']);
    expect(JSON.parse(folder.out).length).toBeGreaterThanOrEqual(2);
  });

  test('an unreadable file in a batch is an object with a Chinese error and its kind; the others are checked; exit 2', async () => {
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, '项目,金额\n合计,1\n');
    const r = await run(['check', clean, bad, '--format', 'json']);
    const arr = JSON.parse(r.out);
    expect(arr[0].findings).toBeDefined();
    expect(arr[1].file).toBe(bad);
    expect(arr[1].error).toMatch(/另存为 \.xlsx/);
    expect(arr[1].errorKind).toBe('not-xlsx');
    // The contract: 2 when any input could not be read, so a script gating on it never passes an unread file.
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/共 2 个文件：已审核 1 个.*不是 \.xlsx 1 个/);
    expect((await run(['check', bad])).code).toBe(2);
  });
});

describe('bad input: one Chinese line and exit 2, never a stack trace', () => {
  const cases: [string, Buffer | string, RegExp][] = [
    ['旧版.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /旧版 \.xls|密码/],
    ['加密.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /密码/],
    ['数据.csv', '项目,金额\n', /CSV/],
    ['表格.et', 'not a zip', /WPS/],
    ['空.xlsx', Buffer.alloc(0), /文件为空/],
    ['损坏.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]), /损坏/],
  ];
  test.each(cases)('%s', async (name, content, pattern) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(pattern);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat \w+ \(|Error:/);
  });

  test('a workbook with no recognisable table', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('备忘').getCell('A1').value = '会议纪要';
    const file = path.join(dir, '无表.xlsx');
    fs.writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有识别出任何/);
  });

  test('a missing file, an unknown option, no arguments', async () => {
    expect((await run(['check', path.join(dir, '不存在.xlsx')])).code).toBe(2);
    expect((await run(['check', clean, '--colour'])).err).toMatch(/未知参数/);
    expect((await run(['check'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});

describe('--annotate', () => {
  test('writes a copy with failing rows filled and notes, leaves the input untouched', async () => {
    const before = crypto.createHash('sha256').update(fs.readFileSync(broken)).digest('hex');
    const out = path.join(dir, '标注.xlsx');
    const r = await run(['check', broken, '--annotate', out]);
    expect(r.code).toBe(1);
    expect(crypto.createHash('sha256').update(fs.readFileSync(broken)).digest('hex')).toBe(before);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const ws = book.getWorksheet('公开05表')!;
    const fill = ws.getCell('A12').fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe('FFFFC7CE');
    expect(String(typeof ws.getCell('C12').note === 'string' ? ws.getCell('C12').note : JSON.stringify(ws.getCell('C12').note))).toMatch(/G-INTRA-09/);
    expect((ws.getCell('A13').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFFC7CE');
  });

  test('fills only the failing rows: cells sharing a style elsewhere keep their look', async () => {
    const out = path.join(dir, '标注-样式.xlsx');
    await run(['check', fixturePath('jiaozuo-2021-gongkai.xlsx'), '--annotate', out]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const filledRows = new Set<string>();
    book.eachSheet((ws) => ws.eachRow((row, r) => row.eachCell((c) => {
      if ((c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb?.startsWith('FFFF')) filledRows.add(`${ws.name}!${r}`);
    })));
    // 公开05 C10 (2010401) holds and shares its style with the failing rows: it must stay unfilled.
    expect((book.getWorksheet('公开05')!.getCell('C10').fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();
    expect(filledRows.has('公开05!7')).toBe(true);
    expect(filledRows.size).toBeLessThan(60);
  });

  test('keeps images, data validation, comments and the chart: every part it does not change is copied byte for byte', async () => {
    const rich = path.join(dir, '含图表.xlsx');
    const wb = shanxiWorkbook('s24');
    setNumber(wb, '公开01表', 'C35', 999);
    fs.writeFileSync(rich, await richWorkbook(wb));
    const original = await countParts(new Uint8Array(fs.readFileSync(rich)));
    expect(original['图表']).toBe(1);
    const out = path.join(dir, '含图表-标注.xlsx');
    const r = await run(['check', rich, '--annotate', out]);
    const copy = await countParts(new Uint8Array(fs.readFileSync(out)));
    expect(copy['图片']).toBe(original['图片']);
    expect(copy['数据验证']).toBe(original['数据验证']);
    expect(copy['批注']).toBeGreaterThanOrEqual(original['批注']);
    // The copy patches only the parts it changes (xlsx-patch.ts): the chart a full rewrite would drop is still there.
    expect(copy['图表']).toBe(1);
    expect(r.err).not.toMatch(/未能保留/);
    const before = new Map(readZipEntries(new Uint8Array(fs.readFileSync(rich)), 'a').map((e) => [e.name, e]));
    const after = readZipEntries(new Uint8Array(fs.readFileSync(out)), 'b');
    const raw = (bytes: Buffer, e: { dataOffset: number; compressedSize: number }) => bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const unchanged = after.filter((e) => before.has(e.name) && raw(fs.readFileSync(out), e).equals(raw(fs.readFileSync(rich), before.get(e.name)!)));
    expect(unchanged.map((e) => e.name)).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/media/image1.png']));
    // Only the marked sheet, styles, its comments and their drawing, and the package's lists changed.
    const changed = after.filter((e) => !unchanged.includes(e)).map((e) => e.name);
    expect(changed.every((n) => /^xl\/(worksheets\/sheet\d+\.xml|styles\.xml|comments\d*\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet\d+\.xml\.rels)$|^\[Content_Types\]\.xml$/.test(n))).toBe(true);
  });

  test('refuses to overwrite its input', async () => {
    const r = await run(['check', broken, '--annotate', broken]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不能与输入文件相同/);
  });

  test('refuses to overwrite its input through a link to it', async () => {
    const link = path.join(dir, '链接.xlsx');
    fs.symlinkSync(broken, link);
    const before = fs.readFileSync(broken);
    const r = await run(['check', broken, '--annotate', link]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不能与输入文件相同/);
    expect(fs.readFileSync(broken).equals(before)).toBe(true);
  });
});
