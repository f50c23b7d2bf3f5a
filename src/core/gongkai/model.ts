/**
 * The model of a recognised 公开表: where its rows (by 行次 or code) and amount columns (by 栏次) are. Rules and
 * narrative checks address cells through it, never through fixed positions.
 */
import { Finding, TemplateId, Unit } from '../findings';
import { SheetGrid } from '../grid';

export type GongkaiTemplate = Exclude<TemplateId, 'situation-notes' | 'project-selfeval' | 'department-selfeval'>;

export interface Pos {
  row: number;
  col: number;
}

/** An amount column and its 栏次 number (for 3P, 1–12; for BE, the block's role). */
export interface AmountColumn {
  col: number;
  lanci: number;
  header: string;
}

/** A row keyed by its 行次 (IE, FS, DS). */
export interface LineRow {
  line: number;
  row: number;
  label: string;
}

/** One half of a two-sided table (IE, FS) or the single side of DS. */
export interface Half {
  lineCol: number | null;
  labelCol: number;
  columns: AmountColumn[];
  lines: Map<number, LineRow>;
}

export interface CodeRow {
  row: number;
  code: string;
  name: string;
}

/** BE: one economic-classification item in one block. */
export interface BeItem {
  code: string;
  name: string;
  row: number;
  block: number;
  /** The item's amount cells: basic column always; 金额 in the 16-column variant. */
  basic: Pos | null;
  total: Pos | null;
}

export interface BeModel {
  items: BeItem[];
  /** 人员经费合计 / 公用经费合计 cells. */
  personnel: { basic: Pos | null; total: Pos | null } | null;
  public: { basic: Pos | null; total: Pos | null } | null;
  /** True in the 16-column variant: 金额 (all spending) beside 其中：基本支出. */
  hasTotalColumn: boolean;
}

export interface GTable {
  template: GongkaiTemplate;
  variant?: string;
  unit: Unit | null;
  marker?: string;
  title: string;
  sheet: SheetGrid;
  /** First body row (after the 栏次 row or the header). */
  bodyTop: number;
  /** Last body row (before the 注/说明 trailer). */
  bodyBottom: number;
  /** IE, FS: [left, right]; DS: one half. */
  halves: Half[];
  /** Code tables (INC, EXP, GB, GF, SC): amount columns by 栏次, the 合计 row and the coded rows. */
  columns: AmountColumn[];
  totalRow: number | null;
  codeRows: CodeRow[];
  /** 3P: the data row. */
  dataRow: number | null;
  be: BeModel | null;
  /** Whether the amount columns were confirmed by a printed 栏次 row or found by their header words alone. */
  columnsFrom?: 'lanci' | 'words';
  /** The codes were written in split 类 | 款 (| 项) columns (§2.4). */
  splitCodes?: boolean;
  /** Every amount cell of the body, for reading findings and emptiness: each block is its rows × its columns. */
  amountCells: { rows: number[]; cols: number[] }[];
  findings: Finding[];
}

export function columnOf(columns: AmountColumn[], lanci: number): AmountColumn | undefined {
  return columns.find((c) => c.lanci === lanci);
}

/** The cell of 行k in column 栏k (IE, FS, DS). Without a 栏次, the first amount column of the half holding 行k. */
export function lineCell(t: GTable, line: number, lanci?: number): Pos | null {
  for (const half of t.halves) {
    const lr = half.lines.get(line);
    if (!lr) continue;
    const col = lanci === undefined ? half.columns[0] : columnOf(half.columns, lanci);
    if (!col) return null;
    return { row: lr.row, col: col.col };
  }
  return null;
}

interface CodeIndex {
  byCode: Map<number, CodeRow>;
  children: Map<number, CodeRow[]>;
  /** Rows whose parent code has no row (a 5-digit without its 类, a 7-digit without its 款). */
  orphans: CodeRow[];
}

/**
 * A code as a number that keeps its leading zeros (`'1' + code`), so a 50 000-row table is indexed without
 * hashing strings; the parent of a 5- or 7-digit code is then the key ÷ 100.
 */
function codeKey(code: string): number {
  let key = 1;
  for (let i = 0; i < code.length; i++) {
    const digit = code.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN; // not a code: found nowhere
    key = key * 10 + digit;
  }
  return key;
}

/** Lookups by code stay linear on 50 000-row tables: one index per table, built on first use. */
const codeIndexes = new WeakMap<GTable, CodeIndex>();

function codeIndex(t: GTable): CodeIndex {
  let index = codeIndexes.get(t);
  if (!index) {
    const byCode = new Map<number, CodeRow>();
    const children = new Map<number, CodeRow[]>();
    const orphans: CodeRow[] = [];
    const rows = t.codeRows;
    const keys = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const key = (keys[i] = codeKey(rows[i].code));
      if (!byCode.has(key)) byCode.set(key, rows[i]);
    }
    for (let i = 0; i < rows.length; i++) {
      if (rows[i].code.length <= 3) continue;
      const parent = Math.floor(keys[i] / 100);
      if (!byCode.has(parent)) orphans.push(rows[i]);
      const list = children.get(parent);
      if (list) list.push(rows[i]);
      else children.set(parent, [rows[i]]);
    }
    index = { byCode, children, orphans };
    codeIndexes.set(t, index);
  }
  return index;
}

/** The cell of a code row (or the 合计 row when code is null) in column 栏k. */
export function codeCell(t: GTable, code: string | null, lanci: number): Pos | null {
  const col = columnOf(t.columns, lanci);
  if (!col) return null;
  if (code === null) return t.totalRow === null ? null : { row: t.totalRow, col: col.col };
  const row = codeIndex(t).byCode.get(codeKey(code));
  return row ? { row: row.row, col: col.col } : null;
}

/** Children of a code: the rows whose code extends it by 2 digits. */
export function childrenOf(t: GTable, code: string): CodeRow[] {
  return codeIndex(t).children.get(codeKey(code)) ?? [];
}

/** Codes whose parent row is missing (a 5-digit without its 类, a 7-digit without its 款). */
export function orphans(t: GTable): CodeRow[] {
  return codeIndex(t).orphans;
}

/** The 26 function classes in the order of IE 行32–57 / FS 行33–58 (gongkai-layouts.md §2.4). */
export const FUNCTION_CLASSES: { code: string; name: string }[] = [
  ['201', '一般公共服务'], ['202', '外交'], ['203', '国防'], ['204', '公共安全'], ['205', '教育'], ['206', '科学技术'],
  ['207', '文化旅游体育与传媒'], ['208', '社会保障和就业'], ['210', '卫生健康'], ['211', '节能环保'], ['212', '城乡社区'],
  ['213', '农林水'], ['214', '交通运输'], ['215', '资源勘探工业信息等'], ['216', '商业服务业等'], ['217', '金融'],
  ['219', '援助其他地区'], ['220', '自然资源海洋气象等'], ['221', '住房保障'], ['222', '粮油物资储备'], ['223', '国有资本经营预算'],
  ['224', '灾害防治及应急管理'], ['229', '其他'], ['231', '债务还本'], ['232', '债务付息'], ['234', '抗疫特别国债安排的'],
].map(([code, name]) => ({ code, name }));
