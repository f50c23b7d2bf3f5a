/** `juesuan template` and `juesuan draft`: list, write, variants, errors; a draft written into a copy. */
import fs from 'fs';
import path from 'path';
import { runCli } from '../cli/run-cli';
import { checkWorkbook } from '../../src/core/engine';
import { readXlsx } from '../../src/host/xlsx-read';
import { fixturePath, tempDir } from '../helpers';

const run = runCli;

describe('juesuan template', () => {
  test('--list names every template id with its variants and markers', async () => {
    const r = await run(['template', '--list']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/three-public\s+--variant henan-2021\s+公开07/);
    expect(r.out).toMatch(/three-public\s+--variant shanxi-2024\s+公开09/);
    expect(r.out).toMatch(/disclosure-stats\s+--variant shanxi-2022\s+公开10/);
    expect(r.out).not.toMatch(/disclosure-stats\s+--variant henan-2021/);
  });

  test('writes a template that the checker recognises at once', async () => {
    const out = path.join(tempDir(), '三公.xlsx');
    const r = await run(['template', 'three-public', '--variant', 'shanxi-2024', '-o', out]);
    expect(r.code).toBe(0);
    const result = checkWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(out)), '三公.xlsx'));
    expect(result.sheets).toEqual([expect.objectContaining({ name: '公开09表', template: 'three-public', unit: '万元' })]);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('绩效自评表 templates: listed with their variants, written and recognised at once', async () => {
    const list = await run(['template', '--list']);
    expect(list.out).toMatch(/project-selfeval\s+--variant national-2020\s+项目支出绩效自评表/);
    expect(list.out).toMatch(/project-selfeval\s+--variant shanxi\s+项目支出绩效自评表/);
    expect(list.out).toMatch(/department-selfeval\s+--variant henan-2021\s+部门（单位）整体绩效自评表/);
    const out = path.join(tempDir(), 'x.xlsx');
    const r = await run(['template', 'project-selfeval', '--variant', 'shanxi', '-o', out]);
    expect(r.code).toBe(0);
    const result = checkWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(out)), 'x.xlsx'));
    expect(result.sheets).toEqual([expect.objectContaining({ template: 'project-selfeval', variant: 'shanxi', unit: '万元' })]);
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const bad = await run(['template', 'department-selfeval', '--variant', 'shanxi', '-o', path.join(tempDir(), 'y.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('henan-2021');
  });

  test('gongkai writes every table of a variant; unknown ids and variants are refused', async () => {
    const out = path.join(tempDir(), 'all.xlsx');
    expect((await run(['template', 'gongkai', '--variant', 'shanxi-2022', '-o', out])).code).toBe(0);
    const result = checkWorkbook(await readXlsx(new Uint8Array(fs.readFileSync(out)), 'all.xlsx'));
    expect(result.sheets).toHaveLength(10);
    expect(result.sheets.every((s) => s.unit === '元')).toBe(true);
    expect((await run(['template', 'nonsense', '-o', path.join(tempDir(), 'x.xlsx')])).code).toBe(2);
    const bad = await run(['template', 'disclosure-stats', '--variant', 'henan-2021', '-o', path.join(tempDir(), 'x.xlsx')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('shanxi-2024');
    expect((await run(['template', 'income'])).code).toBe(2);
  });
});

describe('juesuan draft', () => {
  test('prints the draft, and lists what is left to fill in', async () => {
    const r = await run(['draft', fixturePath('jiaozuo-2021-gongkai.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2021年度收入合计19475.63万元，其中：财政拨款收入17074.25万元，占87.67%；其他收入2401.38万元，占12.33%。');
    expect(r.err).toMatch(/待填写 \d+ 项/);
  });

  test('--out writes the draft into a new sheet of a copy; the input is untouched', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.xlsx');
    fs.copyFileSync(fixturePath('jiaozuo-2021-gongkai.xlsx'), input);
    const before = fs.readFileSync(input);
    const out = path.join(dir, 'out.xlsx');
    const r = await run(['draft', input, '--sections', 'NT-02,NT-03', '--out', out]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const wb = await readXlsx(new Uint8Array(fs.readFileSync(out)), 'out.xlsx');
    const sheet = wb.sheets.find((s) => s.name === '情况说明（草稿）')!;
    expect(sheet).toBeDefined();
    const texts = sheet.cells.map((row) => String(row?.[0]?.value ?? ''));
    expect(texts).toContain('二、收入决算情况说明');
    expect(texts).toContain('2021年度支出合计20581.50万元，其中：基本支出16820.42万元，占81.73%；项目支出3761.08万元，占18.27%。');
    expect(wb.sheets.length).toBe(11);
  });

  test('drafts the 绩效自评综述 from a workbook of 自评表 (NT-ZS-P, NT-ZS-R)', async () => {
    const r = await run(['draft', fixturePath('changji-2020-selfeval.xlsx'), '--sections', 'NT-ZS-P,NT-ZS-R']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('“宣传培训工作经费”项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分97.2分，自评等级为“优”。');
    expect(r.out).toContain('最终评分结果：宣传培训工作经费项目绩效自评价结果为：总得分97.2分，属于“优”。');
    expect(r.err).toContain('下一步改进措施');
    const d = await run(['draft', fixturePath('jiaozuo-2021-dept-selfeval.xlsx')]);
    expect(d.code).toBe(0);
    expect(d.out).toContain('焦作市市场监督管理局部门（单位）整体绩效自评得分为98分。');
    expect((await run(['draft', fixturePath('changji-2020-selfeval.xlsx'), '--sections', 'NT-01'])).code).toBe(2);
  });

  test('refuses bad options', async () => {
    expect((await run(['draft'])).code).toBe(2);
    expect((await run(['draft', fixturePath('jiaozuo-2021-gongkai.xlsx'), '--sections', 'NT-99'])).code).toBe(2);
    expect((await run(['draft', fixturePath('jiaozuo-2021-gongkai.xlsx'), '--set', 'C'])).code).toBe(2);
  });
});
