/**
 * `juesuan draft <file.xlsx> [--sections NT-01,NT-05,NT-ZS-P] [--set A|B] [--style plain|grouped] [--out copy.xlsx]
 * [--list-slots] [--fill values.json]`: 情况说明 from the 公开表 and 绩效自评综述 from the 自评表, whichever the workbook
 * holds; the 【请填写：…】 slots listed, or filled from {slot id or label: value}.
 */
import fs from 'fs';
import path from 'path';
import { isRecognition } from '../core/recognition';
import { recognizeSheet } from '../core/engine';
import { draftSituationNotes, DRAFT_SECTIONS } from '../core/narrative/drafts';
import { draftSelfEvalSummaries, ZS_SECTIONS } from '../core/narrative/drafts/zongshu';
import { uniqueSheetName } from '../core/templates/builder';
import { parseSlotValue } from '../core/draft-input';
import { patchWorkbook } from '../host/xlsx-annotate';
import type { CliIO } from './io';
import { WorkbookReadError } from '../host/read-error';
import { errorMessage, loadWorkbook, parseArgs, readInputBytes } from './inputs';
import { checkOutput, writeOutput } from './output';

export async function runDraft(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, ['--out', '-o', '--sections', '--set', '--style', '--fill'], ['--zeros', '--list-slots', '--force']);
  if (typeof parsed === 'string') {
    io.err(`juesuan draft：${parsed}\n`);
    return 2;
  }
  if (parsed.positional.length !== 1) {
    io.err('juesuan draft：请给出一个 .xlsx 文件\n');
    return 2;
  }
  const file = parsed.positional[0];
  const set = parsed.options.get('--set') as string | undefined;
  const style = parsed.options.get('--style') as string | undefined;
  if (set && set !== 'A' && set !== 'B') {
    io.err('juesuan draft：--set 只能是 A 或 B\n');
    return 2;
  }
  if (style && style !== 'plain' && style !== 'grouped') {
    io.err('juesuan draft：--style 只能是 plain 或 grouped\n');
    return 2;
  }
  const sections = (parsed.options.get('--sections') as string | undefined)?.split(/[,，]/).map((s) => s.trim().toUpperCase()).filter(Boolean);
  const all = [...DRAFT_SECTIONS, ...ZS_SECTIONS];
  const unknown = sections?.filter((s) => !all.some((d) => d.id === s));
  if (unknown?.length) {
    io.err(`juesuan draft：未知的段落 ${unknown.join('、')}，可选：${all.map((d) => d.id).join('、')}\n`);
    return 2;
  }
  const out = (parsed.options.get('--out') ?? parsed.options.get('-o')) as string | undefined;
  const force = parsed.options.has('--force');
  let workbook;
  try {
    if (!fs.existsSync(file)) throw new WorkbookReadError(`${file}：找不到文件`, 'missing');
    if (out) checkOutput(out, [file], force);
    workbook = await loadWorkbook(file);
  } catch (e) {
    io.err(`juesuan draft：${errorMessage(e)}\n`);
    return 2;
  }
  const recognitions = workbook.sheets.map((s) => recognizeSheet(s)).filter(isRecognition);
  const hasGongkai = recognitions.some((r) => r.family === 'gongkai');
  const hasSelfEval = recognitions.some((r) => r.family === 'selfeval');
  if (!hasGongkai && !hasSelfEval) {
    io.err(`juesuan draft：${path.basename(file)} 中没有识别出任何公开表或绩效自评表，无法起草情况说明或自评综述\n`);
    return 2;
  }
  // 情况说明 (NT-01…13) from the 公开表; 绩效自评综述 (NT-ZS-P/D/R) from the 自评表; either or both as loaded.
  const ntSections = sections?.filter((s) => DRAFT_SECTIONS.some((d) => d.id === s));
  const zsSections = sections?.filter((s) => ZS_SECTIONS.some((d) => d.id === s));
  const build = (inputs: Record<string, string>) => {
    const paragraphs: { kind: 'heading' | 'text'; text: string }[] = [];
    const unfilled: string[] = [];
    const slots: { id: string; label: string; kind: 'amount' | 'text' }[] = [];
    let unit = '万元';
    if (hasGongkai && (!sections || ntSections!.length)) {
      const draft = draftSituationNotes({ workbook, recognitions }, {
        sections: ntSections, headingSet: set as 'A' | 'B' | undefined, amountStyle: style as 'plain' | 'grouped' | undefined, listZeros: parsed.options.has('--zeros'), inputs,
      });
      paragraphs.push(...draft.paragraphs);
      unfilled.push(...draft.unfilled);
      slots.push(...draft.slots);
      unit = draft.unit;
    }
    if (hasSelfEval && (!sections || zsSections!.length)) {
      const zs = draftSelfEvalSummaries({ workbook, recognitions }, { sections: zsSections, amountStyle: style as 'plain' | 'grouped' | undefined, inputs });
      paragraphs.push(...zs.paragraphs);
      for (const u of zs.unfilled) if (!unfilled.includes(u)) unfilled.push(u);
      for (const x of zs.slots) if (!slots.some((y) => y.label === x.label)) slots.push(x);
    }
    return { paragraphs, unfilled, slots, unit };
  };
  const blank = build({});
  if (parsed.options.has('--list-slots')) {
    if (blank.slots.length === 0) io.out('草稿没有待填写项。\n');
    else io.out(['编号\t类型\t名称', ...blank.slots.map((x) => `${x.id}\t${x.kind === 'amount' ? `金额（${blank.unit}）` : '文字'}\t${x.label}`)].join('\n') + '\n');
    return 0;
  }
  const inputs: Record<string, string> = {};
  const fillFile = parsed.options.get('--fill') as string | undefined;
  if (fillFile) {
    let values: unknown;
    try {
      values = JSON.parse(fs.readFileSync(fillFile, 'utf8'));
    } catch (e) {
      io.err(`juesuan draft：无法读取填写值文件“${fillFile}”（${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '找不到文件' : '不是有效的 JSON'}）\n`);
      return 2;
    }
    if (!values || typeof values !== 'object' || Array.isArray(values)) {
      io.err('juesuan draft：填写值文件应为 {"编号或名称": "值"} 形式的 JSON 对象\n');
      return 2;
    }
    for (const [key, raw] of Object.entries(values as Record<string, unknown>)) {
      const slot = blank.slots.find((x) => x.id === key || x.label === key);
      if (!slot) {
        io.err(`juesuan draft：草稿中没有待填写项“${key}”，请用 --list-slots 查看\n`);
        return 2;
      }
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        io.err(`juesuan draft：“${key}”的值应为文字或数字\n`);
        return 2;
      }
      const v = parseSlotValue(String(raw), slot.kind, blank.unit);
      if (v.error) {
        io.err(`juesuan draft：“${slot.label}”：${v.error}\n`);
        return 2;
      }
      if (v.note) io.err(`“${slot.label}”${v.note}\n`);
      if (v.value !== undefined) inputs[slot.label] = v.value;
    }
  }
  const { paragraphs, unfilled } = fillFile ? build(inputs) : blank;
  if (paragraphs.length === 0) {
    io.err(`juesuan draft：所选段落需要的表没有识别出来（公开表：${hasGongkai ? '有' : '无'}；绩效自评表：${hasSelfEval ? '有' : '无'}）\n`);
    return 2;
  }
  const rows = paragraphs.map((p) => p.text);
  const sheetTitle = hasGongkai && (!sections || ntSections!.length) ? '情况说明（草稿）' : '自评综述（草稿）';
  if (!out) {
    io.out(rows.join('\n') + '\n');
  } else {
    let name = '';
    const { bytes, lost } = await patchWorkbook(readInputBytes(file), (patch) => {
      name = patch.addSheet(sheetTitle, paragraphs.map((p) => [{ text: p.text, bold: p.kind === 'heading' }]), { widths: [110], wrap: true });
    }, (wb) => {
      name = uniqueSheetName(wb, sheetTitle);
      const ws = wb.addWorksheet(name);
      ws.getColumn(1).width = 110;
      paragraphs.forEach((p, i) => {
        const cell = ws.getCell(i + 1, 1);
        cell.value = p.text;
        cell.alignment = { wrapText: true, vertical: 'top' };
        if (p.kind === 'heading') cell.font = { bold: true };
      });
    });
    try {
      writeOutput(out, bytes, force);
    } catch (e) {
      io.err(`juesuan draft：${errorMessage(e)}\n`);
      return 2;
    }
    io.err(`已写出副本：${out}，草稿在新工作表“${name}”（原文件未改动）\n`);
    for (const part of lost) io.err(`注意：副本未能保留原文件中的${part}\n`);
  }
  if (unfilled.length) io.err(`待填写 ${unfilled.length} 项：${unfilled.join('；')}\n`);
  return 0;
}
