/**
 * `juesuan check <files or folders…> [--format text|json] [--annotate out.xlsx|folder] [--timeout s] [--force] [--info]`
 *
 * Every input is reported: a workbook with its findings, anything else as an error object with its kind. Several
 * files are checked in a worker pool so one hostile file costs its own worker, never the run.
 */
import fs from 'fs';
import path from 'path';
import { CheckResult, TEMPLATE_LABEL, TemplateId } from '../core/findings';
import type { ReadErrorKind } from '../host/read-error';
import { annotateWorkbook } from '../host/xlsx-annotate';
import { checkFile, FileOutcome } from './check-file';
import type { CliIO } from './io';
import { expandInputs, parseArgs, readInputBytes } from './inputs';
import { checkFolder, checkOutput, OutputError, wouldOverwrite, writeOutput } from './output';
import { checkFilesInPool } from './pool';
import { textReport } from './report';

/** Per-file time limit of a folder run, in seconds (README: 文件夹审核). */
export const DEFAULT_TIMEOUT_SECONDS = 120;

export const KIND_LABEL: Record<ReadErrorKind, string> = {
  unreadable: '无法读取',
  refused: '拒绝读取',
  unrecognised: '未识别出表格',
  timeout: '超时',
  'not-xlsx': '不是 .xlsx',
  missing: '找不到',
};

export async function runCheck(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, ['--format', '--annotate', '--timeout'], ['--info', '--force'], ['--template']);
  if (typeof parsed === 'string') {
    io.err(`juesuan check：${parsed}\n`);
    return 2;
  }
  const templates = templateChoices(parsed.lists.get('--template') ?? []);
  if (typeof templates === 'string') {
    io.err(`juesuan check：${templates}\n`);
    return 2;
  }
  const format = (parsed.options.get('--format') as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.err(`juesuan check：--format 只能是 text 或 json\n`);
    return 2;
  }
  const timeoutText = parsed.options.get('--timeout') as string | undefined;
  const timeoutSeconds = timeoutText === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(timeoutText);
  if (!(timeoutSeconds > 0)) {
    io.err('juesuan check：--timeout 应为正数（秒）\n');
    return 2;
  }
  if (parsed.positional.length === 0) {
    io.err('juesuan check：请给出要审核的 .xlsx 文件或文件夹\n');
    return 2;
  }
  const force = parsed.options.has('--force');
  const entries = expandInputs(parsed.positional);
  if (entries.length === 0) {
    io.err('juesuan check：所给文件夹中没有 .xlsx 文件\n');
    return 2;
  }
  const files = entries.filter((e) => !e.problem).map((e) => e.file);
  const several = entries.length > 1 || parsed.positional.some((p) => isFolder(p));

  // Where annotated copies go, decided and checked before any work.
  const annotate = parsed.options.get('--annotate') as string | undefined;
  let annotateTargets: Map<string, string> | undefined;
  if (annotate) {
    try {
      annotateTargets = planAnnotations(annotate, files, several, force);
    } catch (e) {
      io.err(`juesuan check：${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  }

  const outcomes = new Map<string, FileOutcome>();
  let done = 0;
  const progress = (o: FileOutcome) => {
    done++;
    if (!several) return;
    const what = o.error ?? `${o.file}：${summary(o.result!)}`;
    io.err(`[${done}/${entries.length}] ${what}\n`);
  };
  for (const e of entries) {
    if (e.problem) {
      const o = { file: e.file, error: e.problem.message, errorKind: e.problem.kind };
      outcomes.set(e.file, o);
      progress(o);
    }
  }
  // A single file runs in this thread (no worker to start) unless a time limit was asked for explicitly.
  if (files.length > 1 || (files.length === 1 && timeoutText !== undefined)) {
    const pooled = await checkFilesInPool(files, { timeoutMs: timeoutSeconds * 1000, templates, onDone: (o) => { outcomes.set(o.file, o); progress(o); } });
    for (let i = 0; i < files.length; i++) {
      if (pooled[i]) continue;
      const o = await checkFile(files[i], templates);
      outcomes.set(o.file, o);
      progress(o);
    }
  } else if (files.length === 1) {
    const o = await checkFile(files[0], templates);
    outcomes.set(o.file, o);
    progress(o);
  }
  const ordered = entries.map((e) => outcomes.get(e.file)!);

  if (format === 'json') {
    const objects = ordered.map((o) =>
      o.result && !o.error
        ? jsonOf(o.result, o.file)
        : { file: o.file, error: o.error, errorKind: o.errorKind, ...(o.result ? { sheets: contractSheets(o.result), findings: [] } : {}) },
    );
    io.out(JSON.stringify(objects.length === 1 && !several ? objects[0] : objects, null, 2) + '\n');
  } else {
    for (const o of ordered) {
      if (o.error) {
        if (!several) io.err(`juesuan check：${o.error}\n`);
      } else if (o.result) io.out(textReport(o.result, { showInfo: parsed.options.has('--info') }) + '\n');
    }
  }

  let writeFailed = false;
  if (annotateTargets) {
    for (const o of ordered) {
      const target = annotateTargets.get(o.file);
      if (!target || !o.result || o.error) continue;
      try {
        const { bytes, lost } = await annotateWorkbook(readInputBytes(o.file), o.result.findings, o.result.sheets);
        writeOutput(target, bytes, force);
        io.err(`已写出标注副本：${target}（原文件未改动）\n`);
        for (const part of lost) io.err(`注意：${target} 未能保留原文件中的${part}\n`);
      } catch (e) {
        writeFailed = true;
        io.err(`juesuan check：${o.file}：${e instanceof OutputError ? e.message : `未能写出标注副本（${e instanceof Error ? e.message : String(e)}）`}\n`);
      }
    }
  }

  if (several) io.err(totalLine(ordered) + '\n');
  if (writeFailed || ordered.some((o) => o.errorKind)) return 2;
  return ordered.some((o) => o.result?.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Input → annotated copy. One input and a file name: that file. Several inputs (or an existing folder): one copy per
 * input in that folder, named after the input (`部门决算-标注.xlsx`, numbered when two inputs share a name).
 */
function planAnnotations(annotate: string, files: string[], several: boolean, force: boolean): Map<string, string> {
  const targets = new Map<string, string>();
  if (!several && !isFolder(annotate)) {
    if (files.length === 1) {
      checkOutput(annotate, files, force);
      targets.set(files[0], annotate);
    }
    return targets;
  }
  if (!isFolder(annotate)) throw new OutputError(`审核多个工作簿时，--annotate 应给出一个已有的文件夹（“${annotate}”不是文件夹）`);
  checkFolder(annotate);
  const taken = new Set<string>();
  for (const file of files) {
    const stem = path.basename(file).replace(/\.xlsx$/i, '');
    let name = `${stem}-标注.xlsx`;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${stem}-标注${i}.xlsx`;
    taken.add(name.toLowerCase());
    const target = path.join(annotate, name);
    if (files.some((f) => wouldOverwrite(target, f))) throw new OutputError(`标注副本“${target}”不能与输入文件相同（不修改原文件）`);
    checkOutput(target, files, force);
    targets.set(file, target);
  }
  return targets;
}

function summary(result: CheckResult): string {
  const counts = { error: 0, rounding: 0, warning: 0 };
  for (const f of result.findings) if (f.severity !== 'info') counts[f.severity]++;
  return `已审核，错误 ${counts.error} 处，尾数误差 ${counts.rounding} 处，提示 ${counts.warning} 处`;
}

function totalLine(outcomes: FileOutcome[]): string {
  const checked = outcomes.filter((o) => o.result && !o.error);
  const withErrors = checked.filter((o) => o.result!.findings.some((f) => f.severity === 'error')).length;
  const byKind = new Map<ReadErrorKind, number>();
  for (const o of outcomes) if (o.errorKind) byKind.set(o.errorKind, (byKind.get(o.errorKind) ?? 0) + 1);
  const kinds = [...byKind].map(([k, n]) => `${KIND_LABEL[k]} ${n} 个`);
  return `共 ${outcomes.length} 个文件：已审核 ${checked.length} 个（其中有错误的 ${withErrors} 个）${kinds.length ? `；${kinds.join('，')}` : ''}`;
}

/** `halves` only steers which cells --annotate fills; the contract lists the optional sheet fields. */
function contractSheets(result: CheckResult): object[] {
  return result.sheets.map(({ halves: _halves, ...sheet }) => sheet);
}

/**
 * 指定表类型 on the command line: `--template '工作表=模板编号'`, repeatable. The input is never modified, so the
 * choice holds for this run; the pane stores its choices in the workbook.
 */
export function templateChoices(values: string[]): Map<string, TemplateId> | string {
  const choices = new Map<string, TemplateId>();
  for (const v of values) {
    const at = v.lastIndexOf('=');
    const sheet = at > 0 ? v.slice(0, at).trim() : '';
    const template = at > 0 ? v.slice(at + 1).trim() : '';
    if (!sheet || !template) return `--template 的格式应为“工作表=模板编号”，例如 --template 'Sheet3=fiscal-summary'（收到“${v}”）`;
    if (!(template in TEMPLATE_LABEL)) return `--template：未知的模板编号“${template}”。可用：${Object.keys(TEMPLATE_LABEL).join('、')}`;
    choices.set(sheet, template as TemplateId);
  }
  return choices;
}

/** The findings contract (shared/tools/README.md); extra fields are allowed, edits go along for `fix`. */
function jsonOf(result: CheckResult, file: string): object {
  return {
    file,
    sheets: contractSheets(result),
    findings: result.findings,
    ...(result.edits.length ? { edits: result.edits } : {}),
  };
}
