/**
 * Reads an .xlsx file into the grid model with exceljs. Used by the CLI (Node) and the browser playground; the
 * same bytes in, the same grid out. Bad input becomes a `WorkbookReadError` with one Chinese sentence.
 */
import ExcelJS from 'exceljs';
import { Cell, CellRange, makeSheetGrid, SheetGrid, WorkbookGrid } from '../core/grid';

export class WorkbookReadError extends Error {}

/** Refuse sheets past this many cells before they exhaust memory (Excel on the web reads 5 million per request). */
export const MAX_CELLS_PER_SHEET = 5_000_000;

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Tells what the bytes are before exceljs sees them, so the message can say what to do. */
export function sniffWorkbook(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) throw new WorkbookReadError(`${fileName}：文件为空，不是有效的 .xlsx 工作簿`);
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new WorkbookReadError(
      `${fileName}：这是旧版 .xls 文件或设置了打开密码的工作簿，无法读取；请在 Excel 中取消密码或另存为 .xlsx 后再审核`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const lower = fileName.toLowerCase();
    const kind = lower.endsWith('.csv') ? 'CSV 文本文件' : lower.endsWith('.et') ? 'WPS .et 文件' : '不是 .xlsx 工作簿';
    throw new WorkbookReadError(`${fileName}：${kind}，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 后再审核`);
  }
}

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<WorkbookGrid> {
  sniffWorkbook(bytes, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(`${fileName}：文件已损坏或不是有效的 .xlsx 工作簿，无法打开（${shortReason(e)}）`);
  }
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => sheets.push(sheetFromWorksheet(ws)));
  if (sheets.length === 0) throw new WorkbookReadError(`${fileName}：工作簿中没有工作表`);
  return { fileName, sheets };
}

function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.length > 80 ? msg.slice(0, 80) + '…' : msg;
}

export function sheetFromWorksheet(ws: ExcelJS.Worksheet): SheetGrid {
  const rowCount = ws.rowCount;
  const colCount = ws.columnCount;
  if (rowCount * Math.max(colCount, 1) > MAX_CELLS_PER_SHEET) {
    throw new WorkbookReadError(
      `工作表“${ws.name}”有 ${rowCount} 行 × ${colCount} 列，超过单表 ${MAX_CELLS_PER_SHEET} 个单元格的上限，未读取；请删除多余的空行空列后再审核`,
    );
  }
  const cells: (Cell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const out: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      const cell = cellFromExcel(c);
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

function cellFromExcel(c: ExcelJS.Cell): Cell | undefined {
  const numFmt = c.numFmt || undefined;
  const v = c.value as ExcelValue;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v, numFmt };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10), numFmt };
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if ('error' in o) return { value: null, error: String(o.error), numFmt };
    if ('richText' in o && Array.isArray(o.richText)) {
      return { value: (o.richText as { text: string }[]).map((t) => t.text).join(''), numFmt };
    }
    if ('formula' in o || 'sharedFormula' in o) {
      const formula = String(o.formula ?? o.sharedFormula ?? '');
      const result = o.result as unknown;
      if (result === undefined || result === null) return { value: null, formula, formulaWithoutValue: true, numFmt };
      if (typeof result === 'object' && result && 'error' in (result as object)) {
        return { value: null, formula, error: String((result as { error: unknown }).error), numFmt };
      }
      if (result instanceof Date) return { value: result.toISOString().slice(0, 10), formula, numFmt };
      return { value: result as number | string | boolean, formula, numFmt };
    }
    if ('text' in o) return { value: String(o.text), numFmt };
  }
  return { value: String(v), numFmt };
}
