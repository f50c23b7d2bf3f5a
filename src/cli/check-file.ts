/** Checks one workbook file into an outcome: the same job in the CLI's own thread and in a pool worker. */
import { checkWorkbook } from '../core/engine';
import { CheckResult, TemplateId } from '../core/findings';
import type { ReadErrorKind } from '../host/read-error';
import { errorKind, errorMessage, loadWorkbook } from './inputs';

export interface FileOutcome {
  /** The path as given (see InputEntry.file). */
  file: string;
  result?: CheckResult;
  error?: string;
  errorKind?: ReadErrorKind;
}

/** Checks one file; `templates` are the 指定表类型 choices of `--template`, by sheet name. */
export async function checkFile(file: string, templates?: ReadonlyMap<string, TemplateId>): Promise<FileOutcome> {
  try {
    const result = checkWorkbook(await loadWorkbook(file), { templates });
    if (!result.sheets.some((s) => s.template)) {
      return { file, result, error: `${file}：没有识别出任何公开表、绩效自评表或情况说明，未审核`, errorKind: 'unrecognised' };
    }
    return { file, result };
  } catch (e) {
    return { file, error: errorMessage(e), errorKind: errorKind(e) };
  }
}
