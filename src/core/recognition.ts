/**
 * What a recogniser says about one sheet, and how the families' claims compete (gongkai-layouts.md §3 item 7).
 * Each family (公开表, 自评表, 情况说明) offers scored candidates built from the sheet's cheap profile; the strongest
 * evidence wins, in the spec's order: a body that reads as the role's grid > header signature > title > marker >
 * text shape. The weights, the near-tie margin and the tie order are data here, in one place.
 */
import { Finding, TableSpan, TemplateId, TEMPLATE_LABEL, Unit } from './findings';
import { SheetGrid } from './grid';
import R_LAYOUT from './reading/R-LAYOUT';

export interface Recognition<Model = unknown> {
  family: 'gongkai' | 'selfeval' | 'notes';
  template: TemplateId;
  variant?: string;
  /** The unit the sheet states; null when it states none (the engine may assume one, R-UNIT). */
  unit: Unit | null;
  marker?: string;
  tables?: TableSpan[];
  /** Reading findings found while recognising (R-LAYOUT, S-STR-02, …). */
  findings: Finding[];
  sheet: SheetGrid;
  model: Model;
  /** The cues that won the sheet for this template, in Chinese (shown in the report and the pane). */
  evidence?: string[];
}

/** A sheet no recogniser claimed, or one a recogniser positively rejected (e.g. 绩效目标表). */
export interface Rejection {
  reason: string;
}

export type RecognitionOutcome = Recognition | Rejection | null;

export function isRecognition(o: RecognitionOutcome): o is Recognition {
  return !!o && 'template' in o;
}

// ------------------------------------------------------------------------------------------- competing claims

/** The kinds of evidence of §3 item 7, strongest first. */
export type EvidenceKind = 'body' | 'header' | 'title' | 'marker' | 'shape';

export interface Evidence {
  kind: EvidenceKind;
  /** The cue as an accountant would name it: `标题“…”`, `表头含…`, `金额列 5 列`. */
  text: string;
}

/**
 * Each kind outweighs all weaker kinds together (powers of two), so the order of §3 item 7 is the order of the
 * scores: a body read as the role's grid beats header + title + marker + text shape.
 */
export const EVIDENCE_WEIGHT: Record<EvidenceKind, number> = { body: 16, header: 8, title: 4, marker: 2, shape: 1 };

/**
 * Evidence weighing less than this does not separate two claims: claims whose evidence differs only there are a
 * near-tie, decided by CLAIM_ORDER and reported (R-LAYOUT). Text shape alone never outweighs the spec's order.
 */
export const NEAR_TIE_BELOW = EVIDENCE_WEIGHT.marker;

/** The part of a score that separates claims. */
function strength(score: number): number {
  return Math.floor(score / NEAR_TIE_BELOW);
}

/** Whether a claim that can reach at most `max` could still win against (or tie with) one of score `best`. */
export function couldBeat(max: number, best: number): boolean {
  return strength(max) >= strength(best);
}

/**
 * The order that decides a near-tie: §3's own order — the self-evaluation kinds (selfeval.md §5 step 1), the 公开
 * roles in the order of the title rules (§3 step 1), the narrative last (§3 step 4).
 */
export const CLAIM_ORDER: TemplateId[] = [
  'department-selfeval', 'project-selfeval',
  'three-public', 'gov-fund', 'state-capital', 'disclosure-stats', 'basic-expenditure', 'general-budget-expenditure',
  'fiscal-summary', 'income-expenditure-summary', 'income', 'expenditure',
  'situation-notes',
];

/** What reading the sheet as the candidate's template gave: the outcome and the evidence of its body. */
export interface Reading {
  outcome: RecognitionOutcome;
  evidence: Evidence[];
  /** Why the body did not read as the role's grid (for an unrecognised sheet's report). */
  lacks?: string;
}

/** One family's claim on a sheet. `read` is called only while the claim can still win. */
export interface Candidate {
  family: Recognition['family'];
  template: TemplateId;
  /** Evidence from the cheap profile (title, header words, marker, text shape). */
  evidence: Evidence[];
  read: () => Reading;
}

export function scoreOf(evidence: Evidence[]): number {
  const kinds = new Set(evidence.map((e) => e.kind));
  let score = 0;
  for (const k of kinds) score += EVIDENCE_WEIGHT[k];
  return score;
}

function claimRank(template: TemplateId): number {
  const i = CLAIM_ORDER.indexOf(template);
  return i < 0 ? CLAIM_ORDER.length : i;
}

export interface ClaimResult {
  template: TemplateId;
  evidence: Evidence[];
  score: number;
  reading: Reading;
}

export interface Competition {
  /** The winning recognition, with its evidence; null when no claim read as a table. */
  winner: ClaimResult | null;
  /** The strongest other claim that also read, when it was as strong (NEAR_TIE_BELOW; reported as R-LAYOUT). */
  nearTie: ClaimResult | null;
  /** The best claim that did not read, for the 未识别 report. */
  bestFailed: ClaimResult | null;
  /** A positive rejection (绩效目标表) found on the way. */
  rejection: Rejection | null;
}

/**
 * Reads candidates in the order of their profile score and stops as soon as no remaining claim can beat the best
 * one found, even with a body: usually one table is read once, as before.
 */
export function compete(candidates: Candidate[]): Competition {
  const order = candidates
    .map((c) => ({ c, score: scoreOf(c.evidence) }))
    .sort((a, b) => b.score - a.score || claimRank(a.c.template) - claimRank(b.c.template));
  const read: ClaimResult[] = [];
  const failed: ClaimResult[] = [];
  let rejection: Rejection | null = null;
  let best = -1;
  for (const { c, score } of order) {
    if (!couldBeat(score + EVIDENCE_WEIGHT.body, best)) continue;
    const reading = c.read();
    const evidence = [...c.evidence, ...reading.evidence];
    const result: ClaimResult = { template: c.template, evidence, score: scoreOf(evidence), reading };
    if (isRecognition(reading.outcome)) {
      read.push(result);
      best = Math.max(best, result.score);
    } else {
      if (reading.outcome && !rejection) rejection = reading.outcome;
      failed.push(result);
    }
  }
  read.sort((a, b) => strength(b.score) - strength(a.score) || claimRank(a.template) - claimRank(b.template) || b.score - a.score);
  const winner = read[0] ?? null;
  const nearTie = winner ? read.find((r) => r !== winner && r.template !== winner.template && strength(r.score) === strength(winner.score)) ?? null : null;
  failed.sort((a, b) => b.score - a.score || claimRank(a.template) - claimRank(b.template));
  return { winner, nearTie, bestFailed: failed[0] ?? null, rejection };
}

/** The R-LAYOUT note of a near-tie, naming the runner-up. */
export function nearTieNote(sheet: SheetGrid, winner: ClaimResult, runnerUp: ClaimResult): Finding {
  return {
    sheet: sheet.name,
    cell: null,
    rule: R_LAYOUT.id,
    severity: 'info',
    stated: null,
    expected: null,
    message: `本表既像${TEMPLATE_LABEL[winner.template]}也像${TEMPLATE_LABEL[runnerUp.template]}，两者依据相当，按规范的识别顺序定为${TEMPLATE_LABEL[winner.template]}（次选：${TEMPLATE_LABEL[runnerUp.template]}）；如不对，请指定表类型`,
  };
}

export function evidenceTexts(evidence: Evidence[]): string[] {
  const order: EvidenceKind[] = ['body', 'header', 'title', 'marker', 'shape'];
  const out: string[] = [];
  for (const kind of order) for (const e of evidence) if (e.kind === kind && !out.includes(e.text)) out.push(e.text);
  return out;
}
