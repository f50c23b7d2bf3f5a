/**
 * The playground's reader, off the page's main thread: a 200 000-row workbook takes exceljs many seconds to parse,
 * and on the main thread the page would stop responding meanwhile. The same readXlsx as the CLI (same limits, same
 * Chinese refusals); it posts where it is, then the grid (structured clone keeps its Sets and sparse rows).
 */
import { WorkbookGrid } from '../core/grid';
import { ReadStage, readXlsx } from '../host/xlsx-read';

export interface ReadRequest {
  name: string;
  bytes: Uint8Array;
}

export type ReadMessage = { kind: 'stage'; stage: ReadStage } | { kind: 'done'; workbook: WorkbookGrid } | { kind: 'error'; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<ReadRequest>) => void) | null; postMessage: (m: ReadMessage) => void };

scope.onmessage = async (e) => {
  const { name, bytes } = e.data;
  try {
    const workbook = await readXlsx(bytes, name, (stage) => scope.postMessage({ kind: 'stage', stage }));
    scope.postMessage({ kind: 'done', workbook });
  } catch (err) {
    scope.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
