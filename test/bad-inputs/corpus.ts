/**
 * The bad-input corpus, generated in code (nothing binary is committed): every way a real 决算 workbook arrives
 * broken, odd or not a workbook at all. Each case is a file name, a way to make its bytes, and what must happen —
 * `refused`: the CLI prints one Chinese line and exits 2, the pane shows the same sentence; `checked`: findings
 * that are right for the file (asserted by the case), never a crash, a hang or a silent pass.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseA1 } from '../../src/core/address';
import { Cell, WorkbookGrid } from '../../src/core/grid';
import { shanxiWorkbook } from '../gongkai/shanxi-builder';
import { gridToXlsx, XlsxOptions } from '../helpers';

export interface JsonFinding {
  sheet: string;
  cell: string | null;
  rule: string;
  severity: 'error' | 'rounding' | 'warning' | 'info';
  stated: string | null;
  expected: string | null;
  message: string;
}
export interface JsonResult {
  file: string;
  error?: string;
  sheets: { name: string; template: string | null; unit: string | null; reason?: string; tables?: unknown[] }[];
  findings: JsonFinding[];
}

export type Expectation =
  | { kind: 'refused'; message: RegExp }
  | { kind: 'checked'; exit: 0 | 1; assert: (r: JsonResult) => void };

export interface BadCase {
  name: string;
  what: string;
  bytes: () => Promise<Uint8Array>;
  expect: Expectation;
}




export function base(): WorkbookGrid {
  return shanxiWorkbook('s24');
}

export function sheetOf(wb: WorkbookGrid, name: string) {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Sets a cell by A1 address (keeping the number format unless one is given). */
export function put(wb: WorkbookGrid, sheet: string, address: string, value: Cell['value'] | undefined, numFmt?: string): void {
  const s = sheetOf(wb, sheet);
  const p = parseA1(address)!;
  const row = (s.cells[p.row] ??= []);
  row[p.col] = value === undefined ? undefined : { value, numFmt: numFmt ?? row[p.col]?.numFmt };
  s.rowCount = Math.max(s.rowCount, p.row + 1);
  s.colCount = Math.max(s.colCount, p.col + 1);
}

/** Inserts an empty row before 0-based row `at` (cells, merges and hidden rows shift). */
export function insertRow(wb: WorkbookGrid, sheet: string, at: number, row: (Cell | undefined)[] = []): void {
  const s = sheetOf(wb, sheet);
  s.cells.splice(at, 0, row);
  s.rowCount++;
  for (const m of s.merges) {
    if (m.top >= at) m.top++;
    if (m.bottom >= at) m.bottom++;
  }
  s.hiddenRows = new Set([...s.hiddenRows].map((r) => (r >= at ? r + 1 : r)));
}

/** Inserts an empty column before 0-based column `at`. */
export function insertCol(wb: WorkbookGrid, sheet: string, at: number): void {
  const s = sheetOf(wb, sheet);
  for (const row of s.cells) if (row && row.length > at) row.splice(at, 0, undefined);
  s.colCount++;
  for (const m of s.merges) {
    if (m.left >= at) m.left++;
    if (m.right >= at) m.right++;
  }
}

/** Swaps two columns from `fromRow` down (so the header moves with the data). */
export function swapCols(wb: WorkbookGrid, sheet: string, a: number, b: number, fromRow = 0): void {
  const s = sheetOf(wb, sheet);
  s.cells.forEach((row, r) => {
    if (!row || r < fromRow) return;
    const t = row[a];
    row[a] = row[b];
    row[b] = t;
  });
  s.merges = s.merges.filter((m) => m.top < fromRow || (m.left > Math.max(a, b) || m.right < Math.min(a, b)));
}

const te = new TextEncoder();

/** A zip with the given parts. */
async function zip(parts: Record<string, string>): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(parts)) z.file(name, text);
  return z.generateAsync({ type: 'uint8array' });
}

/** An OLE compound file header (old .xls, .et, or an encrypted .xlsx — they all start so). */
function ole(extra = 512): Uint8Array {
  const b = new Uint8Array(8 + extra);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return b;
}

async function bytesOf(wb: WorkbookGrid, o?: XlsxOptions) {
  return gridToXlsx(wb, o);
}

const only = (wb: WorkbookGrid, ...names: string[]) => ({ ...wb, sheets: wb.sheets.filter((s) => names.includes(s.name)) });

function has(r: JsonResult, pred: (f: JsonFinding) => boolean, what: string): JsonFinding {
  const f = r.findings.find(pred);
  if (!f) throw new Error(`expected ${what}; findings: ${JSON.stringify(r.findings.map((x) => [x.sheet, x.cell, x.rule, x.severity]))}`);
  return f;
}
function none(r: JsonResult, pred: (f: JsonFinding) => boolean, what: string): void {
  const f = r.findings.filter(pred);
  if (f.length) throw new Error(`expected no ${what}; got ${JSON.stringify(f)}`);
}
const errorsOf = (r: JsonResult) => r.findings.filter((f) => f.severity === 'error');
const noErrors = (r: JsonResult) => none(r, (f) => f.severity === 'error', 'error');

export const CASES: BadCase[] = [];
const refused = (name: string, what: string, bytes: () => Promise<Uint8Array>, message: RegExp) =>
  CASES.push({ name, what, bytes, expect: { kind: 'refused', message } });
const checked = (name: string, what: string, bytes: () => Promise<Uint8Array>, exit: 0 | 1, assert: (r: JsonResult) => void) =>
  CASES.push({ name, what, bytes, expect: { kind: 'checked', exit, assert } });

// ── Not a workbook, or not one we can open ─────────────────────────────────────────────────────────────────────
refused('空文件.xlsx', 'a 0-byte file', async () => new Uint8Array(0), /文件为空/);
refused('旧版.xls', 'an old binary .xls', async () => ole(), /旧版 \.xls/);
refused('加密.xlsx', 'a password-protected .xlsx (an OLE container)', async () => ole(4096), /密码/);
refused('金税导出.et', 'a WPS .et (OLE inside)', async () => ole(), /WPS/);
refused('文本.et', 'a .et that is not even OLE', async () => te.encode('not a spreadsheet'), /WPS/);
refused('数据.csv', 'a CSV export', async () => te.encode('项目,金额\n合计,100\n'), /CSV/);
refused('网页.xls', 'an HTML table saved with .xls (common in finance systems)', async () => te.encode('<html><table><tr><td>1</td></tr></table></html>'), /\.xlsx|无法读取/);
refused('损坏.xlsx', 'a zip header followed by garbage', async () => {
  const b = new Uint8Array(200).fill(7);
  b.set([0x50, 0x4b, 3, 4]);
  return b;
}, /损坏/);
refused('截断.xlsx', 'a real workbook cut in half (interrupted download)', async () => {
  const full = await bytesOf(base());
  return full.slice(0, Math.floor(full.length / 2));
}, /损坏/);
refused('压缩包.xlsx', 'a zip with no workbook inside (a renamed .zip)', async () => zip({ 'readme.txt': '说明' }), /损坏|不是有效/);
refused('文档.xlsx', 'a Word document renamed .xlsx', async () => zip({ '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'word/document.xml': '<w:document/>' }), /损坏|不是有效/);
refused('空工作簿.xlsx', 'a workbook with one empty sheet', async () => {
  const b = new ExcelJS.Workbook();
  b.addWorksheet('Sheet1');
  return new Uint8Array(await b.xlsx.writeBuffer());
}, /没有识别出任何/);
refused('三张空表.xlsx', 'three empty sheets', async () => {
  const b = new ExcelJS.Workbook();
  for (const n of ['Sheet1', 'Sheet2', 'Sheet3']) b.addWorksheet(n);
  return new Uint8Array(await b.xlsx.writeBuffer());
}, /没有识别出任何/);
refused('会议纪要.xlsx', 'text that is no table', async () => {
  const b = new ExcelJS.Workbook();
  const ws = b.addWorksheet('纪要');
  ws.addRow(['关于2024年度部门决算的会议纪要']);
  ws.addRow(['一、参会人员', '张三、李四']);
  return new Uint8Array(await b.xlsx.writeBuffer());
}, /没有识别出任何/);
refused('只有数字.xlsx', 'a grid of numbers with no title or header', async () => {
  const b = new ExcelJS.Workbook();
  const ws = b.addWorksheet('数据');
  for (let r = 0; r < 50; r++) ws.addRow([r, r * 2, r * 3]);
  return new Uint8Array(await b.xlsx.writeBuffer());
}, /没有识别出任何/);

// ── Recognised tables with odd content: the findings must be right ────────────────────────────────────────────
checked('干净.xlsx', 'the clean reference workbook', () => bytesOf(base()), 0, (r) => {
  if (r.sheets.filter((s) => s.template).length !== 10) throw new Error('all 10 tables recognised');
  if (r.findings.some((f) => f.severity !== 'info')) throw new Error('only R-EMPTY notes');
});
checked('只有表头.xlsx', 'header-only tables (every amount blank)', async () => {
  const wb = only(base(), '公开03表', '公开05表');
  for (const s of wb.sheets) for (let r = 8; r < s.cells.length - 1; r++) for (let c = 2; c < 8; c++) if (s.cells[r]?.[c]) s.cells[r]![c] = undefined;
  return bytesOf(wb);
}, 0, (r) => {
  for (const n of ['公开03表', '公开05表']) has(r, (f) => f.sheet === n && f.rule === 'R-EMPTY', `R-EMPTY on ${n}`);
  noErrors(r);
});
checked('文本数字带单位.xlsx', 'text numbers with units (“500.00万元”)', async () => {
  const wb = base();
  put(wb, '公开05表', 'C12', '500.00万元');
  put(wb, '公开05表', 'D12', '500万元');
  return bytesOf(wb);
}, 0, (r) => {
  noErrors(r);
  // Read as numbers, with an R-TEXT note (说明) saying how — never a warning.
  const f = has(r, (x) => x.sheet === '公开05表' && x.cell === 'C12' && x.rule === 'R-TEXT', 'R-TEXT note on C12');
  if (f.severity !== 'info' || !f.message.includes('万元')) throw new Error(JSON.stringify(f));
});
checked('全角数字.xlsx', 'full-width digits (“５００．００”)', async () => {
  const wb = base();
  put(wb, '公开05表', 'C12', '５００．００');
  put(wb, '公开05表', 'D14', '８０．２５');
  return bytesOf(wb);
}, 0, (r) => {
  noErrors(r);
  none(r, (f) => f.rule === 'R-TEXT' && f.severity !== 'info', 'R-TEXT warning');
  if (has(r, (f) => f.cell === 'D14' && f.rule === 'R-TEXT', 'R-TEXT note on D14').expected !== '80.25') throw new Error('read as 80.25');
});
checked('括号负数.xlsx', '括号负数 “(500.00)” in a row that must be positive', async () => {
  const wb = base();
  put(wb, '公开05表', 'D12', '(500.00)');
  return bytesOf(wb);
}, 1, (r) => {
  const e = has(r, (f) => f.sheet === '公开05表' && f.severity === 'error' && /12$/.test(f.cell ?? ''), 'an error on row 12');
  if (!/-500|500/.test(`${e.stated} ${e.expected}`)) throw new Error(`the negative value is shown: ${JSON.stringify(e)}`);
});
checked('千分位文本.xlsx', 'text with thousands separators and a full-width comma (“1，234.50”)', async () => {
  const wb = base();
  put(wb, '公开05表', 'C12', '500.00');
  put(wb, '公开01表', 'C9', '1,000.00');
  return bytesOf(wb);
}, 1, (r) => {
  // 公开01表 C9 changed from its real value to 1000: an arithmetic error somewhere, not a reading problem.
  none(r, (f) => f.rule === 'R-TEXT' && f.severity !== 'info', 'R-TEXT warning');
  if (has(r, (f) => f.cell === 'C9' && f.rule === 'R-TEXT', 'R-TEXT note on C9').expected !== '1000.00') throw new Error('read as 1000');
  if (errorsOf(r).length === 0) throw new Error('the changed figure is caught');
});
for (const [err, file] of [['#REF!', '引用错误'], ['#DIV/0!', '除零错误'], ['#N/A', '无值错误'], ['#VALUE!', '值错误']] as const) {
  checked(`${file}.xlsx`, `an ${err} cell in a data row`, () => bytesOf(base(), { extras: { 公开05表: { C12: { error: err } } } }), 0, (r) => {
    const f = has(r, (x) => x.sheet === '公开05表' && x.cell === 'C12', `a finding on C12 (${err})`);
    if (f.severity === 'error') throw new Error('an error value is not an arithmetic error');
    if (!f.message.includes(err)) throw new Error(`the message names ${err}: ${f.message}`);
  });
}
checked('公式无缓存值.xlsx', 'formulas without cached values (saved by a tool that does not calculate)', () =>
  bytesOf(base(), { extras: { 公开05表: { C12: { formulaOnly: 'D12+E12' }, C11: { formulaOnly: 'C12+C13' } } } }), 0, (r) => {
  has(r, (f) => f.rule === 'R-FORMULA' && f.sheet === '公开05表' && f.cell === 'C12', 'R-FORMULA on C12');
  noErrors(r);
});
checked('合并数据单元格.xlsx', 'a merge across two amount cells of a data row', async () => {
  const wb = base();
  sheetOf(wb, '公开05表').merges.push({ top: 11, left: 2, bottom: 11, right: 3 });
  return bytesOf(wb);
}, 1, (r) => {
  // D12 disappears under the merge: the row's parts no longer add up, and it is said on that row.
  has(r, (f) => f.sheet === '公开05表' && /12$/.test(f.cell ?? '') && f.severity === 'error', 'an error on row 12');
});
checked('隐藏行.xlsx', 'an error on a hidden row', async () => {
  const wb = base();
  put(wb, '公开05表', 'C12', 510);
  sheetOf(wb, '公开05表').hiddenRows.add(11);
  return bytesOf(wb);
}, 1, (r) => {
  const f = has(r, (x) => x.sheet === '公开05表' && x.cell === 'C12' && x.severity === 'error', 'the error on C12');
  if (!f.message.includes('隐藏行')) throw new Error('the message says the row is hidden');
});
checked('隐藏列.xlsx', 'hidden columns are read like any other', () => bytesOf(base(), { hiddenCols: { 公开05表: [3, 4], 公开03表: [5, 6, 7] } }), 0, noErrors);
checked('隐藏工作表.xlsx', 'a hidden sheet is still checked', async () => {
  const wb = base();
  put(wb, '公开05表', 'C12', 510);
  return bytesOf(wb, { hiddenSheets: ['公开05表'] });
}, 1, (r) => void has(r, (f) => f.sheet === '公开05表' && f.cell === 'C12' && f.severity === 'error', 'the error on the hidden sheet'));
checked('插入空行.xlsx', 'an empty row inserted among the data rows', async () => {
  const wb = base();
  insertRow(wb, '公开05表', 12);
  insertRow(wb, '公开03表', 9);
  return bytesOf(wb);
}, 0, noErrors);
checked('插入说明行.xlsx', 'a text-only remark row inserted among the data rows', async () => {
  const wb = base();
  insertRow(wb, '公开05表', 13, [undefined, { value: '（以下为项目支出）' }]);
  return bytesOf(wb);
}, 0, noErrors);
checked('插入空列.xlsx', 'an empty column inserted between amount columns', async () => {
  const wb = base();
  insertCol(wb, '公开05表', 3);
  return bytesOf(wb);
}, 0, (r) => {
  if (!r.sheets.find((s) => s.name === '公开05表')?.template) throw new Error('still recognised');
  noErrors(r);
});
checked('列顺序调换.xlsx', 'two amount columns swapped with their headers', async () => {
  const wb = base();
  swapCols(wb, '公开05表', 3, 4, 6);
  return bytesOf(wb);
}, 0, (r) => {
  const s = r.sheets.find((x) => x.name === '公开05表')!;
  if (!s.template && !s.reason) throw new Error('either recognised or a reason');
  noErrors(r);
});
checked('重复的表.xlsx', 'the same table twice (a copy left in the workbook)', async () => {
  const wb = base();
  const copy = JSON.parse(JSON.stringify(sheetOf(wb, '公开05表')));
  wb.sheets.push({ ...copy, name: '公开05表 (2)', hiddenRows: new Set(), hiddenCols: new Set() });
  return bytesOf(wb);
}, 0, (r) => void has(r, (f) => f.rule === 'R-DUP' && f.severity === 'warning', 'R-DUP'));
checked('一表两表.xlsx', 'two tables stacked in one sheet', async () => {
  const wb = only(base(), '公开05表', '公开08表');
  const a = sheetOf(wb, '公开05表');
  const b = sheetOf(wb, '公开08表');
  const offset = a.cells.length + 2;
  a.cells.push([], [], ...b.cells.map((row) => (row ? [...row] : [])));
  for (const m of b.merges) a.merges.push({ top: m.top + offset, left: m.left, bottom: m.bottom + offset, right: m.right });
  a.rowCount = a.cells.length;
  return bytesOf({ ...wb, sheets: [a] });
}, 0, (r) => {
  if (!r.sheets[0].template) throw new Error('recognised');
  noErrors(r);
});
checked('单位错写为元.xlsx', 'a 万元 table labelled 元', async () => {
  const wb = base();
  put(wb, '公开05表', 'A5', '金额单位：元');
  return bytesOf(wb);
}, 1, (r) => {
  const f = has(r, (x) => x.severity === 'error' && x.rule.startsWith('G-INTER') && /单位/.test(x.message), 'an inter-table error naming the unit');
  if (!f) throw new Error('unit');
});
checked('缺少单位.xlsx', 'a table without a unit line', async () => {
  const wb = base();
  put(wb, '公开05表', 'A5', undefined);
  return bytesOf(wb);
}, 0, (r) => void has(r, (f) => f.rule === 'R-UNIT' && f.sheet === '公开05表', 'R-UNIT on 公开05表'));
checked('元与万元混用.xlsx', 'a 元 table (×10 000) among 万元 tables, both labelled right', async () => {
  const wb = base();
  const s = sheetOf(wb, '公开05表');
  put(wb, '公开05表', 'A5', '金额单位：元');
  for (let r = 8; r < 19; r++) for (let c = 2; c < 5; c++) {
    const cell = s.cells[r]?.[c];
    if (cell && typeof cell.value === 'number') cell.value = Math.round(cell.value * 10000);
  }
  return bytesOf(wb);
}, 0, (r) => {
  noErrors(r);
  if (r.sheets.find((x) => x.name === '公开05表')?.unit !== '元') throw new Error('unit 元');
});
checked('保护工作表.xlsx', 'a protected sheet (the CLI only reads it)', async () => {
  const wb = base();
  put(wb, '公开05表', 'C12', 510);
  return bytesOf(wb, { protect: ['公开05表'] });
}, 1, (r) => void has(r, (f) => f.sheet === '公开05表' && f.cell === 'C12' && f.severity === 'error', 'the error on the protected sheet'));
checked('富文本.xlsx', 'an amount typed as rich text', () => bytesOf(base(), { extras: { 公开05表: { C12: { rich: '500.00' } } } }), 0, noErrors);
checked('日期单元格.xlsx', 'a date (date format) where an amount should be', () => bytesOf(base(), { extras: { 公开05表: { D12: { date: new Date(Date.UTC(2024, 0, 1)), numFmt: 'yyyy-mm-dd' } } } }), 0, (r) =>
  void has(r, (f) => f.sheet === '公开05表' && f.cell === 'D12' && f.rule === 'R-TEXT' && f.severity === 'warning', 'R-TEXT warning on D12'),
);
checked('日期敲进金额格.xlsx', 'a date typed into a 0.00 cell: Excel shows 45292.00, and so do we', () => bytesOf(base(), { extras: { 公开05表: { D12: { date: new Date(Date.UTC(2024, 0, 1)) } } } }), 1, (r) => {
  const f = has(r, (x) => x.sheet === '公开05表' && x.cell === 'C12' && x.severity === 'error', 'an error on C12');
  if (f.expected !== '45292.00') throw new Error(JSON.stringify(f));
});
checked('逻辑值.xlsx', 'TRUE in an amount cell', async () => {
  const wb = base();
  put(wb, '公开05表', 'D12', true);
  return bytesOf(wb);
}, 0, (r) => void has(r, (f) => f.sheet === '公开05表' && f.cell === 'D12' && f.rule === 'R-TEXT', 'R-TEXT on D12'));
checked('无法识别的文本.xlsx', 'words in an amount cell', async () => {
  const wb = base();
  put(wb, '公开05表', 'D12', '见附件');
  return bytesOf(wb);
}, 0, (r) => void has(r, (f) => f.sheet === '公开05表' && f.cell === 'D12' && f.rule === 'R-TEXT' && f.severity === 'warning', 'R-TEXT warning on D12'));
checked('超长文本.xlsx', '30 000 characters in an amount cell (under Excel\'s 32 767 per cell)', async () => {
  const wb = base();
  put(wb, '公开05表', 'D12', '五'.repeat(30_000));
  return bytesOf(wb);
}, 0, (r) => {
  const f = has(r, (x) => x.sheet === '公开05表' && x.cell === 'D12' && x.rule === 'R-TEXT', 'R-TEXT on D12');
  if (f.message.length > 500) throw new Error(`the message stays short (${f.message.length})`);
});
refused('过长文本.xlsx', '100 000 characters in one cell: past Excel\'s own 32 767, no writer of a real workbook makes it', async () => {
  const wb = base();
  put(wb, '公开05表', 'D12', '五'.repeat(100_000));
  return bytesOf(wb);
}, /共享字符串超过每格 32,767 个字符的上限/);
checked('横线与空格.xlsx', 'dashes, full-width spaces and NBSP as blanks', async () => {
  const wb = base();
  put(wb, '公开05表', 'E12', '——');
  put(wb, '公开05表', 'E14', '\u3000');
  put(wb, '公开05表', 'E17', '\u00a0');
  return bytesOf(wb);
}, 0, noErrors);
checked('多余小数.xlsx', 'a stored value with more decimals than shown', async () => {
  const wb = base();
  put(wb, '公开05表', 'D12', 500.0000001);
  return bytesOf(wb);
}, 0, (r) => void has(r, (f) => f.rule === 'R-PREC' && f.cell === 'D12', 'R-PREC on D12'));
checked('百分比格式金额.xlsx', 'an amount formatted as a percent', async () => {
  const wb = base();
  put(wb, '公开05表', 'D12', 4, '0.00%');
  return bytesOf(wb);
}, 1, (r) => void has(r, (f) => f.sheet === '公开05表' && /12$/.test(f.cell ?? ''), 'a finding on row 12'));
checked('金额设成百分比格式.xlsx', 'a correct amount shown under a percentage format', async () => {
  const wb = base();
  const d12 = sheetOf(wb, '公开05表').cells[11][3]!;
  put(wb, '公开05表', 'D12', d12.value, '0.00%');
  return bytesOf(wb);
}, 0, (r) => {
  noErrors(r);
  const f = has(r, (x) => x.sheet === '公开05表' && x.cell === 'D12' && x.rule === 'R-FORMAT', 'R-FORMAT on D12');
  if (f.severity !== 'info' || !/百分比格式/.test(f.message)) throw new Error(`R-FORMAT is an info naming the percentage format: ${f.message}`);
});
checked('科学计数.xlsx', 'a text amount in scientific notation', async () => {
  const wb = base();
  put(wb, '公开05表', 'D12', '5E+2');
  return bytesOf(wb);
}, 0, (r) => void has(r, (f) => f.sheet === '公开05表' && f.cell === 'D12', 'a finding on D12'));
checked('特殊表名.xlsx', "sheet names with quotes, spaces and brackets", async () => {
  const wb = base();
  sheetOf(wb, '公开05表').name = "O'Neil (05) 表 ";
  put(wb, "O'Neil (05) 表 ", 'C12', 510);
  return bytesOf(wb);
}, 1, (r) => void has(r, (f) => f.sheet === "O'Neil (05) 表 " && f.cell === 'C12', 'the error on the odd-named sheet'));
checked('空表夹杂.xlsx', 'many empty sheets around the tables', async () => {
  const wb = base();
  for (let i = 0; i < 20; i++) wb.sheets.splice(i * 2, 0, { name: `空${i}`, rowCount: 0, colCount: 0, cells: [], merges: [], hiddenRows: new Set(), hiddenCols: new Set() });
  return bytesOf(wb);
}, 0, (r) => {
  if (r.sheets.filter((s) => s.template).length !== 10) throw new Error('10 tables');
  if (!r.sheets.filter((s) => !s.template).every((s) => /空白/.test(s.reason ?? ''))) throw new Error('empty sheets say so');
});
checked('标题不符.xlsx', 'a title that disagrees with the content', async () => {
  const wb = base();
  put(wb, '公开05表', 'A1', '支出决算表');
  return bytesOf(wb);
}, 0, (r) => {
  if (!r.sheets.find((s) => s.name === '公开05表')) throw new Error('sheet listed');
});
