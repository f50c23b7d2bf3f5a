/**
 * Reads an .xlsx file into the grid model with exceljs. Used by the CLI (Node) and the browser playground; the
 * same bytes in, the same grid out. Bad input becomes a `WorkbookReadError` with one Chinese sentence.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
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
  if (startsWith(bytes, OLE_MAGIC) && fileName.toLowerCase().endsWith('.et')) {
    throw new WorkbookReadError(`${fileName}：WPS .et 文件，无法读取；请在 WPS 中另存为 .xlsx 后再审核`);
  }
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

/** Where a read is, for a progress display: checking the package, parsing it (one step), building each sheet's grid. */
export interface ReadStage {
  stage: 'scan' | 'parse' | 'sheets';
  done: number;
  total: number;
}

export async function readXlsx(bytes: Uint8Array, fileName: string, onStage?: (s: ReadStage) => void): Promise<WorkbookGrid> {
  sniffWorkbook(bytes, fileName);
  onStage?.({ stage: 'scan', done: 0, total: bytes.length });
  await preflight(bytes, fileName);
  onStage?.({ stage: 'parse', done: 0, total: bytes.length });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(`${fileName}：文件已损坏或不是有效的 .xlsx 工作簿，无法打开（${shortReason(e)}）`);
  }
  const sheets: SheetGrid[] = [];
  const total = wb.worksheets.length;
  wb.eachSheet((ws) => {
    onStage?.({ stage: 'sheets', done: sheets.length, total });
    sheets.push(sheetFromWorksheet(ws));
  });
  if (sheets.length === 0) throw new WorkbookReadError(`${fileName}：工作簿中没有工作表`);
  return { fileName, sheets };
}

/** Sheet XML larger than this is measured by streaming it before exceljs builds every cell in memory. */
const SCAN_ABOVE_BYTES = 8 * 1024 * 1024;

/**
 * Looks inside the zip before exceljs loads it: a zip that holds no workbook is refused as such, and a sheet past
 * MAX_CELLS_PER_SHEET is refused before it exhausts memory. A large sheet part is measured by inflating it as a
 * stream and keeping only the largest row and column seen (its `<dimension>` is used first when it already says
 * the sheet is too big; writers may omit it, and it may overstate, so it is not trusted to let a sheet through).
 */
async function preflight(bytes: Uint8Array, fileName: string): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new WorkbookReadError(`${fileName}：文件已损坏或不是有效的 .xlsx 工作簿，无法打开（${shortReason(e)}）`);
  }
  const workbookXml = zip.file('xl/workbook.xml');
  if (!workbookXml) {
    throw new WorkbookReadError(`${fileName}：不是有效的 .xlsx 工作簿（压缩包中没有工作簿内容），无法读取；请在 Excel 中另存为 .xlsx 后再审核`);
  }
  const large = Object.values(zip.files).filter(
    (f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f.name) && uncompressedSize(f) > SCAN_ABOVE_BYTES,
  );
  if (large.length === 0) return;
  const names = await sheetNamesByPart(zip);
  for (const part of large) {
    const { rows, cols } = await sheetExtent(part);
    if (rows * Math.max(cols, 1) > MAX_CELLS_PER_SHEET) {
      const name = names.get(part.name) ?? part.name;
      throw new WorkbookReadError(
        `${fileName}：工作表“${name}”有 ${rows} 行 × ${cols} 列，超过单表 ${MAX_CELLS_PER_SHEET} 个单元格的上限，未读取；请删除多余的行列或拆分后再审核`,
      );
    }
  }
}

function uncompressedSize(f: JSZip.JSZipObject): number {
  return (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? Infinity;
}

function xmlText(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

/** Part path (xl/worksheets/sheet1.xml) → sheet name, from workbook.xml and its relationships. */
async function sheetNamesByPart(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wb = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) out.set(target, xmlText(name));
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

interface JSZipStream {
  on(event: 'data', fn: (chunk: string) => void): JSZipStream;
  on(event: 'error', fn: (e: Error) => void): JSZipStream;
  on(event: 'end', fn: () => void): JSZipStream;
  pause(): void;
  resume(): void;
}

/** The largest row and column a sheet part uses, read as a stream (memory stays one chunk, whatever the size). */
function sheetExtent(part: JSZip.JSZipObject): Promise<{ rows: number; cols: number }> {
  return new Promise((resolve, reject) => {
    // JSZip's StreamHelper (documented in its API, missing from its typings).
    const stream = (part as unknown as { internalStream(type: 'string'): JSZipStream }).internalStream('string');
    let tail = '';
    let first = true;
    let done = false;
    let rows = 0;
    let cols = 0;
    const finish = (extent: { rows: number; cols: number }) => {
      if (done) return;
      done = true;
      stream.pause();
      resolve(extent);
    };
    stream.on('data', (chunk: string) => {
      if (done) return;
      const text = tail + chunk;
      if (first) {
        first = false;
        const d = /<(?:\w+:)?dimension\s+ref="[A-Z]*\d*:?([A-Z]+)(\d+)"/.exec(text);
        if (d) {
          const extent = { rows: Number(d[2]), cols: columnNumber(d[1]) };
          if (extent.rows * extent.cols > MAX_CELLS_PER_SHEET) return finish(extent);
        }
      }
      // Row and cell references: r="12" on <row>, r="H12" on <c>. Re-reading the overlap is harmless (maxima).
      for (const m of text.matchAll(/\br="([A-Z]{0,3})(\d+)"/g)) {
        const r = Number(m[2]);
        if (r > rows) rows = r;
        if (m[1]) {
          const c = columnNumber(m[1]);
          if (c > cols) cols = c;
        }
      }
      tail = text.slice(-64);
    });
    stream.on('error', (e: Error) => {
      if (!done) {
        done = true;
        reject(e);
      }
    });
    stream.on('end', () => finish({ rows, cols }));
    stream.resume();
  });
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

/**
 * A date cell as its ISO day. A number in a date format beyond Excel's calendar (exceljs gives an Invalid Date) is
 * what Excel shows as ##### — an error value, read as unreadable, never a crash.
 */
function dateCell(d: Date, numFmt: string | undefined): Cell {
  if (Number.isNaN(d.getTime())) return { value: null, error: '#####', numFmt };
  return { value: d.toISOString().slice(0, 10), numFmt };
}

function cellFromExcel(c: ExcelJS.Cell): Cell | undefined {
  const numFmt = c.numFmt || undefined;
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
    if ('formula' in o || 'sharedFormula' in o) {
      const formula = String(o.formula ?? o.sharedFormula ?? '');
      const result = o.result as unknown;
      if (result === undefined || result === null) return { value: null, formula, formulaWithoutValue: true, numFmt };
      if (typeof result === 'object' && result && 'error' in (result as object)) {
        return { value: null, formula, error: String((result as { error: unknown }).error), numFmt };
      }
      if (result instanceof Date) return { ...dateCell(result, numFmt), formula };
      return { value: result as number | string | boolean, formula, numFmt };
    }
    if ('text' in o) return { value: String(o.text), numFmt };
  }
  return { value: String(v), numFmt };
}
