/**
 * The checking engine: recognise every sheet, then run the 公开表 identities, the 自评表 rules and the narrative
 * checks, and collect one list of findings. Knows nothing of Office.js, files or React.
 */
import { columnLetters, parseA1 } from './address';
import { CheckResult, Finding, ProposedEdit, SheetSummary, Unit } from './findings';
import { WorkbookGrid, userSheetsOnly } from './grid';
import { isRecognition, Recognition, RecognitionOutcome } from './recognition';
import { append, checkGongkai, recognizeGongkai } from './gongkai';
import { checkSelfEval, recognizeSelfEval } from './selfeval';
import { checkNarratives, recognizeSituationNotes } from './narrative';

export interface WorkbookContext {
  workbook: WorkbookGrid;
  recognitions: Recognition[];
}

export interface FamilyResult {
  findings: Finding[];
  edits?: ProposedEdit[];
}

/** Asks each family's recogniser in turn; a positive rejection (e.g. 绩效目标表) is kept as the reason. */
export function recognizeSheet(sheet: WorkbookGrid['sheets'][number]): RecognitionOutcome {
  let rejection: RecognitionOutcome = null;
  for (const recognize of [recognizeSelfEval, recognizeGongkai, recognizeSituationNotes]) {
    const outcome = recognize(sheet);
    if (isRecognition(outcome)) return outcome;
    if (outcome && !rejection) rejection = outcome;
  }
  return rejection;
}

export interface CheckedWorkbook {
  result: CheckResult;
  /** The recognitions the check made, for the pane's drafts, so it never recognises the workbook twice. */
  context: WorkbookContext;
}

export function checkWorkbook(workbook: WorkbookGrid): CheckResult {
  return checkInContext(workbook).result;
}

export function checkInContext(input: WorkbookGrid): CheckedWorkbook {
  const workbook = userSheetsOnly(input);
  const sheets: SheetSummary[] = [];
  const findings: Finding[] = [];
  const recognitions: Recognition[] = [];

  for (const sheet of workbook.sheets) {
    const outcome = recognizeSheet(sheet);
    if (isRecognition(outcome)) {
      recognitions.push(outcome);
      append(findings, outcome.findings);
      const summary: SheetSummary = { name: sheet.name, template: outcome.template, unit: outcome.unit };
      if (outcome.variant) summary.variant = outcome.variant;
      if (outcome.marker) summary.marker = outcome.marker;
      if (outcome.tables && outcome.tables.length > 1) summary.tables = outcome.tables;
      const halves = outcome.family === 'gongkai' ? (outcome.model as { halves?: { labelCol: number }[] }).halves : undefined;
      if (halves?.length === 2 && halves[1].labelCol > 0) {
        const split = halves[1].labelCol;
        summary.halves = [`A:${columnLetters(split - 1)}`, `${columnLetters(split)}:${columnLetters(Math.max(split, sheet.colCount - 1))}`];
      }
      sheets.push(summary);
    } else {
      sheets.push({ name: sheet.name, template: null, unit: null, reason: outcome?.reason ?? unrecognisedReason(sheet) });
    }
  }

  assumeMissingUnits(recognitions, sheets, findings);

  const context: WorkbookContext = { workbook, recognitions };
  const edits: ProposedEdit[] = [];
  for (const family of [checkGongkai, checkSelfEval, checkNarratives]) {
    const result = family(context);
    append(findings, result.findings);
    if (result.edits) append(edits, result.edits);
  }

  markHiddenRows(workbook, findings);
  return { result: { file: workbook.fileName, sheets, findings: sortFindings(workbook, findings), edits }, context };
}

function unrecognisedReason(sheet: WorkbookGrid['sheets'][number]): string {
  const hasContent = sheet.cells.some((row) => row?.some((c) => c && c.value !== null && String(c.value).trim() !== ''));
  if (!hasContent) return '未识别：空白工作表';
  return '未识别：标题和表头与已知的公开表、绩效自评表、情况说明均不匹配';
}

/** A sheet without a unit line takes the unit the other sheets share, with an R-UNIT note (README "Reading cells" (g)). */
function assumeMissingUnits(recognitions: Recognition[], sheets: SheetSummary[], findings: Finding[]): void {
  const stated = recognitions.map((r) => r.unit).filter((u): u is Unit => u !== null);
  const shared: Unit | null = stated.length > 0 && stated.every((u) => u === stated[0]) ? stated[0] : stated.length ? mostCommon(stated) : null;
  for (const r of recognitions) {
    if (r.unit !== null || r.template === 'situation-notes') continue;
    const assumed: Unit = shared ?? '万元';
    r.unit = assumed;
    const summary = sheets.find((s) => s.name === r.sheet.name);
    if (summary) summary.unit = assumed;
    findings.push({
      sheet: r.sheet.name,
      cell: null,
      rule: 'R-UNIT',
      severity: 'info',
      stated: null,
      expected: assumed,
      message: shared
        ? `未找到金额单位，按本工作簿其他表的单位“${assumed}”处理`
        : `未找到金额单位，本工作簿其他表也没有注明单位，暂按“${assumed}”处理，请核对`,
    });
  }
}

function mostCommon(units: Unit[]): Unit {
  const wan = units.filter((u) => u === '万元').length;
  return wan >= units.length - wan ? '万元' : '元';
}

function markHiddenRows(workbook: WorkbookGrid, findings: Finding[]): void {
  const byName = new Map(workbook.sheets.map((s) => [s.name, s]));
  for (const f of findings) {
    if (!f.cell) continue;
    const pos = parseA1(f.cell);
    const sheet = byName.get(f.sheet);
    if (pos && sheet?.hiddenRows.has(pos.row) && !f.hiddenRow) {
      f.hiddenRow = true;
      f.message += '（该行为隐藏行）';
    }
  }
}

const SEVERITY_ORDER = { error: 0, rounding: 1, warning: 2, info: 3 } as const;

function sortFindings(workbook: WorkbookGrid, findings: Finding[]): Finding[] {
  const sheetIndex = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  const key = (f: Finding) => {
    const pos = f.cell ? parseA1(f.cell) : null;
    return [sheetIndex.get(f.sheet) ?? 999, pos ? pos.row : -1, pos ? pos.col : -1, SEVERITY_ORDER[f.severity]];
  };
  return findings
    .map((f, i) => ({ f, i, k: key(f) }))
    .sort((a, b) => {
      for (let j = 0; j < a.k.length; j++) if (a.k[j] !== b.k[j]) return a.k[j] - b.k[j];
      return a.i - b.i;
    })
    .map((x) => x.f);
}
