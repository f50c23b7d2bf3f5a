/**
 * `juesuan fix <in.xlsx> -o <out.xlsx>` — writes a corrected copy: every recomputed 执行率, 得分, 结余, 总分 and 等级 the
 * engine proposes, and every 舍位平衡 edit of a 公开表 (the same cells the pane's 全部应用 writes), is written into its
 * cell, marked (fill and note) and listed (on screen and in a 校验更正清单 sheet).
 * The input file is never modified; parts of the workbook the copy could not keep are named.
 */
import fs from 'fs';
import path from 'path';
import type ExcelJS from 'exceljs';
import { parseA1 } from '../core/address';
import { allEdits } from '../core/edits';
import { checkWorkbook } from '../core/engine';
import { ProposedEdit } from '../core/findings';
import { rawText, WorkbookGrid } from '../core/grid';
import { readXlsx } from '../host/xlsx-read';
import { patchWorkbook } from '../host/xlsx-annotate';
import type { WorkbookPatch } from '../host/xlsx-patch';
import type { CliIO } from './io';
import { WorkbookReadError } from '../host/read-error';
import { errorMessage, loadWorkbook, parseArgs, readInputBytes } from './inputs';
import { checkOutput, writeOutput } from './output';
import { countBySeverity, formatTable } from './report';

/** Fill of a corrected cell: light green, distinct from the error/rounding/warning fills of --annotate. */
export const FIXED_ARGB = 'FFC6EFCE';
export const LIST_SHEET = '校验更正清单';

export async function runFix(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, ['-o', '--out', '--output'], ['--force']);
  if (typeof parsed === 'string') {
    io.err(`juesuan fix：${parsed}\n`);
    return 2;
  }
  const output = (parsed.options.get('-o') ?? parsed.options.get('--out') ?? parsed.options.get('--output')) as string | undefined;
  if (parsed.positional.length !== 1 || !output) {
    io.err('juesuan fix：用法 juesuan fix <输入.xlsx> -o <输出.xlsx> [--force]\n');
    return 2;
  }
  const input = parsed.positional[0];
  const force = parsed.options.has('--force');
  let edits: ProposedEdit[];
  let roundingBefore = 0;
  try {
    if (!fs.existsSync(input)) throw new WorkbookReadError(`${input}：找不到文件`, 'missing');
    checkOutput(output, [input], force);
    const workbook = await loadWorkbook(input);
    const first = checkWorkbook(workbook);
    if (!first.sheets.some((s) => s.template)) {
      io.err(`juesuan fix：${input}：没有识别出任何公开表、绩效自评表或情况说明，未更正，也未写出副本\n`);
      return 2;
    }
    roundingBefore = countBySeverity(first.findings).rounding;
    edits = withCurrent(allEdits(first), workbook);
  } catch (e) {
    io.err(`juesuan fix：${errorMessage(e)}\n`);
    return 2;
  }
  const bytes = readInputBytes(input);
  const { bytes: out, lost } = await patchWorkbook(bytes, (patch) => patchEdits(patch, edits), (wb) => applyEdits(wb, edits));
  try {
    writeOutput(output, out, force);
  } catch (e) {
    io.err(`juesuan fix：${errorMessage(e)}\n`);
    return 2;
  }

  if (edits.length === 0) {
    io.out(`${path.basename(input)}：没有需要更正的数字；已写出副本 ${output}（原文件未改动）\n`);
  } else {
    io.out(`${path.basename(input)}：更正 ${edits.length} 个单元格，已写出 ${output}（原文件未改动）。更正的单元格已标绿并加批注，清单见工作表“${LIST_SHEET}”：\n`);
    io.out(formatTable(['工作表', '单元格', '原值', '更正为', '规则'], edits.map((e) => [e.sheet, e.cell, e.current ?? '（空）', e.proposed, e.rule])) + '\n');
  }
  for (const part of lost) io.err(`注意：更正副本未能保留原文件中的${part}\n`);

  // Re-check the copy so the accountant knows what the recomputation could not settle.
  const again = checkWorkbook(await readXlsx(out, path.basename(output)));
  const counts = countBySeverity(again.findings);
  if (counts.rounding !== roundingBefore) io.out(`更正后复核：尾数误差 ${roundingBefore} → ${counts.rounding} 处（其余的在“juesuan check”中附有建议）。\n`);
  if (counts.error > 0) {
    io.out(`更正后仍有 ${counts.error} 处错误需要人工处理（如资金来源与合计不符、得分高于分值），请运行 juesuan check ${output} 查看。\n`);
    return 1;
  }
  io.out('更正后复核：无错误。\n');
  return 0;
}

/** A 舍位平衡 edit names another cell than its finding's: say what that cell holds now. */
function withCurrent(edits: ProposedEdit[], workbook: WorkbookGrid): ProposedEdit[] {
  return edits.map((e) => {
    if (e.current !== null) return e;
    const pos = parseA1(e.cell);
    const cell = pos ? workbook.sheets.find((s) => s.name === e.sheet)?.cells[pos.row]?.[pos.col] : undefined;
    return { ...e, current: cell ? rawText(cell) : null };
  });
}

function fixNote(e: ProposedEdit, hadFormula: boolean): string {
  return `【决算校验·已更正】${e.rule}：原为 ${e.current ?? '（空）'}，改为 ${e.proposed}${hadFormula ? '（原单元格为公式，已改为数值）' : ''}`;
}

/** The corrections as patches: value, number format, green fill and a note per cell, and the list sheet. */
export function patchEdits(patch: WorkbookPatch, edits: ProposedEdit[]): void {
  for (const e of edits) {
    const hadFormula = patch.hasFormula(e.sheet, e.cell);
    if (!patch.setValue(e.sheet, e.cell, e.value, { numFmt: e.numFmt, fill: FIXED_ARGB })) continue;
    patch.note(e.sheet, e.cell, fixNote(e, hadFormula));
  }
  if (edits.length === 0) return;
  const header = ['工作表', '单元格', '原值', '更正为', '规则'];
  patch.addSheet(LIST_SHEET, [
    header.map((text) => ({ text, bold: true })),
    ...edits.map((e) => [e.sheet, e.cell, e.current ?? '', e.proposed, e.rule].map((text) => ({ text }))),
  ], { widths: header.map(() => 18) });
}

export function applyEdits(wb: ExcelJS.Workbook, edits: ProposedEdit[]): void {
  for (const e of edits) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) continue;
    const cell = ws.getCell(e.cell);
    const hadFormula = !!cell.formula;
    // exceljs shares one style object among cells loaded with the same style: copy it before changing this cell.
    cell.style = { ...cell.style };
    cell.value = e.value;
    if (e.numFmt) cell.numFmt = e.numFmt;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FIXED_ARGB } };
    const existing = typeof cell.note === 'string' ? cell.note : cell.note ? (cell.note.texts ?? []).map((t) => t.text).join('') : '';
    const note = fixNote(e, hadFormula);
    cell.note = [existing, note].filter(Boolean).join('\n\n');
  }
  if (edits.length === 0) return;
  let name = LIST_SHEET;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${LIST_SHEET}${i}`;
  const list = wb.addWorksheet(name);
  list.addRow(['工作表', '单元格', '原值', '更正为', '规则']);
  for (const e of edits) list.addRow([e.sheet, e.cell, e.current ?? '', e.proposed, e.rule]);
  list.getRow(1).font = { bold: true };
  list.columns.forEach((c) => (c.width = 18));
}
