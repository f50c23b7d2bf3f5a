/** Templates round-trip: written with the builder, read back like any file, recognised, and consistent by themselves. */
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/engine';
import { CheckResult } from '../../src/core/findings';
import { addTemplateSheet } from '../../src/core/templates/builder';
import { GONGKAI_VARIANTS, GongkaiVariant, gongkaiTemplates } from '../../src/core/templates/gongkai';
import { TemplateSheet } from '../../src/core/templates/model';
import { readXlsx } from '../../src/host/xlsx-read';

async function roundTrip(sheets: TemplateSheet[], inputs: Map<string, Map<string, string | number>> = new Map()): Promise<CheckResult> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) addTemplateSheet(book, s, inputs.get(s.template));
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return checkWorkbook(await readXlsx(bytes, 'template.xlsx'));
}

const discrepancies = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info');

describe.each(GONGKAI_VARIANTS)('公开表 templates, %s', (variant: GongkaiVariant) => {
  const sheets = gongkaiTemplates(variant, { year: 2023, department: '测试部门', codeRows: 8 });

  test('left empty: every sheet recognised with its template id, reported empty, nothing else', async () => {
    const r = await roundTrip(sheets);
    expect(r.sheets.map((s) => s.template)).toEqual(sheets.map((s) => s.template));
    expect(discrepancies(r)).toEqual([]);
    const empty = r.findings.filter((f) => f.rule === 'R-EMPTY').map((f) => f.sheet);
    expect(empty.sort()).toEqual(r.sheets.map((s) => s.name).sort());
  });
});

/** Fills a template consistently: codes 类/款/项 (or 301/302 and their 款) in the first rows, 1 in every amount input. */
function consistentInputs(sheet: TemplateSheet): Map<string, string | number> {
  const inputs = new Map<string, string | number>();
  const codeCols = [...sheet.cells].filter(([, c]) => c.input && c.numFmt === '@').map(([a]) => a);
  const byCol = new Map<string, number[]>();
  for (const a of codeCols) {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    byCol.set(m[1], [...(byCol.get(m[1]) ?? []), Number(m[2])].sort((x, y) => x - y));
  }
  const used = new Set<number>();
  const be = sheet.template === 'basic-expenditure';
  [...byCol.entries()].forEach(([c, rows], k) => {
    if (be && k > 1) return;
    const codes = be ? [`30${k + 1}`, `30${k + 1}01`] : ['201', '20101', '2010101'];
    codes.forEach((code, i) => {
      inputs.set(`${c}${rows[i]}`, code);
      used.add(rows[i]);
    });
  });
  for (const [a, cell] of sheet.cells) {
    if (!cell.input || cell.numFmt === '@' || !cell.numFmt) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    if (codeCols.length && !used.has(Number(m[2]))) continue;
    if (be) {
      const colIndex = m[1].charCodeAt(0) - 65;
      const per = sheet.variant === 'shanxi-2022' ? 4 : 3;
      if (Math.floor(colIndex / per) > 1) continue;
    }
    inputs.set(a, 1);
  }
  return inputs;
}

describe.each(GONGKAI_VARIANTS)('公开表 templates filled in, %s', (variant: GongkaiVariant) => {
  const sheets = gongkaiTemplates(variant, { year: 2023, codeRows: 6 });

  test.each(sheets.map((s) => [s.template, s] as const))('%s: consistent by itself; a total broken by hand is an error on its row', async (_id, sheet) => {
    const inputs = consistentInputs(sheet);
    const ok = await roundTrip([sheet], new Map([[sheet.template, inputs]]));
    expect(ok.sheets[0].template).toBe(sheet.template);
    expect(discrepancies(ok)).toEqual([]);
    expect(ok.findings.filter((f) => f.rule === 'R-EMPTY')).toEqual([]);

    // Break the first total that has a value: overwrite it by hand with value + 1.
    const book = new ExcelJS.Workbook();
    const name = addTemplateSheet(book, sheet, inputs);
    const ws = book.getWorksheet(name)!;
    const target = [...sheet.cells].find(([a, c]) => c.formula && typeof (ws.getCell(a).value as ExcelJS.CellFormulaValue).result === 'number')!;
    const cell = ws.getCell(target[0]);
    cell.value = Number((cell.value as ExcelJS.CellFormulaValue).result) + 1;
    const broken = checkWorkbook(await readXlsx(new Uint8Array(await book.xlsx.writeBuffer()), 'broken.xlsx'));
    const row = Number(/\d+$/.exec(target[0])![0]);
    const errors = broken.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((f) => f.cell && Number(/\d+$/.exec(f.cell)![0]) === row)).toBe(true);
  });
});
