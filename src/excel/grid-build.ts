/** The grid of a sheet from the row blocks Office.js returned: values, displayed text, formats, formulas, errors. */
import { Cell, CellRange, makeSheetGrid, SheetGrid } from '../core/grid';

const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export interface Block {
  sheet: string;
  top: number;
  left: number;
  values: unknown[][];
  text: string[][];
  numberFormat: string[][];
  formulas: unknown[][];
}

export function buildGrid(name: string, blocks: Block[], hiddenRows: number[], hiddenCols: number[], merges: CellRange[], prot?: boolean): SheetGrid {
  const cells: (Cell | undefined)[][] = [];
  for (const b of blocks) {
    b.values.forEach((row, i) => {
      const r = b.top + i;
      const out = (cells[r] = cells[r] ?? []);
      row.forEach((v, j) => {
        const f = b.formulas[i]?.[j];
        const formula = typeof f === 'string' && f.startsWith('=') ? f.slice(1) : undefined;
        if ((v === '' || v === null || v === undefined) && !formula) return;
        const cell: Cell = { value: v as Cell['value'], numFmt: b.numberFormat[i]?.[j], text: b.text[i]?.[j] };
        if (formula) cell.formula = formula;
        if (typeof v === 'string' && ERROR_VALUE.test(v) && (formula || b.text[i]?.[j] === v)) {
          cell.error = v;
          cell.value = null;
        }
        out[b.left + j] = cell;
      });
    });
  }
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  return makeSheetGrid({ name, cells, merges, hiddenRows, hiddenCols, protected: prot });
}
