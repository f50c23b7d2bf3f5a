/**
 * The playground's reader, off the page's main thread: a 200 000-row workbook takes exceljs many seconds to parse,
 * and on the main thread the page would stop responding meanwhile. The same readXlsx as the CLI (same limits, same
 * Chinese refusals); it posts where it is, then the grid: first every sheet without its rows, then the rows in
 * slices. One message holding a 50 000-row grid cost the page a 0.5 s task to unpack; slices are unpacked one task
 * each (structured clone keeps the Sets and the sparse rows).
 */
import { Cell, SheetGrid } from '../core/grid';
import { ReadStage, readXlsx } from '../host/xlsx-read';

export interface ReadRequest {
  name: string;
  bytes: Uint8Array;
}

/** Rows per message: a slice of a table 8–12 columns wide unpacks in a few tens of milliseconds. */
const ROWS_PER_MESSAGE = 4000;

export type ReadMessage =
  | { kind: 'stage'; stage: ReadStage }
  | { kind: 'begin'; fileName: string; sheets: SheetGrid[] }
  | { kind: 'rows'; sheet: number; rows: (Cell | undefined)[][] }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReadRequest>) => void) | null; postMessage: (m: ReadMessage) => void };

scope.onmessage = async (e) => {
  const { name, bytes } = e.data;
  try {
    const workbook = await readXlsx(bytes, name, (stage) => scope.postMessage({ kind: 'stage', stage }));
    scope.postMessage({ kind: 'begin', fileName: workbook.fileName, sheets: workbook.sheets.map((s) => ({ ...s, cells: [] })) });
    workbook.sheets.forEach((s, i) => {
      for (let r = 0; r < s.cells.length; r += ROWS_PER_MESSAGE) scope.postMessage({ kind: 'rows', sheet: i, rows: s.cells.slice(r, r + ROWS_PER_MESSAGE) });
    });
    scope.postMessage({ kind: 'done' });
  } catch (err) {
    scope.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
