/** CLI edges of issue 18: help for every command, Chinese template names, 舍位平衡 from fix, draft slots, busy port. */
import { spawn } from 'child_process';
import fs from 'fs';
import net from 'net';
import path from 'path';
import { runCli } from './run-cli';
import { checkWorkbook } from '../../src/core/engine';
import { readXlsx } from '../../src/host/xlsx-read';
import { fixturePath, tempDir } from '../helpers';

const run = runCli;

const root = path.resolve(__dirname, '../..');

test.each(['check', 'draft', 'template', 'fix'])('juesuan %s --help prints its usage, not 未知参数', async (command) => {
  for (const flag of ['--help', '-h']) {
    const r = await run([command, flag]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^用法：juesuan ${command}`));
    expect(r.err).toBe('');
  }
});

describe('juesuan template by Chinese name', () => {
  const dir = tempDir();
  const sheetsOf = async (file: string) => (await readXlsx(new Uint8Array(fs.readFileSync(file)), path.basename(file))).sheets.map((s) => s.name);

  test.each([
    ['收入支出决算总表', [], 'income-expenditure-summary'],
    ['项目支出绩效自评表', [], 'project-selfeval'],
    ['部门整体绩效自评表', [], 'department-selfeval'],
    ['公开07', ['--variant', 'henan-2021'], 'three-public'],
    ['公开07', ['--variant', 'shanxi-2024'], 'gov-fund'],
    ['公开01', [], 'income-expenditure-summary'],
  ])('%s %s writes the %s template', async (name, extra, template) => {
    const out = path.join(dir, `${name}-${template}-${extra.join("")}.xlsx`);
    const r = await run(['template', name, ...extra, '-o', out]);
    expect(r.code).toBe(0);
    const result = checkWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(out)), 'x.xlsx'));
    expect(result.sheets.map((s) => s.template)).toContain(template);
    expect((await sheetsOf(out)).length).toBeGreaterThan(0);
  });

  test('a 公开表号 that means different tables in different variants is refused with the choices', async () => {
    const out = path.join(dir, 'refused.xlsx');
    const r = await run(['template', '公开07', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/公开07在不同版式中是不同的表，请用 --variant 指定/);
    expect(r.err).toMatch(/henan-2021.*“三公”经费支出决算表/);
    expect(r.err).toMatch(/shanxi-2024.*政府性基金预算财政拨款收入支出决算表/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test('an unknown name says how to find the names', async () => {
    const r = await run(['template', '不存在的表', '-o', path.join(dir, 'none.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/未知的模板“不存在的表”.*--list/);
  });
});

test('juesuan fix on 公开表 writes the 舍位平衡 edits the pane offers, and the copy has fewer 尾数误差', async () => {
  const dir = tempDir();
  const out = path.join(dir, '更正.xlsx');
  const input = fixturePath('jiaozuo-2021-gongkai.xlsx');
  const before = checkWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(input)), 'in.xlsx'));
  const r = await run(['fix', input, '-o', out]);
  expect(r.out).not.toMatch(/没有需要更正的数字/);
  expect(r.out).toMatch(/公开02\s+D21\s+119\.47\s+119\.48\s+G-INTRA-12/);
  expect(r.out).toMatch(/更正后复核：尾数误差 \d+ → \d+ 处/);
  const after = checkWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(out)), 'out.xlsx'));
  const rounding = (x: typeof before) => x.findings.filter((f) => f.severity === 'rounding').length;
  expect(rounding(after)).toBeLessThan(rounding(before));
  expect(after.findings.filter((f) => f.severity === 'error').length).toBe(before.findings.filter((f) => f.severity === 'error').length);
});

describe('juesuan draft slots', () => {
  const input = fixturePath('jiaozuo-2021-gongkai.xlsx');

  test('--list-slots prints every slot with its id and label', async () => {
    const r = await run(['draft', input, '--list-slots']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('编号\t类型\t名称');
    expect(lines).toContain('原因.NT-01\t文字\t收支总计增减的主要原因');
    expect(lines).toContain('年初.合计\t金额（万元）\t一般公共预算财政拨款支出年初预算');
    // the same count the draft leaves unfilled
    const plain = await run(['draft', input]);
    expect(plain.err).toMatch(new RegExp(`待填写 ${lines.length - 1} 项`));
  });

  test('--fill takes {slot id or label: value}, with or without a unit, converting 元 to the draft\'s 万元', async () => {
    const dir = tempDir();
    const values = path.join(dir, 'values.json');
    fs.writeFileSync(values, JSON.stringify({ '上年收、支总计': '22000.00万元', '年初.合计': '180,000,000元', '原因.NT-01': '业务量增加' }));
    const r = await run(['draft', input, '--fill', values]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/收、支总计各增加2354\.74万元，增长10\.70%。主要原因是业务量增加。/);
    expect(r.out).toMatch(/年初预算为18000\.00万元/);
    expect(r.err).toMatch(/“一般公共预算财政拨款支出年初预算”按万元换算为 18000\.00万元/);
  });

  test('--fill refuses a slot the draft does not have, and a value that is not an amount', async () => {
    const dir = tempDir();
    const values = path.join(dir, 'values.json');
    fs.writeFileSync(values, JSON.stringify({ '没有这一项': '1' }));
    expect((await run(['draft', input, '--fill', values])).err).toMatch(/没有待填写项“没有这一项”.*--list-slots/);
    fs.writeFileSync(values, JSON.stringify({ '年初.合计': '很多' }));
    const r = await run(['draft', input, '--fill', values]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/无法识别的金额“很多”/);
  });
});

test('npm start on a busy port says so in one Chinese line, without a stack trace', async () => {
  const blocker = net.createServer();
  await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const child = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), '--build'], { env: { ...process.env, PORT: String(port) } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((ok) => child.on('exit', ok));
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([`决算校验助手：端口 ${port} 已被占用（也许演示已在运行：http://127.0.0.1:${port}/taskpane.html），可用 PORT=${port + 1} npm start 换一个端口`]);
    // the port is checked before the build starts
    expect(out).not.toMatch(/正在构建/);
  } finally {
    blocker.close();
  }
});

test('report columns line up by display width: CJK two columns, combining marks none', () => {
  const { displayWidth, formatTable } = require('../../src/cli/report');
  expect(displayWidth('公开01')).toBe(6);
  expect(displayWidth('e\u0301')).toBe(1);
  const lines = formatTable(['表', '说明'], [['公开01', 'x'], ['e\u0301', 'y']]).split('\n');
  expect(lines.map((l: string) => displayWidth(l.slice(0, l.lastIndexOf(' ') + 1)))).toEqual([8, 8, 8, 8]);
});

describe('arguments (util.parseArgs, errors in Chinese)', () => {
  const input = fixturePath('changji-2020-selfeval.xlsx');

  test('-- ends the options: what follows is a file', async () => {
    const r = await run(['check', '--format', 'json', '--', input]);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).sheets.length).toBeGreaterThan(0);
  });

  test('fix --out works like draft --out and fix -o', async () => {
    const dir = tempDir();
    const out = path.join(dir, '更正.xlsx');
    const r = await run(['fix', input, '--out', out]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(fs.existsSync(out)).toBe(true);
  });

  test.each([
    [['check', input, '--colour'], /^juesuan check：未知参数“--colour”/],
    [['check', input, '--format'], /^juesuan check：参数 --format 需要一个值/],
    [['check', input, '--info=yes'], /^juesuan check：参数 --info 不带值/],
    [['check', input, '--annotate', '-x.xlsx'], /^juesuan check：参数 --annotate 的值以 - 开头；如确是该值，请写成 --annotate=值/],
    [['rules', '--format=yaml'], /^juesuan rules：--format 只能是 text、json 或 markdown/],
  ])('%j says what is wrong in Chinese', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
