/**
 * The checking engine: recognise every sheet, then run the 公开表 identities, the 自评表 rules and the narrative
 * checks, and collect one list of findings. Knows nothing of Office.js, files or React.
 */
import { columnLetters, parseA1 } from './address';
import { CheckResult, Finding, ProposedEdit, SheetSummary, TEMPLATE_LABEL, TemplateId, Unit } from './findings';
import { SheetGrid, WorkbookGrid, userSheetsOnly } from './grid';
import {
  Candidate, compete, evidenceTexts, isRecognition, nearTieNote, Reading, Recognition, RecognitionOutcome, scoreOf,
} from './recognition';
import { checkGongkai } from './gongkai';
import { append, WorkbookContext } from './workbook-context';
import { gongkaiCandidates, readGongkaiAs } from './gongkai/recognize';
import { checkSelfEval, readSelfEvalAs, selfEvalCandidates } from './selfeval';
import { checkNarratives } from './narrative';
import { notesCandidates, readSituationNotes } from './narrative/recognize';

export type { FamilyResult, WorkbookContext } from './workbook-context';

/** The families' claims on a sheet, from its one cheap profile (gongkai-layouts.md §3 item 7). */
function candidatesOf(sheet: SheetGrid): Candidate[] {
  // The self-evaluation claim is read at once (as recognition always did first); the others are told its score,
  // so a family that could not beat it even with a body is not profiled at all.
  const selfEval = selfEvalCandidates(sheet);
  const toBeat = Math.max(0, ...selfEval.map((c) => scoreOf(c.evidence)));
  return [...selfEval, ...gongkaiCandidates(sheet, toBeat), ...notesCandidates(sheet, toBeat)];
}

/** How a sheet was recognised: the outcome, and the evidence behind it or the best claim that fell short. */
export interface SheetRecognition {
  outcome: RecognitionOutcome;
  evidence: string[];
  /** For an unrecognised sheet: the strongest claim and what it lacked. */
  candidate?: { template: TemplateId; evidence: string[]; lacks: string };
}

/** Templates an accountant set by hand (指定表类型), by sheet name. */
export type TemplateChoices = ReadonlyMap<string, TemplateId>;

export const CHOSEN_BY_HAND = '表类型由用户指定';

/** Every family's claims compete; the strongest evidence wins, a near-tie is decided by the spec's order. */
export function recognizeWithEvidence(sheet: SheetGrid, chosen?: TemplateId): SheetRecognition {
  if (chosen) return readChosen(sheet, chosen);
  const { winner, nearTie, bestFailed, rejection } = compete(candidatesOf(sheet));
  if (winner && isRecognition(winner.reading.outcome)) {
    const outcome = winner.reading.outcome;
    const evidence = evidenceTexts(winner.evidence);
    outcome.evidence = evidence;
    if (nearTie) outcome.findings.unshift(nearTieNote(sheet, winner, nearTie));
    return { outcome, evidence };
  }
  const candidate = bestFailed ? { template: bestFailed.template, evidence: evidenceTexts(bestFailed.evidence), lacks: bestFailed.reading.lacks ?? '' } : undefined;
  const outcome = rejection ?? (bestFailed?.reading.outcome && !isRecognition(bestFailed.reading.outcome) ? bestFailed.reading.outcome : null);
  return { outcome, evidence: [], candidate };
}

/** The sheet read as the template the accountant chose, whatever its cues say. */
function readChosen(sheet: SheetGrid, template: TemplateId): SheetRecognition {
  let reading: Reading;
  if (template === 'situation-notes') reading = { outcome: readSituationNotes(sheet), evidence: [] };
  else if (template === 'project-selfeval' || template === 'department-selfeval') reading = readSelfEvalAs(sheet, template);
  else reading = readGongkaiAs(sheet, template);
  if (isRecognition(reading.outcome)) {
    const evidence = [CHOSEN_BY_HAND, ...evidenceTexts(reading.evidence)];
    reading.outcome.evidence = evidence;
    return { outcome: reading.outcome, evidence };
  }
  const lacks = reading.lacks ?? '';
  return {
    outcome: { reason: `未识别：已指定为${TEMPLATE_LABEL[template]}，但${lacks || '无法按该表读取'}` },
    evidence: [CHOSEN_BY_HAND],
    candidate: { template, evidence: [CHOSEN_BY_HAND], lacks },
  };
}

/** The sheet's recognition alone (drafts and tests). */
export function recognizeSheet(sheet: SheetGrid, chosen?: TemplateId): RecognitionOutcome {
  return recognizeWithEvidence(sheet, chosen).outcome;
}

export interface CheckedWorkbook {
  result: CheckResult;
  /** The recognitions the check made, for the pane's drafts, so it never recognises the workbook twice. */
  context: WorkbookContext;
}

export interface CheckOptions {
  /** 指定表类型: templates set by hand, by sheet name. */
  templates?: TemplateChoices;
}

export function checkWorkbook(workbook: WorkbookGrid, options: CheckOptions = {}): CheckResult {
  return checkInContext(workbook, options).result;
}

export function checkInContext(input: WorkbookGrid, options: CheckOptions = {}): CheckedWorkbook {
  const workbook = userSheetsOnly(input);
  const sheets: SheetSummary[] = [];
  const findings: Finding[] = [];
  const recognitions: Recognition[] = [];

  for (const sheet of workbook.sheets) {
    const { outcome, evidence, candidate } = recognizeWithEvidence(sheet, options.templates?.get(sheet.name));
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
      summary.evidence = evidence;
      sheets.push(summary);
    } else {
      const summary: SheetSummary = { name: sheet.name, template: null, unit: null, reason: outcome?.reason ?? unrecognisedReason(sheet) };
      if (candidate) summary.candidate = candidate;
      sheets.push(summary);
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

/**
 * A table without a unit line takes the unit its own kind's tables share (公开表 from 公开表, 自评表 from 自评表),
 * with an R-UNIT note (README "Reading cells" (g)): a 自评表 beside 元 公开表 is not thereby in 元.
 */
function assumeMissingUnits(recognitions: Recognition[], sheets: SheetSummary[], findings: Finding[]): void {
  for (const r of recognitions) {
    if (r.unit !== null || r.template === 'situation-notes') continue;
    const stated = recognitions.filter((o) => o.family === r.family).map((o) => o.unit).filter((u): u is Unit => u !== null);
    const shared: Unit | null = stated.length > 0 && stated.every((u) => u === stated[0]) ? stated[0] : stated.length ? mostCommon(stated) : null;
    const assumed: Unit = shared ?? '万元';
    r.unit = assumed;
    const summary = sheets.find((s) => s.name === r.sheet.name);
    if (summary) summary.unit = assumed;
    const kind = r.family === 'selfeval' ? '绩效自评表' : '公开表';
    findings.push({
      sheet: r.sheet.name,
      cell: null,
      rule: 'R-UNIT',
      severity: 'info',
      stated: null,
      expected: assumed,
      message: shared
        ? `未找到金额单位，按本工作簿其他${kind}的单位“${assumed}”处理`
        : `未找到金额单位，本工作簿其他${kind}也没有注明单位，暂按“${assumed}”处理，请核对`,
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
