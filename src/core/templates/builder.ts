/** Writes a template sheet into an exceljs workbook (CLI): values, live formulas with computed results, formats, merges. */
import type ExcelJS from 'exceljs';
import { computeResults, formulaText, TemplateSheet } from './model';

export function uniqueSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const base = wanted.slice(0, 31);
  let name = base;
  for (let i = 2; workbook.getWorksheet(name); i++) name = `${base.slice(0, 28)}(${i})`;
  return name;
}

/** Adds the template as a new sheet (never replacing one) and returns its name. */
export function addTemplateSheet(workbook: ExcelJS.Workbook, sheet: TemplateSheet, inputs?: Map<string, string | number>, name?: string): string {
  const sheetName = uniqueSheetName(workbook, name ?? sheet.name);
  const ws = workbook.addWorksheet(sheetName);
  const results = computeResults(sheet, inputs);
  for (const [address, cell] of sheet.cells) {
    const target = ws.getCell(address);
    if (cell.formula) {
      const result = results.get(address);
      // An empty result ("") is stored as one space: exceljs drops an empty cached string on reading, which would make
      // the formula look uncalculated. Both show blank, both read as empty; Excel recalculates it to "" on opening.
      const cached = result === undefined || result === '' ? ' ' : result;
      target.value = { formula: formulaText(cell.formula), result: cached } as ExcelJS.CellFormulaValue;
    } else if (inputs?.has(address)) {
      target.value = inputs.get(address)!;
    } else if (cell.value !== undefined && cell.value !== null) {
      target.value = cell.value;
    }
    if (cell.numFmt) target.numFmt = cell.numFmt;
    if (cell.bold) target.font = { bold: true };
    if (cell.align) target.alignment = { horizontal: cell.align, vertical: 'middle', wrapText: true };
  }
  for (const m of sheet.merges) ws.mergeCells(m);
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return sheetName;
}
