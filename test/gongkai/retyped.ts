/** A 公开表 workbook as an accountant might re-type it, for the 指定表类型 tests of the CLI and the pane. */
import { WorkbookGrid } from '../../src/core/grid';
import { shanxiWorkbook } from './shanxi-builder';

/** The 三公 table re-typed without its title and with its own words for the heads: nothing names it any more. */
export function withUnnamedThreePublic(breakIt: boolean): { wb: WorkbookGrid; sheet: string } {
  const wb = shanxiWorkbook('s24');
  const s = wb.sheets.find((x) => x.cells.some((row) => row?.some((c) => typeof c?.value === 'string' && c.value.includes('三公'))))!;
  for (const row of s.cells) {
    for (let c = 0; c < (row?.length ?? 0); c++) {
      const v = row[c]?.value;
      if (typeof v !== 'string') continue;
      if (v.includes('三公')) row[c] = undefined;
      else if (v.includes('因公出国')) row[c] = { value: '出国费' };
    }
  }
  if (breakIt) {
    // 合计 (决算数, 栏7) no longer equals 栏8 + 栏9 + 栏12.
    const data = s.cells.findIndex((row) => row?.[11]?.value === 12) + 1;
    const col = 6;
    s.cells[data][col] = { value: Number(s.cells[data][col]?.value ?? 0) + 5, numFmt: '0.00' };
  }
  s.name = 'Sheet3';
  return { wb, sheet: s.name };
}
