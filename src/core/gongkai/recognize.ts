/**
 * Recognises a 公开表 by its content (gongkai-layouts.md §3) and builds its model (§2, §4): title and header
 * signature decide the role, the 栏次 row numbers the amount columns, 行次 or codes key the rows.
 */
import { Finding, Unit } from '../findings';
import { SheetGrid } from '../grid';

import { anyText, HEAD_ROWS, sheetProfile } from '../profile';
import { Candidate, couldBeat, Evidence, EVIDENCE_WEIGHT, Reading, Recognition, RecognitionOutcome, scoreOf } from '../recognition';
import { norm } from '../text';
import { MARKER_PATTERN, Signature, SIGNATURES, TITLE_RULES, TRAILER_PATTERN, UNIT_PATTERN } from './layouts';
import { GongkaiTemplate, GTable } from './model';
import { TEMPLATE_LABEL } from '../findings';
import R_LAYOUT from '../reading/R-LAYOUT';
import { parseTable } from './parse';
import { Meta } from './zone';

/**
 * Words one of which every 公开 title or header signature holds (§3 steps 1–2; spaces allowed inside, as PDF
 * exports letter-space them): a sheet without any is no 公开表, and its title and meta lines are not read. A 自评表
 * that speaks of 决算真实性 or 三公经费控制率 has none of them.
 */
const GONGKAI_WORD = /决算(总|明细)?表|决算数|三公.*表|明细表|人员经费|本年收入|本年支出|政府采购|政府性基金|国有资本经营/;
const GONGKAI_CHAR = /[决三政国明人本]/;

/**
 * The 公开 family's claims on a sheet (§3 item 7): every role its title or header signature names, each with the
 * cues found in the sheet's profile; reading the sheet as that role adds the body evidence (amount columns found by
 * their header words, coded or 行次 rows, totals) or says what was lacking.
 */
export function gongkaiCandidates(sheet: SheetGrid, toBeat = 0): Candidate[] {
  // Against a claim that only body + header + title can match (a 自评表 read as one), a 公开 claim without a title
  // cannot win: look for one in the first rows before anything else.
  const withoutTitle = EVIDENCE_WEIGHT.body + EVIDENCE_WEIGHT.header + EVIDENCE_WEIGHT.marker + EVIDENCE_WEIGHT.shape;
  if (!couldBeat(withoutTitle, toBeat) && !hasTableTitle(sheet)) return [];
  if (!anyText(sheet, GONGKAI_CHAR, GONGKAI_WORD)) return [];
  const profile = sheetProfile(sheet);
  const meta = readMeta(sheet);
  const titleRole = meta.title ? TITLE_RULES.find((r) => r.test(meta.title))?.template ?? null : null;
  const matches = signatureRoles(profile, meta.title);
  const roles = [...matches.map((m) => m.template)];
  if (titleRole && !roles.includes(titleRole)) roles.push(titleRole);
  return roles.map((role) => {
    const evidence: Evidence[] = [];
    const sig = matches.find((m) => m.template === role);
    if (sig) evidence.push({ kind: 'header', text: `表头含${sig.all.join('、')}` });
    if (role === titleRole) evidence.push({ kind: 'title', text: `标题“${meta.titleRaw.trim()}”` });
    if (meta.marker) evidence.push({ kind: 'marker', text: `表号“${meta.marker}”` });
    return { family: 'gongkai' as const, template: role, evidence, read: () => readAs(sheet, role, meta, titleRole) };
  });
}

/** Reads the sheet as one role: the body evidence, or what it lacked. */
function readAs(sheet: SheetGrid, role: GongkaiTemplate, meta: Meta, titleRole: GongkaiTemplate | null): Reading {
  const parsed = parseTable(sheet, role, meta);
  if (typeof parsed === 'string') return { outcome: { reason: `未识别：像${TEMPLATE_LABEL[role]}，但${parsed}` }, evidence: [], lacks: parsed };
  // The header decides when it contradicts the title (§3 step 2); say so.
  if (titleRole && titleRole !== role) parsed.findings.unshift(layoutNote(sheet, `标题“${meta.titleRaw}”与表头不符：表头符合${TEMPLATE_LABEL[role]}，按表头识别`));
  const recognition: Recognition<GTable> = {
    family: 'gongkai', template: role, variant: parsed.variant, unit: meta.unit, marker: meta.marker, findings: parsed.findings, sheet, model: parsed,
  };
  return { outcome: recognition, evidence: [{ kind: 'body', text: bodyEvidence(parsed) }] };
}

function bodyEvidence(t: GTable): string {
  const found = t.columnsFrom === 'lanci' ? '（栏次确认）' : '（按表头文字）';
  if (t.be) {
    const classes = t.be.items.filter((i) => i.code.length === 3).length;
    return `表体：经济分类 ${classes} 类 ${t.be.items.length - classes} 款${t.be.personnel ? '，人员经费合计行' : ''}`;
  }
  if (t.template === 'disclosure-stats') return `表体：按行次的行 ${t.halves[0]?.lines.size ?? 0} 行，行次列右侧为金额`;
  if (t.halves.length) {
    const lines = t.halves.reduce((n, h) => n + h.lines.size, 0);
    return `表体：金额列 ${t.halves.reduce((n, h) => n + h.columns.length, 0)} 列${found}，按行次的行 ${lines} 行`;
  }
  if (t.dataRow !== null || t.template === 'three-public') return `表体：金额列 ${t.columns.length} 列${found}，数据行 ${t.dataRow === null ? 0 : 1} 行`;
  return `表体：金额列 ${t.columns.length} 列${found}，${t.totalRow !== null ? '合计行、' : ''}科目编码行 ${t.codeRows.length} 行${t.splitCodes ? '（类、款、项分列）' : ''}`;
}

/** The sheet read as a role the accountant chose (指定表类型), whatever its cues. */
export function readGongkaiAs(sheet: SheetGrid, role: GongkaiTemplate): Reading {
  const meta = readMeta(sheet);
  return readAs(sheet, role, meta, null);
}

/** The family's claim alone, strongest first (tests; the engine lets it compete with the others). */
export function recognizeGongkai(sheet: SheetGrid): RecognitionOutcome {
  let rejection: RecognitionOutcome = null;
  const candidates = gongkaiCandidates(sheet).sort((a, b) => scoreOf(b.evidence) - scoreOf(a.evidence));
  for (const c of candidates) {
    const r = c.read();
    if (r.outcome && 'template' in r.outcome) return r.outcome;
    rejection ??= r.outcome;
  }
  return rejection;
}

function layoutNote(sheet: SheetGrid, message: string, cell: string | null = null): Finding {
  return { sheet: sheet.name, cell, rule: R_LAYOUT.id, severity: 'info', stated: null, expected: null, message };
}

// ------------------------------------------------------------------------------------------- title, marker, unit

const META_LABEL = /^(部门|部门名称|单位名称|编制单位|单位|金额单位)[:：]|^\d{4}年度?$|^\d{4}年\d{1,2}月/;

function readMeta(sheet: SheetGrid): Meta {
  let title = '';
  let titleRaw = '';
  let unit: Unit | null = null;
  let marker: string | undefined;
  const head = sheetProfile(sheet).head;
  const firstRow = head.length ? head[0].row : 0;
  for (const { row, raw, n } of head) {
    if (!marker && MARKER_PATTERN.test(n)) {
      marker = raw.replace(/\s+/g, '');
      continue;
    }
    const unitMatch = UNIT_PATTERN.exec(n);
    const trailer = TRAILER_PATTERN.test(n);
    // Meta lines may share one row, or be folded into the title (`…决算表（部门：… 金额单位：元）`).
    if (unitMatch && !unit && !trailer && (n.length <= 30 || META_LABEL.test(n) || namesTable(n))) unit = unitMatch[1] as Unit;
    // A banner above the title (`某局2021年度部门决算公开`) is a candidate too: the first one naming a table wins.
    if (row >= firstRow + 10 || n.length < 4 || trailer || META_LABEL.test(n)) continue;
    const candidate = (n.length <= 60 && !unitMatch && (n.includes('表') || n.includes('决算'))) || (n.length <= 160 && namesTable(n));
    if (candidate && (!title || (!namesTable(title) && namesTable(n)))) {
      title = n;
      titleRaw = raw;
    }
  }
  return { title, titleRaw, unit, marker };
}

/** A title naming a 公开表 in the first rows of content (§3 step 1), found without the sheet's profile. */
function hasTableTitle(sheet: SheetGrid): boolean {
  let first = -1;
  for (let r = 0; r < Math.min(sheet.rowCount, HEAD_ROWS) && (first < 0 || r < first + 10); r++) {
    for (const cell of sheet.cells[r] ?? []) {
      if (!cell || typeof cell.value !== 'string' || !cell.value.trim()) continue;
      if (first < 0) first = r;
      if (cell.value.length <= 200 && namesTable(norm(cell.value))) return true;
    }
  }
  return false;
}

function namesTable(title: string): boolean {
  return TITLE_RULES.some((r) => r.test(title));
}

/** Every role whose header signature the sheet's labels carry, most specific first. */
function signatureRoles({ labels, joined }: { labels: string[]; joined: string }, title: string): Signature[] {
  const count = (word: string) => labels.filter((l) => l === word || l.endsWith(word)).length;
  const roles: Signature[] = [];
  for (const sig of SIGNATURES) {
    if (sig.needsTitle && !title.includes(sig.needsTitle)) continue;
    if (!sig.all.every((w) => joined.includes(w))) continue;
    if (sig.none?.some((w) => joined.includes(w))) continue;
    if (sig.twice?.some((w) => count(w) < 2)) continue;
    if (!roles.some((r) => r.template === sig.template)) roles.push(sig);
  }
  return roles;
}
