/**
 * How a workbook is read within Excel's limits (5 MB a request on the web, 5 million cells a read): the first-rows
 * window of every sheet, then the rest in row blocks, as many per request as fit by what that sheet's rows weighed.
 * Pure arithmetic, tested without Office.js (test/excel/read-plan.test.ts); excel-host.ts asks Excel for what it plans.
 */
import { a1 } from '../core/address';

/**
 * Bytes per cell for values + text + numberFormat + formulas (with the rows' hidden state and merged areas), for a
 * sheet none of whose rows has been read yet. Later blocks are sized by what that sheet's earlier rows weighed.
 */
export const BYTES_PER_CELL = 160;
/** Share of the request limit a row-block request is planned to fill; estimates are from earlier rows, so keep room. */
export const BLOCK_SHARE = 0.8;
/**
 * A row of a 公开表 or 自评表 weighs 0.3–1 KB as values, text, formats and formulas (the samples: 32–104 B a cell,
 * at most 12 columns, 765 B for a one-column 情况说明 paragraph); the windows assume 1 KB a row, and together take
 * at most this share of one request, leaving room for the comments, row and column properties in the same sync.
 */
export const PLAUSIBLE_ROW_BYTES = 1024;
export const WINDOW_SHARE = 0.6;
/** Range.getMergedAreasOrNullObject fails when its range holds more than 512 merged areas (ExcelApi reference). */
export const MAX_MERGED_AREAS = 512;

/** Rows [top, top + rows) of a sheet's used range, all its columns. */
export interface Piece {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface ReadLimits {
  maxBytes: number;
  maxCells: number;
}

/**
 * Rows of each sheet's window in the second sync: the windows of all sheets together are sized to a share of one
 * request at a plausible row weight, so an ordinary workbook is read whole in that sync and a huge sheet costs no
 * more than its window there.
 */
export function windowRows(maxBytes: number, sheetCount: number): number {
  return Math.max(1, Math.floor((maxBytes * WINDOW_SHARE) / PLAUSIBLE_ROW_BYTES / Math.max(1, sheetCount)));
}

export function pieceAddress(p: Piece, top: number, rows: number): string {
  return `${a1(top, p.left)}:${a1(top + rows - 1, p.left + p.cols - 1)}`;
}

/**
 * The pieces of the next request, cut from the front of `queue` (which keeps what is left): within both limits by
 * each sheet's weight a cell, and never empty — one row at least, alone if it alone is over the budget.
 */
export function nextBatch(queue: Piece[], limits: ReadLimits, weight: (sheet: string) => number): Piece[] {
  const budget = limits.maxBytes * BLOCK_SHARE;
  const batch: Piece[] = [];
  let cells = 0;
  let bytes = 0;
  while (queue.length > 0) {
    const q = queue[0];
    const fit = Math.min(q.rows, Math.floor((budget - bytes) / (q.cols * weight(q.sheet))), Math.floor((limits.maxCells - cells) / q.cols));
    if (fit < 1 && batch.length > 0) break;
    const p: Piece = { sheet: q.sheet, top: q.top, left: q.left, rows: Math.max(1, fit), cols: q.cols };
    q.top += p.rows;
    q.rows -= p.rows;
    if (q.rows === 0) queue.shift();
    cells += p.rows * p.cols;
    bytes += p.rows * p.cols * weight(p.sheet);
    batch.push(p);
    if (fit < 1) break;
  }
  return batch;
}

/**
 * The merged areas of a piece are asked for in slabs of at most 512 cells: an area is reported by the range holding
 * its top-left cell, so a slab cannot hold more than 512 of them and every area is reported exactly once.
 */
export function mergeSlabs(p: Piece): string[] {
  const step = Math.max(1, Math.floor(MAX_MERGED_AREAS / p.cols));
  const out: string[] = [];
  for (let top = p.top; top < p.top + p.rows; top += step) out.push(pieceAddress(p, top, Math.min(step, p.top + p.rows - top)));
  return out;
}

/** UTF-8 length: Excel's limit is on bytes, and 科目名称 and 情况说明 are three bytes a character. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** What the next request should expect a cell of this sheet to weigh, from what these rows (all they returned) weighed. */
export function weightOf(returned: unknown, cells: number): number {
  const bytes = utf8Length(JSON.stringify(returned));
  // A floor, so a block of empty cells cannot balloon the next request.
  return Math.max(16, (bytes / Math.max(1, cells)) * 1.25);
}
