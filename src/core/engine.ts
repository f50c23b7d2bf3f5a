/**
 * The checking engine: recognise every sheet, then run the 公开表 identities, the 自评表 rules and the narrative
 * checks, and collect one list of findings (checkInContext: the stages in order). Knows nothing of Office.js, files
 * or React.
 */
import { columnLetters, parseA1 } from './address';
import { CheckResult, Finding, ProposedEdit, SheetSummary, TEMPLATE_LABEL, TemplateId, Unit } from './findings';
import { SheetGrid, WorkbookGrid, userSheetsOnly } from './grid';
import {
  Candidate, compete, evidenceTexts, isRecognition, nearTieNote, Reading, Recognition, RecognitionOutcome, scoreOf,
} from './recognition';
import { gongkaiRun, GTable } from './gongkai';
import { append, WorkbookContext } from './workbook-context';
import { gongkaiCandidates, readGongkaiAs } from './gongkai/recognize';
import { checkSelfEval, readSelfEvalAs, selfEvalCandidates, selfEvalRun } from './selfeval';
import { checkNarratives } from './narrative';
import { notesCandidates, readSituationNotes } from './narrative/recognize';
import R_UNIT from './reading/R-UNIT';
import { reportOf } from './rules/definition';

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

/**
 * The pipeline, one stage after another, each returning new values: read (the host's grid, the add-in's own sheets
 * left out) → recognise every sheet → resolve the units a table did not state → the 公开表 and 自评表 checks → the
 * narrative checks, given those checks' results (cell values, identities, settled readings) as typed inputs →
 * finalise (hidden rows said, findings in sheet order, fixes to write).
 */
export function checkInContext(input: WorkbookGrid, options: CheckOptions = {}): CheckedWorkbook {
  const workbook = userSheetsOnly(input);
  const recognised = recogniseSheets(workbook, options);
  const resolved = resolveUnits(recognised.recognitions);
  const context: WorkbookContext = { workbook, recognitions: resolved.recognitions };
  const gongkai = gongkaiRun(context);
  const selfEval = checkSelfEval(context);
  const narrative = checkNarratives(context, { gongkai, selfEval: selfEvalRun(context) });
  const findings: Finding[] = [];
  for (const list of [recognised.findings, resolved.notes, gongkai.findings, selfEval.findings, narrative.findings]) append(findings, list);
  const sheets = recognised.sheets.map((s) => {
    const unit = resolved.units.get(s.name);
    return unit && s.unit !== unit ? { ...s, unit } : s;
  });
  // The 舍位平衡 fixes follow the S rules' recomputed values, in their findings' order (one per cell: the first wins).
  const fixOf = new Map(gongkai.fixes.map((x) => [x.finding, x.fix]));
  const fixes = sortFindings(workbook, gongkai.fixes.map((x) => x.finding)).map((f) => fixOf.get(f)!);
  return { result: finalise(workbook, sheets, findings, [...(selfEval.edits ?? []), ...fixes]), context };
}

interface Recognised {
  recognitions: Recognition[];
  sheets: SheetSummary[];
  /** The recognisers' own notes (R-LAYOUT, S-STR-02, …). */
  findings: Finding[];
}

/** Stage: every sheet read as the family whose claim wins (or as the template chosen for it), or told why none did. */
function recogniseSheets(workbook: WorkbookGrid, options: CheckOptions): Recognised {
  const out: Recognised = { recognitions: [], sheets: [], findings: [] };
  for (const sheet of workbook.sheets) {
    const { outcome, evidence, candidate } = recognizeWithEvidence(sheet, options.templates?.get(sheet.name));
    if (isRecognition(outcome)) {
      out.recognitions.push(outcome);
      append(out.findings, outcome.findings);
      out.sheets.push({ ...summaryOf(sheet, outcome), evidence });
    } else {
      const summary: SheetSummary = { name: sheet.name, template: null, unit: null, reason: outcome?.reason ?? unrecognisedReason(sheet) };
      if (candidate) summary.candidate = candidate;
      out.sheets.push(summary);
    }
  }
  return out;
}

function summaryOf(sheet: SheetGrid, outcome: Recognition): SheetSummary {
  const summary: SheetSummary = { name: sheet.name, template: outcome.template, unit: outcome.unit };
  if (outcome.variant) summary.variant = outcome.variant;
  if (outcome.marker) summary.marker = outcome.marker;
  if (outcome.tables && outcome.tables.length > 1) summary.tables = outcome.tables;
  const halves = outcome.family === 'gongkai' ? (outcome.model as { halves?: { labelCol: number }[] }).halves : undefined;
  if (halves?.length === 2 && halves[1].labelCol > 0) {
    const split = halves[1].labelCol;
    summary.halves = [`A:${columnLetters(split - 1)}`, `${columnLetters(split)}:${columnLetters(Math.max(split, sheet.colCount - 1))}`];
  }
  return summary;
}

/** Stage: the findings in sheet order, each on a hidden row saying so, and the fixes on offer. */
function finalise(workbook: WorkbookGrid, sheets: SheetSummary[], findings: Finding[], edits: ProposedEdit[]): CheckResult {
  return { file: workbook.fileName, sheets, findings: sortFindings(workbook, withHiddenRows(workbook, findings)), edits };
}

function unrecognisedReason(sheet: WorkbookGrid['sheets'][number]): string {
  const hasContent = sheet.cells.some((row) => row?.some((c) => c && c.value !== null && String(c.value).trim() !== ''));
  if (!hasContent) return '未识别：空白工作表';
  return '未识别：标题和表头与已知的公开表、绩效自评表、情况说明均不匹配';
}

/**
 * Stage: a table without a unit line takes the unit its own kind's tables share (公开表 from 公开表, 自评表 from
 * 自评表), with an R-UNIT note (README "Reading cells" (g)): a 自评表 beside 元 公开表 is not thereby in 元. A unit
 * assumed for one table counts for the tables after it. Returns new recognitions (a 公开表's model copied with the
 * unit its identities convert by) and leaves the recognisers' own untouched.
 */
function resolveUnits(recognitions: Recognition[]): { recognitions: Recognition[]; units: Map<string, Unit>; notes: Finding[] } {
  const units = new Map<string, Unit>();
  const notes: Finding[] = [];
  const resolved: Recognition[] = [];
  recognitions.forEach((r, i) => {
    if (r.unit !== null || r.template === 'situation-notes') {
      resolved.push(withModelUnit(r, r.unit));
      return;
    }
    const unitOf = (o: Recognition, j: number) => (j < i ? resolved[j].unit : o.unit);
    const stated = recognitions.filter((o) => o.family === r.family).map((o) => unitOf(o, recognitions.indexOf(o))).filter((u): u is Unit => u !== null);
    const shared: Unit | null = stated.length > 0 && stated.every((u) => u === stated[0]) ? stated[0] : stated.length ? mostCommon(stated) : null;
    const assumed: Unit = shared ?? '万元';
    units.set(r.sheet.name, assumed);
    const kind = r.family === 'selfeval' ? '绩效自评表' : '公开表';
    notes.push(reportOf(R_UNIT, 'info', {
      sheet: r.sheet.name,
      cell: null,
      expected: assumed,
      message: shared
        ? `未找到金额单位，按本工作簿其他${kind}的单位“${assumed}”处理`
        : `未找到金额单位，本工作簿其他${kind}也没有注明单位，暂按“${assumed}”处理，请核对`,
    }));
    resolved.push(withModelUnit({ ...r, unit: assumed }, assumed));
  });
  return { recognitions: resolved, units, notes };
}

/** A 公开表's table converts by its unit: the resolved one, set on a copy of the model when it differs. */
function withModelUnit(r: Recognition, unit: Unit | null): Recognition {
  if (r.family !== 'gongkai') return r;
  const model = r.model as GTable;
  return model.unit === unit ? r : { ...r, model: { ...model, unit } };
}

function mostCommon(units: Unit[]): Unit {
  const wan = units.filter((u) => u === '万元').length;
  return wan >= units.length - wan ? '万元' : '元';
}

/** A finding on a hidden row says so (README "Reading cells" (d)): new findings, the families' own left as they are. */
function withHiddenRows(workbook: WorkbookGrid, findings: Finding[]): Finding[] {
  const byName = new Map(workbook.sheets.map((s) => [s.name, s]));
  return findings.map((f) => {
    if (!f.cell || f.hiddenRow) return f;
    const pos = parseA1(f.cell);
    const sheet = byName.get(f.sheet);
    return pos && sheet?.hiddenRows.has(pos.row) ? { ...f, hiddenRow: true, message: `${f.message}（该行为隐藏行）` } : f;
  });
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
