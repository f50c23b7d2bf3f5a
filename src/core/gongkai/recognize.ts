/**
 * Recognises a 公开表 by its content (gongkai-layouts.md §3) and builds its model (§2, §4): title and header
 * signature decide the role, the 栏次 row numbers the amount columns, 行次 or codes key the rows.
 */
import { Finding, Unit } from '../findings';
import { Cell, cellAt, mergeCovering, rawText, SheetGrid } from '../grid';
import { readNumber } from '../numbers';
import { anyText, HEAD_ROWS, sheetProfile } from '../profile';
import { Candidate, couldBeat, Evidence, EVIDENCE_WEIGHT, Reading, Recognition, RecognitionOutcome, scoreOf } from '../recognition';
import { labelKey, norm } from '../text';
import {
  BE_VARIANT_BY_COLUMNS, CLASS_LINE_START, COLUMN_WORDS, HEADER_WORDS, LINE_LABELS, MARKER_PATTERN, Signature, SIGNATURES, TITLE_RULES, TRAILER_PATTERN, UNIT_PATTERN,
} from './layouts';
import { AmountColumn, BeItem, BeModel, FUNCTION_CLASSES, GongkaiTemplate, GTable, Half, Pos } from './model';
import { TEMPLATE_LABEL } from '../findings';
import R_LAYOUT from '../reading/R-LAYOUT';

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

interface Meta {
  title: string;
  titleRaw: string;
  unit: Unit | null;
  marker?: string;
}

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

// ------------------------------------------------------------------------------------------- shared zone finding

function textAt(sheet: SheetGrid, row: number, col: number): string {
  const cell = cellAt(sheet, row, col);
  if (cell && rawText(cell).trim() !== '') return rawText(cell);
  const m = mergeCovering(sheet, row, col);
  return m ? rawText(cellAt(sheet, m.top, m.left)) : '';
}

function isHeaderWord(n: string): boolean {
  return HEADER_WORDS.includes(n) || n.includes('科目编码') || n.includes('科目代码');
}

function findHeaderTop(sheet: SheetGrid): number | null {
  const rows = Math.min(sheet.rowCount, HEAD_ROWS);
  for (let r = 0; r < rows; r++) {
    for (const cell of sheet.cells[r] ?? []) {
      if (cell && typeof cell.value === 'string' && isHeaderWord(norm(cell.value))) return r;
    }
  }
  return null;
}

/** The integer a cell holds (a number, `1.00`, or text digits), else null. */
function integerOf(cell: Cell | undefined): number | null {
  if (!cell || cell.value === null || cell.value === '') return null;
  const r = readNumber(cell);
  if (r.kind !== 'number' || r.percent || !r.value.isInteger()) return null;
  return r.value.toNumber();
}

/**
 * The 栏次 row: numbers 1…n in column order, labelled 栏次 or long enough (3P prints 1–12 unlabelled). When
 * column numbers are printed twice (S24 02), the last such header row wins.
 */
function findLanciRow(sheet: SheetGrid, headerTop: number): { row: number; columns: { col: number; lanci: number }[] } | null {
  let found: { row: number; columns: { col: number; lanci: number }[] } | null = null;
  const last = Math.min(sheet.rowCount - 1, headerTop + 6);
  for (let r = headerTop; r <= last; r++) {
    const cols: { col: number; lanci: number }[] = [];
    let labelled = false;
    let other = false;
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || rawText(cell).trim() === '') continue;
      const n = norm(rawText(cell));
      if (n === '栏次') {
        labelled = true;
        continue;
      }
      const k = integerOf(cell);
      if (k !== null) cols.push({ col: c, lanci: k });
      else if (typeof cell.value === 'number') other = true;
    }
    const sequential = cols.length > 0 && cols.every((x, i) => x.lanci === i + 1);
    if (sequential && !other && (labelled || cols.length >= 3)) found = { row: r, columns: cols };
    // A row of words (split 类|款|项 heads under printed column numbers) does not end the header; a row of figures does.
    else if (found && (cols.length > 0 || other)) break;
  }
  return found;
}

interface LocatedColumns {
  /** The 栏次 row, or the last row above the body when the table prints none. */
  row: number;
  /** The last header row. */
  headerBottom: number;
  columns: AmountColumn[];
  from: 'lanci' | 'words';
}

/**
 * The amount columns of a role (§3, after item 7): headed by an amount word of the role, numbered by those words
 * and confirmed by the 栏次 row where one exists. The 栏次 row is used when present and never needed.
 */
function locateColumns(sheet: SheetGrid, template: GongkaiTemplate, headerTop: number): LocatedColumns | string {
  const lanci = findLanciRow(sheet, headerTop);
  if (lanci) {
    const headerBottom = lastFilledRow(sheet, headerTop, lanci.row - 1);
    return { row: lanci.row, headerBottom, from: 'lanci', columns: lanci.columns.map((x) => ({ ...x, header: columnHeader(sheet, x.col, headerTop, headerBottom) })) };
  }
  const body = findBodyTop(sheet, headerTop);
  if (body < 0) return '没有找到表体（数字行或合计行）';
  const headerBottom = lastFilledRow(sheet, headerTop, body - 1);
  const headers = Array.from({ length: sheet.colCount }, (_, c) => columnHeader(sheet, c, headerTop, headerBottom));
  const columns: AmountColumn[] = [];
  const words = amountWords(template, headers);
  headers.forEach((header, col) => {
    const lanci = lanciOfHeader(template, header, words);
    if (lanci !== null) columns.push({ col, lanci: lanci === 0 ? columns.length + 1 : lanci, header });
  });
  if (columns.length === 0) return '没有找到金额列（表头没有本表的金额栏目）';
  return { row: body - 1, headerBottom, columns, from: 'words' };
}

function lastFilledRow(sheet: SheetGrid, top: number, bottom: number): number {
  for (let r = bottom; r > top; r--) if ((sheet.cells[r] ?? []).some(hasText)) return r;
  return top;
}

/** The words of the role's amount columns; state-capital has the gov-fund heads (8 col) or the GB ones (5 col). */
function amountWords(template: GongkaiTemplate, headers: string[]): [string, number][] {
  if (template === 'state-capital') return headers.some((h) => h.includes('年初结转和结余')) ? COLUMN_WORDS['gov-fund']! : COLUMN_WORDS['general-budget-expenditure']!;
  return COLUMN_WORDS[template] ?? [];
}

/** A column's 栏次 from its header words; 0 = numbered in column order; null = not an amount column. */
function lanciOfHeader(template: GongkaiTemplate, header: string, words: [string, number][]): number | null {
  if (!header) return null;
  const hit = words.find(([w]) => header.endsWith(w));
  if (!hit) return null;
  if (template !== 'three-public') return hit[1];
  // 三公: the same six heads under 预算数 (栏1–6) and 决算数 (栏7–12).
  if (header.includes('决算数')) return hit[1] + 6;
  return header.includes('预算数') ? hit[1] : null;
}

/**
 * The first body row below the header: a row holding a number (or a number written as text), or a 合计/总计 label
 * under a label head (项目, 科目编码, 科目名称) — an empty table has only its 合计 row.
 */
function findBodyTop(sheet: SheetGrid, headerTop: number): number {
  const last = Math.min(sheet.rowCount - 1, headerTop + 12);
  for (let r = headerTop + 1; r <= last; r++) {
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!hasText(cell)) continue;
      if (typeof cell!.value === 'number' || (typeof cell!.value === 'string' && NUMERIC_TEXT.test(cell!.value.trim()))) return r;
      const raw = rawText(cell).trim();
      if (isTotalLabel(raw) && /项目|编码|代码|名称/.test(columnHeader(sheet, c, headerTop, r - 1))) return r;
    }
  }
  return -1;
}

const NUMERIC_TEXT = /^[-(（]?\d[\d,，]*(?:\.\d+)?[)）]?$/;

/**
 * The words over a column, top to bottom. A group head above the last header row covers the columns to its right up
 * to the next head, merged or not (a re-typed table often drops the merges).
 */
function columnHeader(sheet: SheetGrid, col: number, top: number, bottom: number): string {
  const parts: string[] = [];
  let own = false;
  for (let r = top; r <= bottom; r++) {
    let n = norm(textAt(sheet, r, col));
    // Only a column with no head of its own above takes a group head from the left (预算数 over 栏1–6), so a
    // column headed 本年收入合计 above two empty rows never takes 科目名称 from beside it.
    if (n) own = true;
    else if (!own && r < bottom) n = groupHead(sheet, r, col);
    // Column numbers printed in a header row (S24 02) are not words.
    if (n && !/^\d+(\.0+)?$/.test(n) && parts[parts.length - 1] !== n) parts.push(n);
  }
  return parts.join('');
}

/** The nearest head to the left on an upper header row, when the cells between are empty. */
function groupHead(sheet: SheetGrid, row: number, col: number): string {
  for (let c = col - 1; c >= 0; c--) {
    const n = norm(textAt(sheet, row, c));
    if (n) return /^\d+(\.0+)?$/.test(n) ? '' : n;
  }
  return '';
}

function hasText(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.error) return true;
  const v = cell.value;
  return v !== null && !(typeof v === 'string' && v.trim() === '');
}

function isTrailerRow(sheet: SheetGrid, row: number): boolean {
  for (const cell of sheet.cells[row] ?? []) {
    if (!hasText(cell)) continue;
    // A number or a code is never a 注/说明 line; most body rows stop here without normalising text.
    if (typeof cell!.value === 'number' || /^\s*\d/.test(rawText(cell))) return false;
    return TRAILER_PATTERN.test(norm(rawText(cell)));
  }
  return false;
}

/** Body rows from `top` to the first 注/说明 trailer; blank rows are skipped later, never an end. */
function bodyBottom(sheet: SheetGrid, top: number): number {
  let bottom = top - 1;
  for (let r = top; r < sheet.rowCount; r++) {
    if (isTrailerRow(sheet, r)) break;
    if ((sheet.cells[r] ?? []).some(hasText)) bottom = r;
  }
  return bottom;
}

function emptyTable(sheet: SheetGrid, template: GongkaiTemplate, meta: Meta): GTable {
  return {
    template, unit: meta.unit, marker: meta.marker, title: meta.title, sheet, bodyTop: 0, bodyBottom: -1, halves: [], columns: [],
    totalRow: null, codeRows: [], dataRow: null, be: null, amountCells: [], findings: [],
  };
}

// ------------------------------------------------------------------------------------------- per-role parsing

function parseTable(sheet: SheetGrid, template: GongkaiTemplate, meta: Meta): GTable | string {
  const headerTop = findHeaderTop(sheet);
  if (headerTop === null) return '没有找到表头';
  const t = emptyTable(sheet, template, meta);
  switch (template) {
    case 'income-expenditure-summary':
    case 'fiscal-summary':
      return parseTwoSided(t, headerTop);
    case 'income':
    case 'expenditure':
    case 'general-budget-expenditure':
    case 'gov-fund':
    case 'state-capital':
      return parseCoded(t, headerTop);
    case 'basic-expenditure':
      return parseBasic(t, headerTop);
    case 'three-public':
      return parseThreePublic(t, headerTop);
    case 'disclosure-stats':
      return parseDisclosure(t, headerTop);
  }
}

function parseTwoSided(t: GTable, headerTop: number): GTable | string {
  const sheet = t.sheet;
  const located = locateColumns(sheet, t.template, headerTop);
  if (typeof located === 'string') return located;
  const headerBottom = located.headerBottom;
  t.columnsFrom = located.from;
  t.bodyTop = located.row + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  const lineCols: number[] = [];
  for (let c = 0; c < sheet.colCount; c++) if (columnHeader(sheet, c, headerTop, headerBottom).includes('行次')) lineCols.push(c);
  const amountCols = located.columns;
  if (amountCols.length < 2) return '收入、支出两栏的金额列不完整';
  const labelCols: number[] = [];
  for (let c = 0; c < sheet.colCount; c++) if (columnHeader(sheet, c, headerTop, headerBottom).endsWith('项目')) labelCols.push(c);
  // Without 行次 columns, the halves split at the second 项目 column, or between 栏1 and 栏2.
  const splits = lineCols.length >= 2 ? lineCols.slice(0, 2) : labelCols.length >= 2 ? labelCols.slice(0, 2) : [0, amountCols[1].col - 1];
  const halves: Half[] = splits.map((start, i) => {
    const end = i === 0 ? (labelCols[1] ?? splits[1]) : sheet.colCount;
    const lineCol = lineCols.length >= 2 ? lineCols[i] : null;
    const labelCol = labelCols.filter((c) => c <= (lineCol ?? start)).pop() ?? (lineCol !== null ? lineCol - 1 : start);
    return { lineCol, labelCol, columns: amountCols.filter((a) => a.col > (lineCol ?? labelCol) && a.col < end), lines: new Map() };
  });
  if (halves.some((h) => h.columns.length === 0)) return '收入、支出两栏的金额列不完整';
  const labels = LINE_LABELS[t.template] ?? [];
  const classStart = CLASS_LINE_START[t.template]!;
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    halves.forEach((half, i) => {
      const label = textAt(sheet, r, half.labelCol);
      let line = half.lineCol !== null ? integerOf(cellAt(sheet, r, half.lineCol)) : null;
      if (line === null) line = lineFromLabel(label, labels, i === 0 ? 'left' : 'right', classStart);
      if (line !== null && !half.lines.has(line)) half.lines.set(line, { line, row: r, label });
    });
  }
  if (halves.every((h) => h.lines.size === 0)) return '没有找到按行次编号的数据行';
  t.halves = halves;
  for (const half of halves) t.amountCells.push({ rows: [...half.lines.values()].map((lr) => lr.row), cols: half.columns.map((c) => c.col) });
  return t;
}

function lineFromLabel(label: string, labels: { line: number; labels: string[]; side: string }[], side: string, classStart: number): number | null {
  const key = labelKey(label);
  if (!key) return null;
  const hit = labels.find((l) => l.side === side && l.labels.some((x) => labelKey(x) === key));
  if (hit) return hit.line;
  if (side === 'right') {
    const idx = FUNCTION_CLASSES.findIndex((c) => key === c.name + '支出' || key === c.name);
    if (idx >= 0) return classStart + idx;
  }
  return null;
}

/** Renumbers amount columns by their header words when every column is named; otherwise keeps the printed 栏次. */
function byHeaderWords(template: GongkaiTemplate, columns: AmountColumn[]): AmountColumn[] {
  const words = template === 'state-capital' ? (columns.length >= 6 ? COLUMN_WORDS['gov-fund'] : COLUMN_WORDS['general-budget-expenditure']) : COLUMN_WORDS[template];
  if (!words) return columns;
  const renumbered = columns.map((c) => {
    const hit = words.find(([w]) => c.header.endsWith(w));
    return hit ? { ...c, lanci: hit[1] } : null;
  });
  if (renumbered.some((c) => c === null)) return columns;
  const numbers = new Set(renumbered.map((c) => c!.lanci));
  return numbers.size === columns.length ? (renumbered as AmountColumn[]) : columns;
}

const CODE = /^\d{3}(?:\d{2}){0,2}$/;

function isTotalLabel(raw: string): boolean {
  if (!raw || /^\d+$/.test(raw)) return false;
  const n = norm(raw);
  return n === '合计' || n === '总计';
}

function codeText(cell: Cell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'number') return String(cell.value);
  const s = String(cell.value);
  return /^\d+$/.test(s) ? s : s.normalize('NFKC').replace(/\s+/g, '');
}

/** Split 科目编码 columns (§2.4): 类 then 款 (then 项), side by side, found by their heads. */
function splitCodeColumns(headers: string[], before: number, from = 0): number[] | null {
  for (let c = from; c + 1 < before; c++) {
    if (!headers[c].endsWith('类') || !headers[c + 1].endsWith('款')) continue;
    return c + 2 < before && headers[c + 2].endsWith('项') ? [c, c + 1, c + 2] : [c, c + 1];
  }
  return null;
}

/**
 * Joins split code parts: the 3-digit 类, then 2-digit 款 and 项. A part left blank is inherited from the nearest
 * row above of the higher level, so a 类 row and its 款 rows keep their own codes (never summed together).
 */
class SplitCodeReader {
  private lei = '';
  private kuan = '';
  constructor(private readonly sheet: SheetGrid, private readonly cols: number[]) {}
  read(row: number): string {
    const parts = this.cols.map((c) => codeText(cellAt(this.sheet, row, c)));
    const [lei, kuan, xiang = ''] = parts;
    if (!lei && !kuan && !xiang) return '';
    // A full code typed into the 类 column is taken as written.
    if (lei.length > 3 && !kuan && !xiang) return lei;
    if (lei) {
      if (lei !== this.lei) this.kuan = '';
      this.lei = lei;
    }
    if (kuan) this.kuan = kuan;
    if (xiang) return (lei || this.lei) + (kuan || this.kuan) + xiang;
    if (kuan) return (lei || this.lei) + kuan;
    return lei;
  }
}

function parseCoded(t: GTable, headerTop: number): GTable | string {
  const sheet = t.sheet;
  const located = locateColumns(sheet, t.template, headerTop);
  if (typeof located === 'string') return located;
  const headerBottom = located.headerBottom;
  t.columnsFrom = located.from;
  const headers = Array.from({ length: sheet.colCount }, (_, c) => columnHeader(sheet, c, headerTop, headerBottom));
  t.columns = byHeaderWords(t.template, located.columns.map((x) => ({ ...x, header: headers[x.col] })));
  const firstAmount = Math.min(...t.columns.map((c) => c.col));
  // Split 类|款|项 (or 类|款) code columns (other templates) or one code column.
  const split = splitCodeColumns(headers, firstAmount);
  const splitReader = split ? new SplitCodeReader(sheet, split) : null;
  t.splitCodes = !!split;
  const codeCol = headers.findIndex((h, c) => c < firstAmount && (h.includes('编码') || h.includes('代码')));
  const nameCol = headers.findIndex((h, c) => c < firstAmount && h.includes('科目名称'));
  t.bodyTop = located.row + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  const labelCols = Array.from({ length: firstAmount }, (_, c) => c);
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    if (t.totalRow === null && labelCols.some((c) => isTotalLabel(textAt(sheet, r, c)))) {
      t.totalRow = r;
      continue;
    }
    const code = splitReader ? splitReader.read(r) : codeCol >= 0 ? codeText(cellAt(sheet, r, codeCol)) : '';
    if (!CODE.test(code)) continue;
    const name = nameCol >= 0 ? rawText(cellAt(sheet, r, nameCol)).trim() : '';
    t.codeRows.push({ row: r, code, name });
  }
  if (t.totalRow === null && t.codeRows.length === 0) return '没有找到合计行或科目编码行';
  if (t.template === 'state-capital') t.variant = t.columns.length >= 6 ? 'henan-2021' : 'shanxi';
  const rows = t.codeRows.map((c) => c.row);
  if (t.totalRow !== null) rows.unshift(t.totalRow);
  t.amountCells.push({ rows, cols: t.columns.map((c) => c.col) });
  return t;
}

function parseThreePublic(t: GTable, headerTop: number): GTable | string {
  const sheet = t.sheet;
  const located = locateColumns(sheet, t.template, headerTop);
  if (typeof located === 'string') return located;
  const lanci = new Set(located.columns.map((c) => c.lanci));
  if (located.columns.length < 12 || lanci.size < 12) return '没有找到预算数、决算数各 6 个金额列（1–12 栏）';
  t.columnsFrom = located.from;
  t.columns = located.columns;
  t.bodyTop = located.row + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    if (t.columns.some((c) => rawText(cellAt(sheet, r, c.col)).trim() !== '')) {
      t.dataRow = r;
      break;
    }
  }
  if (t.dataRow === null && t.bodyTop < sheet.rowCount && !isTrailerRow(sheet, t.bodyTop)) t.dataRow = t.bodyTop;
  if (t.dataRow !== null) t.amountCells.push({ rows: [t.dataRow], cols: t.columns.map((c) => c.col) });
  return t;
}

function parseDisclosure(t: GTable, headerTop: number): GTable | string {
  const sheet = t.sheet;
  let lineCol = -1;
  for (let r = headerTop; r < Math.min(sheet.rowCount, headerTop + 5) && lineCol < 0; r++) {
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) if (norm(rawText(row[c])) === '行次') lineCol = c;
  }
  if (lineCol < 0) return '没有找到行次列';
  t.bodyTop = headerTop + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  const lineRows: { line: number; row: number }[] = [];
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    const line = integerOf(cellAt(sheet, r, lineCol));
    if (line !== null && !lineRows.some((x) => x.line === line)) lineRows.push({ line, row: r });
  }
  // The value and label columns are the nearest filled ones beside 行次 (an empty column may sit between).
  const filled = (c: number) => lineRows.some((x) => hasText(cellAt(sheet, x.row, c)));
  let valueCol = lineCol + 1;
  while (valueCol < sheet.colCount - 1 && !filled(valueCol)) valueCol++;
  let labelCol = Math.max(0, lineCol - 1);
  while (labelCol > 0 && !filled(labelCol)) labelCol--;
  const half: Half = { lineCol, labelCol, columns: [{ col: valueCol, lanci: 1, header: columnHeader(sheet, valueCol, headerTop, headerTop) }], lines: new Map() };
  for (const { line, row } of lineRows) half.lines.set(line, { line, row, label: textAt(sheet, row, labelCol) });
  if (half.lines.size === 0) return '没有找到按行次编号的数据行';
  t.amountCells.push({ rows: [...half.lines.values()].map((lr) => lr.row), cols: [valueCol] });
  t.halves = [half];
  t.columns = half.columns;
  return t;
}

// ------------------------------------------------------------------------------------------- basic-expenditure

type BeRole = 'basic' | 'total' | 'other';

function beRole(header: string): BeRole {
  if (header.includes('基本支出') || header === '决算数' || header.endsWith('决算数')) return 'basic';
  if (header === '金额' || header.endsWith('金额') || header.endsWith('合计')) return 'total';
  return 'other';
}

function parseBasic(t: GTable, headerTop: number): GTable | string {
  const sheet = t.sheet;
  // The block-head row: the row holding two or more 科目编码/科目代码 heads.
  let headRow = -1;
  let starts: number[] = [];
  for (let r = headerTop; r < Math.min(sheet.rowCount, headerTop + 6); r++) {
    const cols: number[] = [];
    for (let c = 0; c < sheet.colCount; c++) {
      const n = norm(rawText(cellAt(sheet, r, c)));
      if (n === '科目编码' || n === '科目代码') cols.push(c);
    }
    if (cols.length >= 2) {
      headRow = r;
      starts = cols;
      break;
    }
  }
  if (headRow < 0) return '没有找到重复的“科目编码 科目名称 决算数”表头';
  const lastCol = sheet.colCount - 1;
  // Split codes (§2.4): 类 | 款 under each block's 科目编码, on the row below the block heads.
  const subRow = headRow + 1;
  const isSplit = (start: number) => norm(textAt(sheet, subRow, start)).endsWith('类') && norm(textAt(sheet, subRow, start + 1)).endsWith('款');
  const split = starts.some(isSplit);
  const blocks = starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] - 1 : lastCol;
    const codeCols = isSplit(start) ? [start, start + 1] : [start];
    let nameCol = codeCols[codeCols.length - 1] + 1;
    const amounts: { col: number; role: BeRole }[] = [];
    for (let c = codeCols[codeCols.length - 1] + 1; c <= end; c++) {
      const h = columnHeader(sheet, c, headRow, headRow) + (split ? norm(textAt(sheet, subRow, c)) : '');
      if (h.includes('科目名称')) nameCol = c;
      else if (h) amounts.push({ col: c, role: beRole(h) });
    }
    return { start, codes: codeCols.length > 1 ? new SplitCodeReader(sheet, codeCols) : null, nameCol, amounts };
  });
  t.splitCodes = split;
  const hasTotal = blocks[0].amounts.some((a) => a.role === 'total') && blocks[0].amounts.some((a) => a.role === 'basic');
  if (!blocks[0].amounts.some((a) => a.role === 'basic' || a.role === 'total')) return '没有找到决算数或金额列';
  t.variant = BE_VARIANT_BY_COLUMNS[blocks.length * (blocks[0].amounts.length + 2)] ?? BE_VARIANT_BY_COLUMNS[sheet.colCount];
  t.bodyTop = split ? subRow + 1 : headRow + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  const model: BeModel = { items: [], personnel: null, public: null, hasTotalColumn: hasTotal };
  const pick = (row: number, block: (typeof blocks)[number], role: BeRole): Pos | null => {
    const a = block.amounts.find((x) => x.role === role) ?? (role === 'basic' && !hasTotal ? block.amounts.find((x) => x.role === 'total') : undefined);
    return a ? { row, col: a.col } : null;
  };
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    let totalsRow = false;
    for (let c = 0; c < sheet.colCount; c++) {
      const n = norm(rawText(cellAt(sheet, r, c)));
      if (n === '人员经费合计') {
        totalsRow = true;
        model.personnel = { basic: pick(r, blocks[0], 'basic'), total: hasTotal ? pick(r, blocks[0], 'total') : null };
      } else if (n === '公用经费合计') {
        totalsRow = true;
        model.public = publicTotals(sheet, r, c, blocks[0].amounts.map((a) => a.role), hasTotal);
      }
    }
    if (totalsRow) continue;
    blocks.forEach((block, i) => {
      const code = block.codes ? block.codes.read(r) : codeText(cellAt(sheet, r, block.start));
      if (!/^\d{3}(\d{2})?$/.test(code)) return;
      const item: BeItem = {
        code, name: rawText(cellAt(sheet, r, block.nameCol)).trim(), row: r, block: i,
        basic: pick(r, block, 'basic'), total: hasTotal ? pick(r, block, 'total') : null,
      };
      model.items.push(item);
    });
  }
  if (model.items.length === 0 && !model.personnel) return '没有找到经济分类科目行';
  t.be = model;
  for (const item of model.items) for (const p of [item.basic, item.total]) if (p) t.amountCells.push({ rows: [p.row], cols: [p.col] });
  for (const tot of [model.personnel, model.public]) for (const p of [tot?.basic, tot?.total]) if (p) t.amountCells.push({ rows: [p.row], cols: [p.col] });
  return t;
}

/** §4.6: the numeric merge anchors right of the 公用经费合计 label map onto one block's amount columns, in order. */
function publicTotals(sheet: SheetGrid, row: number, labelCol: number, roles: BeRole[], hasTotal: boolean): { basic: Pos | null; total: Pos | null } {
  const merge = mergeCovering(sheet, row, labelCol);
  const from = (merge ? merge.right : labelCol) + 1;
  const anchors: Pos[] = [];
  for (let c = from; c < sheet.colCount; c++) {
    const cell = cellAt(sheet, row, c);
    if (cell && rawText(cell).trim() !== '') anchors.push({ row, col: c });
  }
  // A blank amount still has a place: fall back to the columns right of the label in block order.
  const out: { basic: Pos | null; total: Pos | null } = { basic: null, total: null };
  const amountRoles = roles.filter((r) => r !== 'other');
  amountRoles.forEach((role, i) => {
    const pos = anchors[i] ?? (from + i < sheet.colCount ? { row, col: from + i } : null);
    if (role === 'basic') out.basic = pos;
    if (role === 'total') {
      if (hasTotal) out.total = pos;
      else out.basic = out.basic ?? pos;
    }
  });
  return out;
}
