/** `juesuan template <template-id> [--variant <layout>] -o <file.xlsx>` · `juesuan template --list` */
import fs from 'fs';
import ExcelJS from 'exceljs';
import { addTemplateSheet } from '../core/templates/builder';
import { listTemplates, templateSheets } from '../core/templates';
import type { CliIO } from './main';
import { parseArgs } from './inputs';

export async function runTemplate(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, ['--variant', '-o', '--out', '--year', '--department'], ['--list']);
  if (typeof parsed === 'string') {
    io.err(`juesuan template：${parsed}\n`);
    return 2;
  }
  if (parsed.options.has('--list')) {
    const lines = ['模板编号 · 版式 · 名称（另可用 gongkai 一次写出某版式的全部公开表）'];
    for (const t of listTemplates()) lines.push(`  ${t.id.padEnd(28)} --variant ${t.variant.padEnd(12)} ${t.marker ?? ''} ${t.label}`);
    io.out(lines.join('\n') + '\n');
    return 0;
  }
  const [id] = parsed.positional;
  const out = (parsed.options.get('-o') ?? parsed.options.get('--out')) as string | undefined;
  if (!id || !out || parsed.positional.length !== 1) {
    io.err('juesuan template：用法 juesuan template <模板编号> [--variant 版式] -o <输出.xlsx>；juesuan template --list 列出模板\n');
    return 2;
  }
  const year = parsed.options.get('--year') as string | undefined;
  if (year && !/^\d{4}$/.test(year)) {
    io.err('juesuan template：--year 应为四位年份\n');
    return 2;
  }
  let sheets;
  try {
    sheets = templateSheets(id, parsed.options.get('--variant') as string | undefined, {
      year: year ? Number(year) : undefined, department: parsed.options.get('--department') as string | undefined,
    });
  } catch (e) {
    io.err(`juesuan template：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  if (fs.existsSync(out)) {
    io.err(`juesuan template：“${out}”已存在，不覆盖\n`);
    return 2;
  }
  const book = new ExcelJS.Workbook();
  const names = sheets.map((s) => addTemplateSheet(book, s));
  fs.writeFileSync(out, new Uint8Array(await book.xlsx.writeBuffer()));
  io.err(`已写出模板：${out}（工作表：${names.join('、')}）\n`);
  return 0;
}
