/** `juesuan template <template-id> [--variant <layout>] -o <file.xlsx>` · `juesuan template --list` */
import ExcelJS from 'exceljs';
import { addTemplateSheet } from '../core/templates/builder';
import { listTemplates, templateSheets } from '../core/templates';
import { variantLabel } from '../core/present';
import type { CliIO } from './io';
import { parseArgs } from './inputs';
import { checkOutput, writeOutput } from './output';

/** A title as people write it: without quotes, spaces or （单位）. */
function titleKey(s: string): string {
  return s.normalize('NFKC').replace(/[“”"'‘’\s]/g, '').replace(/\(单位\)/g, '');
}

/**
 * The template id (and variant) a name means: an id as listed, a table title (`收入支出决算总表`, `项目支出绩效自评表`),
 * or a 公开表 number (`公开07`) within a variant. A number that means different tables in different variants needs
 * --variant; the message lists the choices.
 */
export function resolveTemplateName(name: string, variant?: string): { id: string; variant?: string } | { error: string } {
  const all = listTemplates();
  if (name === 'gongkai' || all.some((t) => t.id === name)) return { id: name, variant };
  const key = titleKey(name);
  const byTitle = all.filter((t) => titleKey(t.label) === key && (!variant || t.variant === variant));
  if (byTitle.length) return { id: byTitle[0].id, variant };
  const number = /^公开(\d{1,2})表?$/.exec(key);
  if (number) {
    const marker = `公开${number[1].padStart(2, '0')}`;
    const entries = all.filter((t) => t.marker === marker);
    if (entries.length === 0) return { error: `没有“${name}”这张公开表，请用 juesuan template --list 查看` };
    if (variant) {
      const hit = entries.find((t) => t.variant === variant);
      if (!hit) return { error: `版式“${variant}”没有${marker}，有${marker}的版式：${entries.map((t) => t.variant).join('、')}` };
      return { id: hit.id, variant };
    }
    const ids = [...new Set(entries.map((t) => t.id))];
    if (ids.length === 1) return { id: ids[0] };
    const choices = entries.map((t) => `--variant ${t.variant}（${variantLabel(t.variant)}）：${t.label}`).join('；');
    return { error: `${marker}在不同版式中是不同的表，请用 --variant 指定：${choices}` };
  }
  return { error: `未知的模板“${name}”，可用模板编号、表名或公开表号（如 公开01），请用 juesuan template --list 查看` };
}

export async function runTemplate(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, ['--variant', '-o', '--out', '--year', '--department'], ['--list', '--force']);
  if (typeof parsed === 'string') {
    io.err(`juesuan template：${parsed}\n`);
    return 2;
  }
  if (parsed.options.has('--list')) {
    const lines = ['模板编号 · 版式 · 名称（模板可写编号、表名或公开表号加 --variant；另可用 gongkai 一次写出某版式的全部公开表）'];
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
  const resolved = resolveTemplateName(id, parsed.options.get('--variant') as string | undefined);
  if ('error' in resolved) {
    io.err(`juesuan template：${resolved.error}\n`);
    return 2;
  }
  let sheets;
  try {
    sheets = templateSheets(resolved.id, resolved.variant, {
      year: year ? Number(year) : undefined, department: parsed.options.get('--department') as string | undefined,
    });
  } catch (e) {
    io.err(`juesuan template：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const force = parsed.options.has('--force');
  try {
    checkOutput(out, [], force);
  } catch (e) {
    io.err(`juesuan template：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const book = new ExcelJS.Workbook();
  const names = sheets.map((s) => addTemplateSheet(book, s));
  try {
    writeOutput(out, new Uint8Array(await book.xlsx.writeBuffer()), force);
  } catch (e) {
    io.err(`juesuan template：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  io.err(`已写出模板：${out}（工作表：${names.join('、')}）\n`);
  return 0;
}
