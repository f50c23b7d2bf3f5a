/**
 * Reads an .xlsx file into the grid model with exceljs. Used by the CLI (Node) and the browser playground; the
 * same bytes in, the same grid out. Bad input becomes a `WorkbookReadError` with one Chinese sentence.
 */
import ExcelJS from 'exceljs';
import { Cell, CellRange, makeSheetGrid, SheetGrid, WorkbookGrid } from '../core/grid';
import { READING_LIMITS, scanPackage } from './package-scan';
import { WorkbookReadError } from './read-error';

export { WorkbookReadError } from './read-error';

/** Refuse sheets past this many cells before they exhaust memory (Excel on the web reads 5 million per request). */
export const MAX_CELLS_PER_SHEET = READING_LIMITS.cellsPerSheet;

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Tells what the bytes are before exceljs sees them, so the message can say what to do. */
export function sniffWorkbook(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) throw new WorkbookReadError(`${fileName}：文件为空，不是有效的 .xlsx 工作簿`, 'unreadable');
  if (startsWith(bytes, OLE_MAGIC) && fileName.toLowerCase().endsWith('.et')) {
    throw new WorkbookReadError(`${fileName}：WPS .et 文件，无法读取；请在 WPS 中另存为 .xlsx 后再审核`, 'not-xlsx');
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new WorkbookReadError(
      `${fileName}：这是旧版 .xls 文件或设置了打开密码的工作簿，无法读取；请在 Excel 中取消密码或另存为 .xlsx 后再审核`,
      'not-xlsx',
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const lower = fileName.toLowerCase();
    const kind = lower.endsWith('.csv') ? 'CSV 文本文件' : lower.endsWith('.et') ? 'WPS .et 文件' : '不是 .xlsx 工作簿';
    throw new WorkbookReadError(`${fileName}：${kind}，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 后再审核`, 'not-xlsx');
  }
}

/** Where a read is, for a progress display: checking the package, parsing it (one step), building each sheet's grid. */
export interface ReadStage {
  stage: 'scan' | 'parse' | 'sheets';
  done: number;
  total: number;
}

export async function readXlsx(bytes: Uint8Array, fileName: string, onStage?: (s: ReadStage) => void): Promise<WorkbookGrid> {
  sniffWorkbook(bytes, fileName);
  onStage?.({ stage: 'scan', done: 0, total: bytes.length });
  // Every part is counted against the reading limits before exceljs, which holds parts whole, sees any of it.
  const scan = scanPackage(bytes, fileName);
  onStage?.({ stage: 'parse', done: 0, total: bytes.length });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(`${fileName}：文件已损坏或不是有效的 .xlsx 工作簿，无法打开（${shortReason(e)}）`, 'unreadable');
  }
  const sheets: SheetGrid[] = [];
  const total = wb.worksheets.length;
  wb.eachSheet((ws) => {
    onStage?.({ stage: 'sheets', done: sheets.length, total });
    sheets.push(sheetFromWorksheet(ws, scan.emptyStringResults.get(ws.name)));
  });
  // A sheet the workbook lists but the reader did not build is never dropped from the report: the file is unreadable.
  for (const s of scan.sheets) {
    if (!sheets.some((g) => g.name === s.name)) {
      throw new WorkbookReadError(`${fileName}：工作表“${s.name}”无法读取（${s.part} 的内容无效）；请在 Excel 或 WPS 中打开后另存为 .xlsx 再审核`, 'unreadable');
    }
  }
  if (sheets.length === 0) throw new WorkbookReadError(`${fileName}：工作簿中没有工作表`, 'unreadable');
  return { fileName, sheets };
}

function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.length > 80 ? msg.slice(0, 80) + '…' : msg;
}

export function sheetFromWorksheet(ws: ExcelJS.Worksheet, emptyStringResults?: Set<string>): SheetGrid {
  const rowCount = ws.rowCount;
  const colCount = ws.columnCount;
  if (rowCount * Math.max(colCount, 1) > MAX_CELLS_PER_SHEET) {
    throw new WorkbookReadError(
      `工作表“${ws.name}”有 ${rowCount} 行 × ${colCount} 列，超过单表 ${MAX_CELLS_PER_SHEET} 个单元格的上限，未读取；请删除多余的空行空列后再审核`,
      'refused',
    );
  }
  const cells: (Cell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const out: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      const cell = cellFromExcel(c, emptyStringResults);
      if (cell) out[colNumber - 1] = cell;
    });
    cells[r] = out;
  });
  for (let r = 0; r < rowCount; r++) if (!cells[r]) cells[r] = [];
  const hiddenCols: number[] = [];
  for (let c = 1; c <= colCount; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c - 1);
  const merges: CellRange[] = [];
  const model = (ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges;
  for (const m of Object.values(model ?? {})) {
    merges.push({ top: m.model.top - 1, left: m.model.left - 1, bottom: m.model.bottom - 1, right: m.model.right - 1 });
  }
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return makeSheetGrid({ name: ws.name, cells, merges, hiddenRows, hiddenCols, protected: !!protection?.sheet });
}

type ExcelValue = ExcelJS.CellValue;

/**
 * A date cell as its ISO day. A number in a date format beyond Excel's calendar (exceljs gives an Invalid Date) is
 * what Excel shows as ##### — an error value, read as unreadable, never a crash.
 */
function dateCell(d: Date, numFmt: string | undefined): Cell {
  if (Number.isNaN(d.getTime())) return { value: null, error: '#####', numFmt };
  return { value: d.toISOString().slice(0, 10), numFmt };
}

/** What exceljs keeps of a formula cell's model (its `value` getter drops falsy results: 0, FALSE, ""). */
interface FormulaModel {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
}

/**
 * A formula cell, read as stored: its own formula text (a cell of a shared formula gets the master's formula moved
 * to its address, which exceljs's `formula` getter does), and its saved result as it is — 0, FALSE and "" included.
 */
function formulaCell(c: ExcelJS.Cell, numFmt: string | undefined, emptyStringResults?: Set<string>): Cell {
  const model = ((c as unknown as { _value?: { model?: FormulaModel } })._value?.model ?? {}) as FormulaModel;
  let formula = '';
  try {
    formula = typeof c.formula === 'string' ? c.formula : '';
  } catch {
    // A shared formula whose master is missing or not a formula: the text is lost, the saved result still counts.
  }
  let result = model.result;
  if (result === undefined && emptyStringResults?.has(c.address)) result = '';
  if (result === undefined || result === null) return { value: null, formula, formulaWithoutValue: true, numFmt };
  if (typeof result === 'object' && result && 'error' in (result as object)) {
    return { value: null, formula, error: String((result as { error: unknown }).error), numFmt };
  }
  if (result instanceof Date) return { ...dateCell(result, numFmt), formula };
  if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') return { value: result, formula, numFmt };
  return { value: String(result), formula, numFmt };
}

function cellFromExcel(c: ExcelJS.Cell, emptyStringResults?: Set<string>): Cell | undefined {
  const numFmt = c.numFmt || undefined;
  if (c.type === ExcelJS.ValueType.Formula) return formulaCell(c, numFmt, emptyStringResults);
  const v = c.value as ExcelValue;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v, numFmt };
  if (v instanceof Date) return dateCell(v, numFmt);
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if ('error' in o) return { value: null, error: String(o.error), numFmt };
    if ('richText' in o && Array.isArray(o.richText)) {
      return { value: (o.richText as { text: string }[]).map((t) => t.text).join(''), numFmt };
    }
    if ('text' in o) return { value: String(o.text), numFmt };
  }
  return { value: String(v), numFmt };
}
