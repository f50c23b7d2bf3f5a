/** How the Office.js host reaches Excel: one batch function, given in (tests pass the fake context's), with a timeout. */
/* global Excel */
import { HostError } from '../host/host';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const DEFAULT_TIMEOUT_MS = 120_000;

/** Wraps a run function so a batch that never returns ends in a visible Chinese error instead of a hung pane. */
export function withTimeout(run: ExcelRun, ms: number): ExcelRun {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new HostError(`Excel 在 ${Math.round(ms / 1000)} 秒内没有响应，请稍后重试（大型工作簿在网页版中加载时可能较慢）`)), ms);
      run(batch).then(
        (v) => (clearTimeout(timer), resolve(v)),
        (e) => (clearTimeout(timer), reject(e)),
      );
    });
}
