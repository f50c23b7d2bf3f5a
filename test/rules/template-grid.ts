/** A template sheet as the engine's grid, with every formula's computed result (what a host reads after Excel). */
import { Cell, makeSheetGrid, WorkbookGrid } from '../../src/core/grid';
import { placedRows, TemplateSheet } from '../../src/core/templates';
import { range } from '../selfeval/builders';

export function templateWorkbook(sheets: TemplateSheet[], inputs: Map<string, Map<string, string | number>> = new Map()): WorkbookGrid {
  return {
    fileName: 'template.xlsx',
    sheets: sheets.map((s) => {
      const placed = placedRows(s, inputs.get(s.name));
      const cells = placed.rows.map((row) => row.map((c): Cell | undefined => (c && c.value !== null ? { value: c.value, ...(c.numFmt ? { numFmt: c.numFmt } : {}), ...(c.formula ? { formula: c.formula } : {}) } : undefined)));
      return makeSheetGrid({ name: s.name, cells, merges: placed.merges.map(range) });
    }),
  };
}
