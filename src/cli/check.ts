/** `juesuan check <files or folders…> [--format text|json] [--annotate out.xlsx] [--info]` */
import fs from 'fs';
import path from 'path';
import { checkWorkbook } from '../core/engine';
import { CheckResult } from '../core/findings';
import { annotateWorkbook } from '../host/xlsx-annotate';
import type { CliIO } from './main';
import { errorMessage, expandInputs, loadWorkbook, parseArgs, wouldOverwrite } from './inputs';
import { textReport } from './report';

interface FileOutcome {
  file: string;
  result?: CheckResult;
  error?: string;
}

export async function runCheck(args: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(args, ['--format', '--annotate'], ['--info']);
  if (typeof parsed === 'string') {
    io.err(`juesuan check：${parsed}\n`);
    return 2;
  }
  const format = (parsed.options.get('--format') as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.err(`juesuan check：--format 只能是 text 或 json\n`);
    return 2;
  }
  if (parsed.positional.length === 0) {
    io.err('juesuan check：请给出要审核的 .xlsx 文件或文件夹\n');
    return 2;
  }
  const { files, missing } = expandInputs(parsed.positional);
  for (const m of missing) io.err(`juesuan check：找不到“${m}”\n`);
  if (files.length === 0) {
    if (missing.length === 0) io.err('juesuan check：所给文件夹中没有 .xlsx 文件\n');
    return 2;
  }
  const annotate = parsed.options.get('--annotate') as string | undefined;
  if (annotate && files.length !== 1) {
    io.err('juesuan check：--annotate 一次只能用于一个工作簿\n');
    return 2;
  }

  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    try {
      const workbook = await loadWorkbook(file);
      const result = checkWorkbook(workbook);
      if (!result.sheets.some((s) => s.template)) {
        outcomes.push({ file: path.basename(file), result, error: `${path.basename(file)}：没有识别出任何公开表、绩效自评表或情况说明，未审核` });
      } else {
        outcomes.push({ file: path.basename(file), result });
      }
    } catch (e) {
      outcomes.push({ file: path.basename(file), error: errorMessage(e) });
    }
  }

  if (format === 'json') {
    const objects = outcomes.map((o) =>
      o.result && !o.error ? jsonOf(o.result) : { file: o.file, error: o.error, ...(o.result ? { sheets: o.result.sheets, findings: [] } : {}) },
    );
    io.out(JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2) + '\n');
  } else {
    for (const o of outcomes) {
      if (o.error) io.err(`juesuan check：${o.error}\n`);
      else if (o.result) io.out(textReport(o.result, { showInfo: parsed.options.has('--info') }) + '\n');
    }
  }

  if (annotate && outcomes[0].result && !outcomes[0].error) {
    if (wouldOverwrite(annotate, files[0])) {
      io.err('juesuan check：--annotate 的输出文件不能与输入文件相同（不修改原文件）\n');
      return 2;
    }
    const input = fs.readFileSync(files[0]);
    const { bytes, lost } = await annotateWorkbook(new Uint8Array(input), outcomes[0].result.findings, outcomes[0].result.sheets);
    fs.writeFileSync(annotate, bytes);
    io.err(`已写出标注副本：${annotate}（原文件未改动）\n`);
    for (const part of lost) io.err(`注意：标注副本未能保留原文件中的${part}\n`);
  }

  const readable = outcomes.filter((o) => o.result && !o.error);
  if (readable.length === 0) return 2;
  return readable.some((o) => o.result!.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** The findings contract (shared/tools/README.md); extra fields are allowed, edits go along for `fix`. */
function jsonOf(result: CheckResult): object {
  return {
    file: result.file,
    // `halves` only steers which cells --annotate fills; the contract lists the optional sheet fields.
    sheets: result.sheets.map(({ halves: _halves, ...sheet }) => sheet),
    findings: result.findings,
    ...(result.edits.length ? { edits: result.edits } : {}),
  };
}
