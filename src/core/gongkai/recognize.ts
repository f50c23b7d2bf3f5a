/**
 * Recognises a 公开表 by its content (gongkai-layouts.md §3) and builds its model (§2, §4): title and header
 * signature decide the role, the 栏次 row numbers the amount columns, 行次 or codes key the rows.
 */
import { Finding, Unit } from '../findings';
import { Cell, cellAt, mergeCovering, rawText, SheetGrid } from '../grid';
import { readNumber } from '../numbers';
import { Recognition, RecognitionOutcome } from '../recognition';
import { labelKey, norm } from '../text';
import {
  BE_VARIANT_BY_COLUMNS, CLASS_LINE_START, COLUMN_WORDS, HEADER_WORDS, LINE_LABELS, MARKER_PATTERN, SIGNATURES, TITLE_RULES, TRAILER_PATTERN, UNIT_PATTERN,
} from './layouts';
import { AmountColumn, BeItem, BeModel, FUNCTION_CLASSES, GongkaiTemplate, GTable, Half, Pos } from './model';
import { TEMPLATE_LABEL } from '../findings';

/** How many rows are searched for titles, headers and signatures. */
const HEAD_ROWS = 30;
const SIGNATURE_ROWS = 400;
/** Cells longer than this are prose (a 情况说明 paragraph), not labels. */
const LABEL_MAX = 40;

export function recognizeGongkai(sheet: SheetGrid): RecognitionOutcome {
  const meta = readMeta(sheet);
  const titleRole = meta.title ? TITLE_RULES.find((r) => r.test(meta.title))?.template ?? null : null;
  const matches = signatureRoles(sheet, meta.title);
  if (!titleRole && matches.length === 0) return null;
  const findings: Finding[] = [];
  // The header decides when it contradicts the title, but only when the title's own signature is absent: row
  // labels of one table can contain another table's column heads (总表 rows name 年初结转和结余, 本年收入 …).
  let role: GongkaiTemplate;
  if (titleRole && (matches.length === 0 || matches.includes(titleRole))) {
    role = titleRole;
  } else {
    role = matches[0];
    if (titleRole) findings.push(layoutNote(sheet, `标题“${meta.titleRaw}”与表头不符：表头符合${TEMPLATE_LABEL[role]}，按表头识别`));
  }
  const parsed = parseTable(sheet, role, meta);
  if (typeof parsed === 'string') {
    return { reason: `未识别：标题像${TEMPLATE_LABEL[role]}，但${parsed}` };
  }
  parsed.findings.unshift(...findings);
  const recognition: Recognition<GTable> = {
    family: 'gongkai',
    template: role,
    variant: parsed.variant,
    unit: meta.unit,
    marker: meta.marker,
    findings: parsed.findings,
    sheet,
    model: parsed,
  };
  return recognition;
}

function layoutNote(sheet: SheetGrid, message: string, cell: string | null = null): Finding {
  return { sheet: sheet.name, cell, rule: 'R-LAYOUT', severity: 'info', stated: null, expected: null, message };
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
  const rows = Math.min(sheet.rowCount, HEAD_ROWS);
  for (let r = 0; r < rows; r++) {
    for (const cell of sheet.cells[r] ?? []) {
      const raw = rawText(cell).trim();
      if (!raw) continue;
      const n = norm(raw);
      if (!marker && MARKER_PATTERN.test(n)) {
        marker = raw.replace(/\s+/g, '');
        continue;
      }
      const unitMatch = UNIT_PATTERN.exec(n);
      if (unitMatch && !unit && n.length <= 30) unit = unitMatch[1] as Unit;
      // A banner above the title (`某局2021年度部门决算公开`) is a candidate too: the first one naming a table wins.
      const candidate = r < 10 && n.length >= 4 && n.length <= 60 && (n.includes('表') || n.includes('决算')) && !META_LABEL.test(n) && !TRAILER_PATTERN.test(n) && !unitMatch;
      if (candidate && (!title || (!namesTable(title) && namesTable(n)))) {
        title = n;
        titleRaw = raw;
      }
    }
  }
  return { title, titleRaw, unit, marker };
}

function namesTable(title: string): boolean {
  return TITLE_RULES.some((r) => r.test(title));
}

/** Normalised label texts of the sheet's first rows (prose excluded). */
function labelTexts(sheet: SheetGrid): string[] {
  const out: string[] = [];
  const rows = Math.min(sheet.rowCount, SIGNATURE_ROWS);
  for (let r = 0; r < rows; r++) {
    for (const cell of sheet.cells[r] ?? []) {
      if (!cell || typeof cell.value !== 'string') continue;
      const n = norm(cell.value);
      if (n && n.length <= LABEL_MAX) out.push(n);
    }
  }
  return out;
}

/** Every role whose header signature the sheet carries, most specific first. */
function signatureRoles(sheet: SheetGrid, title: string): GongkaiTemplate[] {
  const labels = labelTexts(sheet);
  const joined = labels.join('|');
  const count = (word: string) => labels.filter((l) => l === word || l.endsWith(word)).length;
  const roles: GongkaiTemplate[] = [];
  for (const sig of SIGNATURES) {
    if (sig.needsTitle && !title.includes(sig.needsTitle)) continue;
    if (!sig.all.every((w) => joined.includes(w))) continue;
    if (sig.none?.some((w) => joined.includes(w))) continue;
    if (sig.twice?.some((w) => count(w) < 2)) continue;
    if (!roles.includes(sig.template)) roles.push(sig.template);
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
    else if (found) break;
  }
  return found;
}

interface NumberedColumns {
  /** The 栏次 row, or the last header row when the table prints none. */
  row: number;
  /** The last header row (the row above the 栏次 row, or `row` itself without one). */
  headerBottom: number;
  columns: { col: number; lanci: number }[];
}

const NOT_AMOUNT_HEAD = /(项目|行次|栏次|科目编码|科目代码|编码|代码|科目名称|类|款|项)$/;

/** The 栏次 row; without one (other templates), the amount columns are the headed columns in order. */
function numberedColumns(sheet: SheetGrid, headerTop: number): NumberedColumns | null {
  const lanci = findLanciRow(sheet, headerTop);
  if (lanci) return { row: lanci.row, headerBottom: lanci.row - 1, columns: lanci.columns };
  // The body starts at the first row holding a number, a 合计/总计 label or a function code.
  let body = -1;
  for (let r = headerTop + 1; r < Math.min(sheet.rowCount, headerTop + 8) && body < 0; r++) {
    for (const cell of sheet.cells[r] ?? []) {
      if (!cell) continue;
      const raw = rawText(cell).trim();
      if (typeof cell.value === 'number' || CODE.test(raw) || isTotalLabel(raw)) {
        body = r;
        break;
      }
    }
  }
  if (body < 0) return null;
  const columns: { col: number; lanci: number }[] = [];
  for (let c = 0; c < sheet.colCount; c++) {
    const h = columnHeader(sheet, c, headerTop, body - 1);
    if (!h || NOT_AMOUNT_HEAD.test(h) || h === '收入' || h === '支出') continue;
    columns.push({ col: c, lanci: columns.length + 1 });
  }
  return columns.length > 0 ? { row: body - 1, headerBottom: body - 1, columns } : null;
}

function columnHeader(sheet: SheetGrid, col: number, top: number, bottom: number): string {
  const parts: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const n = norm(textAt(sheet, r, col));
    // Column numbers printed in a header row (S24 02) are not words.
    if (n && !/^\d+(\.0+)?$/.test(n) && parts[parts.length - 1] !== n) parts.push(n);
  }
  return parts.join('');
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
  const lanci = numberedColumns(sheet, headerTop);
  const headerBottom = lanci ? lanci.headerBottom : headerTop + 1;
  t.bodyTop = (lanci?.row ?? headerBottom) + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  const lineCols: number[] = [];
  for (let c = 0; c < sheet.colCount; c++) if (columnHeader(sheet, c, headerTop, headerBottom).includes('行次')) lineCols.push(c);
  const amountCols: AmountColumn[] = (lanci?.columns ?? []).map((x) => ({ ...x, header: columnHeader(sheet, x.col, headerTop, headerBottom) }));
  if (amountCols.length < 2) return '没有找到栏次行（金额列编号）';
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

function parseCoded(t: GTable, headerTop: number): GTable | string {
  const sheet = t.sheet;
  const lanci = numberedColumns(sheet, headerTop);
  if (!lanci) return '没有找到栏次行（金额列编号）';
  const headerBottom = lanci.headerBottom;
  const headers = Array.from({ length: sheet.colCount }, (_, c) => columnHeader(sheet, c, headerTop, headerBottom));
  t.columns = byHeaderWords(t.template, lanci.columns.map((x) => ({ ...x, header: headers[x.col] })));
  const firstAmount = Math.min(...t.columns.map((c) => c.col));
  // Split 类|款|项 code columns (other templates) or one code column.
  const splitStart = headers.findIndex((h, c) => c + 2 < firstAmount && h.endsWith('类') && headers[c + 1].endsWith('款') && headers[c + 2].endsWith('项'));
  const codeCol = splitStart >= 0 ? splitStart : headers.findIndex((h, c) => c < firstAmount && (h.includes('编码') || h.includes('代码')));
  const nameCol = headers.findIndex((h, c) => c < firstAmount && h.includes('科目名称'));
  t.bodyTop = lanci.row + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  const labelCols = Array.from({ length: firstAmount }, (_, c) => c);
  let inherited = { lei: '', kuan: '' };
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    if (t.totalRow === null && labelCols.some((c) => isTotalLabel(textAt(sheet, r, c)))) {
      t.totalRow = r;
      continue;
    }
    let code = '';
    if (splitStart >= 0) {
      const [lei, kuan, xiang] = [0, 1, 2].map((i) => codeText(cellAt(sheet, r, splitStart + i)));
      if (lei) inherited = { lei, kuan: '' };
      if (kuan) inherited.kuan = kuan;
      if (lei || kuan || xiang) code = xiang ? (lei || inherited.lei) + (kuan || inherited.kuan) + xiang : kuan ? (lei || inherited.lei) + kuan : lei;
    } else if (codeCol >= 0) {
      code = codeText(cellAt(sheet, r, codeCol));
    }
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
  const lanci = findLanciRow(sheet, headerTop);
  if (!lanci || lanci.columns.length < 12) return '没有找到 1–12 栏的编号行';
  t.columns = lanci.columns.map((x) => ({ ...x, header: columnHeader(sheet, x.col, headerTop, lanci.row - 1) }));
  t.bodyTop = lanci.row + 1;
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
  const valueCol = lineCol + 1;
  t.bodyTop = headerTop + 1;
  t.bodyBottom = bodyBottom(sheet, t.bodyTop);
  const half: Half = { lineCol, labelCol: Math.max(0, lineCol - 1), columns: [{ col: valueCol, lanci: 1, header: norm(textAt(sheet, headerTop, valueCol)) }], lines: new Map() };
  for (let r = t.bodyTop; r <= t.bodyBottom; r++) {
    const line = integerOf(cellAt(sheet, r, lineCol));
    if (line === null || half.lines.has(line)) continue;
    half.lines.set(line, { line, row: r, label: textAt(sheet, r, half.labelCol) });
  }
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
  const blocks = starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] - 1 : lastCol;
    let nameCol = start + 1;
    const amounts: { col: number; role: BeRole }[] = [];
    for (let c = start + 1; c <= end; c++) {
      const h = columnHeader(sheet, c, headRow, headRow);
      if (h.includes('科目名称')) nameCol = c;
      else if (h) amounts.push({ col: c, role: beRole(h) });
    }
    return { start, nameCol, amounts };
  });
  const hasTotal = blocks[0].amounts.some((a) => a.role === 'total') && blocks[0].amounts.some((a) => a.role === 'basic');
  if (!blocks[0].amounts.some((a) => a.role === 'basic' || a.role === 'total')) return '没有找到决算数或金额列';
  t.variant = BE_VARIANT_BY_COLUMNS[blocks.length * (blocks[0].amounts.length + 2)] ?? BE_VARIANT_BY_COLUMNS[sheet.colCount];
  t.bodyTop = headRow + 1;
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
      const code = codeText(cellAt(sheet, r, block.start));
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
