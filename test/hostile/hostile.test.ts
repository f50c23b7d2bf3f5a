/**
 * The hostile-file corpus (issue 20): bombs of every kind, lost cached results, shared formulas, pipes, device
 * links, write failures and unreadable folders — by injected errors, never by permissions (root ignores them) or
 * mounts. Each case asserts the Chinese line, the exit status and errorKind, that the pre-scan stopped at its limit
 * (the bytes it inflated, not a time), and that no existing file changed. Times and memory are the bench's.
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import fs from 'fs';
import path from 'path';
import { Worker } from 'worker_threads';
import { runCli, writeCleanAndBroken } from '../cli/run-cli';
import { checkFilesInPool } from '../../src/cli/pool';
import { checkWorkbook } from '../../src/core/engine';
import { READING_LIMITS, scanPackage } from '../../src/host/package-scan';
import { WorkbookReadError } from '../../src/host/read-error';
import { readXlsx } from '../../src/host/xlsx-read';
import { WorkbookPatch } from '../../src/host/xlsx-patch';
import { setNumber, shanxiWorkbook } from '../gongkai/shanxi-builder';
import { fixturePath, gridToXlsx, tempDir } from '../helpers';
import { BOMBS, part, SHEET_HEAD, SHEET_TAIL, workbookParts, zipOf } from './package';

const run = runCli;

let dir: string;
let clean: string;
let broken: string;
beforeAll(async () => {
  dir = tempDir();
  ({ clean, broken } = await writeCleanAndBroken(dir));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

function scanError(bytes: Uint8Array, name: string): WorkbookReadError {
  try {
    scanPackage(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    return e as WorkbookReadError;
  }
  throw new Error(`${name} passed the pre-scan`);
}

const files = (folder: string) => fs.readdirSync(folder).sort();

describe.each(BOMBS.map((b) => [b.name, b] as const))('bomb %s', (_name, bomb) => {
  test(bomb.what, async () => {
    const bytes = bomb.bytes();
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const file = path.join(dir, bomb.name);
    fs.writeFileSync(file, bytes);
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(bomb.message);
    expect(lines[0]).not.toMatch(/内部错误|恶意|攻击/);
    // The counter: the scan stopped at its limit, having inflated a small part of what the package holds.
    const e = scanError(new Uint8Array(bytes), bomb.name);
    expect(e.kind).toBe(bomb.name === '大小不符.xlsx' ? 'unreadable' : 'refused');
    expect(e.scannedBytes).toBeLessThanOrEqual(bomb.maxScanned);
  });
});

test('the writers refuse a bomb in a part the check never uses, before loading it, and write nothing', async () => {
  const bomb = BOMBS.find((b) => b.name === '绘图元素过多.xlsx')!;
  const file = path.join(dir, 'writer-' + bomb.name);
  fs.writeFileSync(file, bomb.bytes());
  const out = path.join(dir, 'writer-out');
  fs.mkdirSync(out);
  const fix = await run(['fix', file, '-o', path.join(out, 'a.xlsx')]);
  expect(fix.code).toBe(2);
  expect(fix.err).toMatch(bomb.message);
  const draft = await run(['draft', file, '--out', path.join(out, 'b.xlsx')]);
  expect(draft.code).toBe(2);
  expect(files(out)).toEqual([]);
});

describe('cached results are read as stored', () => {
  test('0, FALSE and "" saved by formulas are values, not "never calculated"', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('表');
    ws.getCell('A1').value = { formula: 'SUM(E9:E10)', result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = { formula: '1>2', result: false } as ExcelJS.CellFormulaValue;
    ws.getCell('A3').value = { formula: 'IF(1,"","x")', result: '' } as ExcelJS.CellFormulaValue;
    ws.getCell('A4').value = { formula: 'SUM(E9:E10)' } as ExcelJS.CellFormulaValue;
    const grid = await readXlsx(new Uint8Array(await book.xlsx.writeBuffer()), '缓存值.xlsx');
    const cells = grid.sheets[0].cells;
    expect(cells[0][0]).toMatchObject({ value: 0, formula: 'SUM(E9:E10)' });
    expect(cells[1][0]).toMatchObject({ value: false, formula: '1>2' });
    expect(cells[2][0]).toMatchObject({ value: '', formula: 'IF(1,"","x")' });
    for (const c of [cells[0][0], cells[1][0], cells[2][0]]) expect(c!.formulaWithoutValue).toBeUndefined();
    expect(cells[3][0]).toMatchObject({ formulaWithoutValue: true });
  });

  test('an error through a formula whose saved result is 0 is reported as with a plain 0', async () => {
    const plain = shanxiWorkbook('s24');
    setNumber(plain, '公开05表', 'C12', 0);
    const viaFormula = shanxiWorkbook('s24');
    setNumber(viaFormula, '公开05表', 'C12', 0);
    const sheet = viaFormula.sheets.find((s) => s.name === '公开05表')!;
    sheet.cells[11][2] = { value: 0, formula: 'C13+C14-C13-C14', numFmt: '0.00' };
    const errors = async (wb: typeof plain) =>
      checkWorkbook(await readXlsx(await gridToXlsx(wb), 'x.xlsx')).findings.filter((f) => f.severity === 'error').map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
    const expected = await errors(plain);
    expect(expected).toContain('公开05表!C12 G-INTRA-09');
    expect(await errors(viaFormula)).toEqual(expected);
  });
});

describe('shared formulas', () => {
  async function sharedBook(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('表');
    for (let c = 3; c <= 8; c++) ws.getCell(7, c).value = c;
    ws.getCell('D8').value = { formula: 'C7*2', shareType: 'shared', ref: 'D8:H8', result: 6 } as unknown as ExcelJS.CellFormulaValue;
    for (let c = 5; c <= 8; c++) ws.getCell(8, c).value = { sharedFormula: 'D8', result: (c - 1) * 2 } as unknown as ExcelJS.CellSharedFormulaValue;
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  test('each cell of a formula filled right gets its own formula, not the master\'s address', async () => {
    const bytes = await sharedBook();
    const xml = await (await import('jszip')).default.loadAsync(bytes).then((z) => z.file('xl/worksheets/sheet1.xml')!.async('string'));
    expect(xml).toMatch(/t="shared"/); // the fixture really holds a shared formula
    const cells = (await readXlsx(bytes, '共享公式.xlsx')).sheets[0].cells;
    expect(cells[7].slice(3, 8).map((c) => c?.formula)).toEqual(['C7*2', 'D7*2', 'E7*2', 'F7*2', 'G7*2']);
    expect(cells[7][7]).toMatchObject({ value: 14 });
  });

  test('a patched copy keeps shared formulas; editing the master gives every other cell its own formula', async () => {
    const patch = new WorkbookPatch(await sharedBook(), '共享公式.xlsx');
    patch.setValue('表', 'D8', 99);
    const copy = patch.toBytes();
    const xml = await (await import('jszip')).default.loadAsync(copy).then((z) => z.file('xl/worksheets/sheet1.xml')!.async('string'));
    expect(xml).not.toMatch(/t="shared"/);
    expect(xml).toMatch(/<c r="D8"[^>]*><v>99<\/v><\/c>/);
    const cells = (await readXlsx(copy, '共享公式-改.xlsx')).sheets[0].cells;
    expect(cells[7].slice(3, 8).map((c) => c?.formula)).toEqual(['', 'D7*2', 'E7*2', 'F7*2', 'G7*2'].map((f) => f || undefined));
    expect(cells[7][3]).toMatchObject({ value: 99 });
    // An edit elsewhere leaves the shared formula as it was.
    const other = new WorkbookPatch(await sharedBook(), '共享公式.xlsx');
    other.setValue('表', 'C7', 5);
    const kept = await (await import('jszip')).default.loadAsync(other.toBytes()).then((z) => z.file('xl/worksheets/sheet1.xml')!.async('string'));
    expect(kept.match(/t="shared"/g)!.length).toBe(5);
  });

  test('replacing a formula by a value drops the calculation chain (Excel would offer to repair the copy), nothing else', async () => {
    const sheet = `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v>2</v></c></row>${SHEET_TAIL}`;
    const rels = [
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>',
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>',
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
    ];
    const styles = part('xl/styles.xml', '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>');
    const bytes = new Uint8Array(zipOf(workbookParts([['表', sheet]], [styles, part('xl/calcChain.xml', '<calcChain><c r="B1" i="1"/></calcChain>')], rels)));
    const names = async (b: Uint8Array) => Object.keys((await (await import('jszip')).default.loadAsync(b)).files);
    const keep = new WorkbookPatch(bytes, 'x.xlsx');
    keep.setValue('表', 'A1', 3);
    expect(await names(keep.toBytes())).toContain('xl/calcChain.xml');
    const drop = new WorkbookPatch(bytes, 'x.xlsx');
    drop.setValue('表', 'B1', 3);
    const out = drop.toBytes();
    expect(await names(out)).not.toContain('xl/calcChain.xml');
    const z = await (await import('jszip')).default.loadAsync(out);
    expect(await z.file('xl/_rels/workbook.xml.rels')!.async('string')).not.toMatch(/calcChain/);
    expect((await readXlsx(out, 'x.xlsx')).sheets[0].cells[0][1]).toMatchObject({ value: 3 });
  });

  test('a clone without a master keeps its saved value, never "[object Object]"', async () => {
    const sheet = `${SHEET_HEAD}<row r="2"><c r="B2"><f t="shared" si="5"/><v>3</v></c><c r="C2" t="inlineStr"><is><t>合计</t></is></c></row>${SHEET_TAIL}`;
    const grid = await readXlsx(new Uint8Array(zipOf(workbookParts([['表', sheet]]))), '坏共享公式.xlsx');
    expect(grid.sheets[0].cells[1][1]).toMatchObject({ value: 3 });
    expect(JSON.stringify(grid)).not.toContain('[object Object]');
  });

  test('fix edits the master of a shared formula and a clone; every other clone keeps its own formula', async () => {
    const name = 'changji-2020-selfeval.xlsx';
    const edits = checkWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(fixturePath(name))), name)).edits;
    expect(edits.length).toBeGreaterThan(0);
    const target = edits[0];
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(fixturePath(name)) as unknown as ArrayBuffer);
    const ws = book.getWorksheet(target.sheet)!;
    const master = ws.getCell(target.cell);
    const col = Number(master.col);
    const row = Number(master.row);
    // A formula "filled right" from the edited cell over three helper columns past the table's end.
    const far = ws.columnCount + 2;
    for (let i = 0; i < 4; i++) ws.getCell(row, far + i).value = 1;
    const masterValue = master.value;
    master.value = { formula: `${ws.getCell(row, far).address}*0+${typeof masterValue === 'number' ? masterValue : 0}`, shareType: 'shared', ref: `${master.address}:${master.address}`, result: masterValue } as unknown as ExcelJS.CellFormulaValue;
    const helperMaster = ws.getCell(row + 200, far);
    helperMaster.value = { formula: `${ws.getCell(row, far).address}*3`, shareType: 'shared', ref: `${helperMaster.address}:${ws.getCell(row + 200, far + 3).address}`, result: 3 } as unknown as ExcelJS.CellFormulaValue;
    for (let i = 1; i < 4; i++) ws.getCell(row + 200, far + i).value = { sharedFormula: helperMaster.address, result: 3 } as unknown as ExcelJS.CellSharedFormulaValue;
    const input = path.join(dir, '共享公式-自评.xlsx');
    fs.writeFileSync(input, Buffer.from(await book.xlsx.writeBuffer()));
    void col;
    const output = path.join(dir, '共享公式-更正.xlsx');
    const r = await run(['fix', input, '-o', output]);
    expect(r.err).not.toMatch(/内部错误|Shared Formula|replace/);
    expect([0, 1]).toContain(r.code);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(fs.readFileSync(output) as unknown as ArrayBuffer);
    const cws = copy.getWorksheet(target.sheet)!;
    expect(cws.getCell(target.cell).value).toBe(target.value);
    const letters = (i: number) => ws.getCell(row, far + i).address.replace(/\d+$/, '');
    for (let i = 1; i < 4; i++) expect(cws.getCell(row + 200, far + i).formula).toBe(`${letters(i)}${row}*3`);
    expect(fs.readFileSync(output, 'latin1')).not.toMatch(/<f\/>|<f><\/f>/);
  });
});

describe('sheets that cannot be read make the file unreadable, never dropped', () => {
  const good = `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row>${SHEET_TAIL}`;
  const rel = (i: number, target: string, extra = '') => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${target}"${extra}/>`;
  test.each([
    ['缺少工作表.xlsx', [rel(1, 'worksheets/sheet1.xml'), rel(2, 'worksheets/sheet9.xml')], /工作表“第二张”无法读取（压缩包中缺少它的内容 xl\/worksheets\/sheet9\.xml）/],
    ['外部工作表.xlsx', [rel(1, 'worksheets/sheet1.xml'), rel(2, '../../../etc/passwd')], /工作表“第二张”无法读取（它指向文件之外的“\.\.\/\.\.\/\.\.\/etc\/passwd”）/],
    ['外部链接工作表.xlsx', [rel(1, 'worksheets/sheet1.xml'), rel(2, 'https://example.com/a.xml', ' TargetMode="External"')], /工作表“第二张”无法读取（它指向文件之外/],
  ])('%s', async (name, rels, message) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, zipOf(workbookParts([['第一张', good], ['第二张', good]], [], rels)));
    const r = await run(['check', file, '--format', 'json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json.errorKind).toBe('unreadable');
    expect(json.error).toMatch(message);
  });
});

describe('zip directories that lie', () => {
  const sheet = `${SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row>${SHEET_TAIL}`;
  test('a part listed twice is unreadable (which of the two would a reader take?)', () => {
    const parts = workbookParts([['表', sheet]]);
    const e = scanError(new Uint8Array(zipOf([...parts, parts[parts.length - 1]])), '重复部件.xlsx');
    expect(e.kind).toBe('unreadable');
    expect(e.message).toMatch(/部件“xl\/worksheets\/sheet1\.xml”重复出现/);
  });
  test('an entry flagged as encrypted is refused with the password remedy', () => {
    const bytes = zipOf(workbookParts([['表', sheet]]));
    const directory = bytes.readUInt32LE(bytes.length - 6);
    bytes.writeUInt16LE(bytes.readUInt16LE(directory + 8) | 1, directory + 8);
    expect(scanError(new Uint8Array(bytes), '加密条目.xlsx').message).toMatch(/设置了打开密码.*取消密码/);
  });
  test('a directory past the end of the file is unreadable', () => {
    const bytes = zipOf(workbookParts([['表', sheet]]));
    bytes.writeUInt32LE(bytes.length + 100, bytes.length - 6);
    expect(scanError(new Uint8Array(bytes), '目录越界.xlsx').message).toMatch(/压缩包目录超出文件末尾/);
  });
});

describe('--timeout', () => {
  test('must be a positive number of seconds', async () => {
    const r = await run(['check', clean, '--timeout', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--timeout 应为正数（秒）/);
  });
  test('a single file with --timeout is checked in a worker, with the same result', async () => {
    const inThread = JSON.parse((await run(['check', broken, '--format', 'json'])).out);
    const r = await run(['check', broken, '--format', 'json', '--timeout', '300']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual(inThread);
  });
});

describe('pipes, devices and folders', () => {
  test('a named pipe called *.xlsx and a link to /dev/zero are refused by type, never opened for reading', async () => {
    const folder = path.join(dir, '特殊文件');
    fs.mkdirSync(folder);
    execFileSync('mkfifo', [path.join(folder, '管道.xlsx')]);
    fs.symlinkSync('/dev/zero', path.join(folder, '设备.xlsx'));
    fs.copyFileSync(clean, path.join(folder, '正常.xlsx'));
    const r = await run(['check', folder, '--format', 'json']);
    const arr = JSON.parse(r.out);
    const byName = Object.fromEntries(arr.map((o: any) => [path.basename(o.file), o]));
    expect(byName['管道.xlsx']).toMatchObject({ errorKind: 'refused', error: expect.stringMatching(/命名管道，不是普通文件，未打开/) });
    expect(byName['设备.xlsx']).toMatchObject({ errorKind: 'refused', error: expect.stringMatching(/设备，不是普通文件，未打开/) });
    expect(byName['正常.xlsx'].findings).toBeDefined();
    expect(r.code).toBe(2);
    // Named directly, too.
    const direct = await run(['check', path.join(folder, '管道.xlsx')]);
    expect(direct.code).toBe(2);
    expect(direct.err).toMatch(/命名管道/);
  });

  test('a folder with a bomb, a pipe, an unreadable subfolder, an .xls and good files: every good file reported, each bad one with its kind, exit 2', async () => {
    const folder = path.join(dir, '财政局');
    fs.mkdirSync(path.join(folder, '教育局'), { recursive: true });
    fs.mkdirSync(path.join(folder, '锁住的'));
    fs.copyFileSync(clean, path.join(folder, '部门决算.xlsx'));
    fs.copyFileSync(broken, path.join(folder, '教育局', '部门决算.xlsx'));
    fs.writeFileSync(path.join(folder, '炸弹.xlsx'), BOMBS[0].bytes());
    execFileSync('mkfifo', [path.join(folder, '管道.xlsx')]);
    fs.writeFileSync(path.join(folder, '旧表.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    fs.writeFileSync(path.join(folder, '截断.xlsx'), fs.readFileSync(clean).subarray(0, 2000));
    fs.writeFileSync(path.join(folder, '空.xlsx'), '');
    const locked = path.join(folder, '锁住的');
    const readdir = fs.readdirSync;
    jest.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) => {
      if (path.resolve(String(p)) === path.resolve(locked)) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return (readdir as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
    }) as typeof fs.readdirSync);
    const annotated = path.join(dir, '标注');
    fs.mkdirSync(annotated);
    const r = await run(['check', folder, '--format', 'json', '--annotate', annotated]);
    expect(r.code).toBe(2);
    const arr = JSON.parse(r.out) as any[];
    const kinds = Object.fromEntries(arr.map((o) => [path.relative(folder, o.file), o.errorKind ?? 'checked']));
    expect(kinds).toEqual({
      '部门决算.xlsx': 'checked',
      '教育局/部门决算.xlsx': 'checked',
      '炸弹.xlsx': 'refused',
      '管道.xlsx': 'refused',
      '旧表.xls': 'not-xlsx',
      '截断.xlsx': 'unreadable',
      '空.xlsx': 'unreadable',
      '锁住的': 'unreadable',
    });
    // Two 部门决算.xlsx stay apart: the folder as given joined with the path inside it.
    expect(arr.map((o) => o.file)).toContain(path.join(folder, '教育局', '部门决算.xlsx'));
    expect(arr.find((o) => o.file.endsWith('旧表.xls')).error).toMatch(/另存为 \.xlsx/);
    for (const o of arr.filter((x) => x.error)) expect(o.error.split('\n')).toHaveLength(1);
    // Progress per file and a total by kind on stderr; stdout stayed one JSON value.
    expect(r.err).toMatch(/\[8\/8\]/);
    expect(r.err).toMatch(/共 8 个文件：已审核 2 个（其中有错误的 1 个）/);
    expect(r.err).toMatch(/拒绝读取 2 个/);
    // One annotated copy per readable input, numbered when two share a name.
    expect(files(annotated).filter((f) => f.endsWith('.xlsx'))).toEqual(['部门决算-标注.xlsx', '部门决算-标注2.xlsx']);
  });

  test('a missing named input is an error object, and the others are still checked', async () => {
    const missing = path.join(dir, '不存在.xlsx');
    const r = await run(['check', clean, missing, '--format', 'json']);
    const arr = JSON.parse(r.out);
    expect(arr[1]).toMatchObject({ file: missing, errorKind: 'missing' });
    expect(arr[0].findings).toBeDefined();
    expect(r.code).toBe(2);
  });
});

describe('the worker pool', () => {
  /** A stand-in worker: hangs on "hang", dies on "crash", answers at once otherwise. */
  const fakeWorker = () =>
    new Worker(
      `const { parentPort } = require('worker_threads');
       parentPort.on('message', ({ file }) => {
         if (file.includes('hang')) for (;;) {}
         if (file.includes('crash')) throw new Error('boom');
         parentPort.postMessage({ file, result: { file, sheets: [], findings: [], edits: [] } });
       });
       parentPort.postMessage('ready');`,
      { eval: true },
    );

  test('a worker that hangs or crashes is replaced, its file gets its one-line error and the run goes on', async () => {
    const names = ['a', 'hang-1', 'b', 'crash-1', 'c', 'hang-2', 'd'];
    let spawned = 0;
    const outcomes = await checkFilesInPool(names, { size: 2, timeoutMs: 1000, spawn: () => (spawned++, fakeWorker()) });
    expect(outcomes.map((o) => o?.errorKind ?? 'ok')).toEqual(['ok', 'timeout', 'ok', 'unreadable', 'ok', 'timeout', 'ok']);
    expect(outcomes[1]!.error).toMatch(/hang-1：审核超过 1 秒仍未完成，已停止；可用 --timeout/);
    expect(outcomes[3]!.error).toMatch(/crash-1：读取时出错，未审核（boom）/);
    // Each hang and crash ended its worker; a new one took the files left.
    expect(spawned).toBeGreaterThanOrEqual(4);
  });
});

describe('outputs: checked before any work, written atomically, never replacing a file unasked', () => {
  let out: string;
  let existing: string;
  const before = Buffer.from('一个无关的工作簿');
  beforeEach(() => {
    out = fs.mkdtempSync(path.join(dir, 'out-'));
    existing = path.join(out, '已有.xlsx');
    fs.writeFileSync(existing, before);
  });
  const unchanged = () => expect(fs.readFileSync(existing).equals(before)).toBe(true);
  const onlyExisting = () => expect(files(out)).toEqual(['已有.xlsx']);

  test.each([
    ['fix', () => ['fix', broken, '-o', existing]],
    ['check --annotate', () => ['check', broken, '--annotate', existing]],
    ['draft --out', () => ['draft', clean, '--out', existing]],
    ['template -o', () => ['template', 'gongkai', '-o', existing]],
  ])('%s refuses an existing file without --force, before any work', async (_name, args) => {
    const r = await run(args());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/已存在，未覆盖；请换一个文件名，或加 --force 覆盖/);
    expect(r.out).toBe('');
    unchanged();
    onlyExisting();
  });

  test.each([
    ['fix -o a folder', () => ['fix', broken, '-o', out], /是一个文件夹/],
    ['--annotate to a missing folder', () => ['check', broken, '--annotate', path.join(out, '没有', 'x.xlsx')], /输出文件夹“.*没有”不存在/],
    ['--annotate, several inputs, to a file', () => ['check', broken, clean, '--annotate', path.join(out, 'x.xlsx')], /--annotate 应给出一个已有的文件夹/],
  ])('%s fails before any work or report', async (_name, args, message) => {
    const r = await run(args());
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  test('a folder that cannot be written is refused before any work (injected EACCES)', async () => {
    const access = fs.accessSync;
    jest.spyOn(fs, 'accessSync').mockImplementation((p, mode) => {
      if (path.resolve(String(p)) === path.resolve(out)) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      return access(p, mode);
    });
    const r = await run(['draft', clean, '--out', path.join(out, '草稿.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/无法写入输出文件夹.*没有写入权限/);
    onlyExisting();
  });

  test('a full disk while writing (injected ENOSPC) leaves the existing file whole and no temp file, even with --force', async () => {
    jest.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    });
    const r = await run(['fix', broken, '-o', existing, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/磁盘空间不足，未能写出“.*已有\.xlsx”（已有文件未改动）/);
    unchanged();
    onlyExisting();
  });

  test('--force replaces the file in one rename; the temp name is one no folder run picks up', async () => {
    const renames: string[] = [];
    const rename = fs.renameSync;
    jest.spyOn(fs, 'renameSync').mockImplementation((a, b) => {
      renames.push(path.basename(String(a)));
      return rename(a, b);
    });
    const r = await run(['check', broken, '--annotate', existing, '--force']);
    expect(r.code).toBe(1);
    expect(renames).toHaveLength(1);
    expect(renames[0]).toMatch(/^\..*\.juesuan-tmp$/);
    expect(renames[0]).not.toMatch(/\.xlsx$|^~\$/);
    expect(fs.readFileSync(existing).subarray(0, 2).toString()).toBe('PK');
    onlyExisting();
  });

  test('fix on a workbook with no recognised table writes nothing and never says 无错误', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('备忘').getCell('A1').value = '会议纪要';
    const memo = path.join(out, '备忘.txt');
    fs.writeFileSync(memo, Buffer.from(await book.xlsx.writeBuffer()));
    const r = await run(['fix', memo, '-o', path.join(out, '更正.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.out + r.err).not.toMatch(/无错误/);
    expect(r.err).toMatch(/没有识别出任何/);
    expect(files(out)).toEqual(['备忘.txt', '已有.xlsx']);
  });
});

test('the README\'s limits table states every figure of READING_LIMITS', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('**读取上限**'), readme.indexOf('### ', readme.indexOf('**读取上限**')));
  const mb = (n: number) => `${n / 1048576} MB`;
  // As the table writes counts: 亿 and 万 for round figures, thousands separated otherwise.
  const count = (n: number) => (n % 1e8 === 0 ? `${n / 1e8} 亿` : n % 1e4 === 0 && n > 1e4 ? `${n / 1e4} 万` : n.toLocaleString('en-US'));
  const stated = Object.fromEntries(Object.entries(READING_LIMITS).map(([key, n]) => [key, /Bytes$/.test(key) ? mb(n) : count(n)]));
  for (const [key, text] of Object.entries(stated)) expect([key, table.includes(text)]).toEqual([key, true]);
});

test('notes on several sheets: each new drawing has its own block of shape ids, and every changed part is well formed', async () => {
  const name = 'jiaozuo-2021-gongkai.xlsx';
  const bytes = new Uint8Array(fs.readFileSync(fixturePath(name)));
  const result = checkWorkbook(await readXlsx(bytes, name));
  const { annotateWorkbook } = await import('../../src/host/xlsx-annotate');
  const { bytes: copy, lost } = await annotateWorkbook(bytes, result.findings, result.sheets);
  expect(lost).toEqual([]);
  const zip = await (await import('jszip')).default.loadAsync(copy);
  const vml = await Promise.all(Object.keys(zip.files).filter((n) => n.endsWith('.vml')).map((n) => zip.file(n)!.async('string')));
  expect(vml.length).toBeGreaterThan(1);
  const blocks = vml.map((v) => /data="(\d+)"/.exec(v)![1]);
  expect(new Set(blocks).size).toBe(blocks.length);
  const ids = vml.flatMap((v) => [...v.matchAll(/id="(_x0000_s\d+)"/g)].map((m) => m[1]));
  expect(new Set(ids).size).toBe(ids.length);
  const { SaxesParser } = await import('saxes');
  for (const n of Object.keys(zip.files).filter((x) => /\.(xml|rels|vml)$/.test(x))) {
    const text = await zip.file(n)!.async('string');
    expect([n, (() => { try { new SaxesParser().write(text).close(); return 'ok'; } catch (e) { return String(e); } })()]).toEqual([n, 'ok']);
  }
});

test('part() and zipOf() make a package the reader accepts (the generator itself is sound)', async () => {
  const sheet = `${SHEET_HEAD}<row r="1"><c r="A1"><v>5</v></c></row>${SHEET_TAIL}`;
  const grid = await readXlsx(new Uint8Array(zipOf(workbookParts([['表', sheet]], [part('docProps/app.xml', '<Properties/>')]))), 'ok.xlsx');
  expect(grid.sheets[0].cells[0][0]).toMatchObject({ value: 5 });
});
