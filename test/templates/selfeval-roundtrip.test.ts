/** 绩效自评表 templates round-trip: written with the builder, read back, recognised with the right id and variant, consistent by themselves. */
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/engine';
import { CheckResult } from '../../src/core/findings';
import { listTemplates, templateSheets } from '../../src/core/templates';
import { addTemplateSheet } from '../../src/core/templates/builder';
import { formulaText, TemplateSheet } from '../../src/core/templates/model';
import { SelfEvalVariant } from '../../src/core/templates/selfeval';
import { readXlsx } from '../../src/host/xlsx-read';

type Inputs = Map<string, string | number>;

async function book(sheet: TemplateSheet, inputs?: Inputs, edit?: (ws: ExcelJS.Worksheet) => void): Promise<CheckResult> {
  const wb = new ExcelJS.Workbook();
  const name = addTemplateSheet(wb, sheet, inputs);
  edit?.(wb.getWorksheet(name)!);
  return checkWorkbook(await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'selfeval.xlsx'));
}

const discrepancies = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info');

/** Per variant: indicator weight/score/reason/name columns, first indicator row, budget input cells, and the 总分 cell. */
const LAYOUT: Record<SelfEvalVariant, { id: string; w: string; s: string; reason: string; name: string; first: number; full: string; exec: string; init: string; total: string; budgetScore: string; budgetTotal: string }> = {
  'national-2020': { id: 'project-selfeval', w: 'G', s: 'H', reason: 'I', name: 'D', first: 14, full: 'D7', exec: 'E7', init: 'C7', total: 'H28', budgetScore: 'H6', budgetTotal: 'D6' },
  shanxi: { id: 'project-selfeval', w: 'I', s: 'J', reason: 'K', name: 'D', first: 12, full: 'E8', exec: 'F8', init: 'D8', total: 'J26', budgetScore: 'I7', budgetTotal: 'E7' },
  'henan-2021': { id: 'department-selfeval', w: 'G', s: 'H', reason: 'I', name: 'C', first: 19, full: 'E6', exec: 'F6', init: 'D6', total: 'I34', budgetScore: 'I5', budgetTotal: 'E5' },
};

/** Weights per indicator row adding to each block's printed weight (and to 90 overall). */
const WEIGHTS: Record<SelfEvalVariant, number[]> = {
  'national-2020': [8, 7, 7, 7, 7, 7, 7, 6, 6, 6, 6, 6, 5, 5],
  shanxi: [8, 7, 7, 7, 7, 7, 7, 6, 6, 6, 6, 6, 5, 5],
  'henan-2021': [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9, 9, 9, 8],
};

function filled(variant: SelfEvalVariant, opts: { full?: number; exec?: number; shortfall?: boolean } = {}): Inputs {
  const L = LAYOUT[variant];
  const inputs: Inputs = new Map();
  inputs.set(variant === 'henan-2021' ? 'C3' : variant === 'shanxi' ? 'C3' : 'B3', '宣传培训工作经费');
  inputs.set(L.init, opts.full ?? 35);
  inputs.set(L.full, opts.full ?? 35);
  inputs.set(L.exec, opts.exec ?? opts.full ?? 35);
  WEIGHTS[variant].forEach((w, i) => {
    const r = L.first + i;
    inputs.set(`${L.name}${r}`, `指标${i + 1}`);
    inputs.set(`${L.w}${r}`, w);
    inputs.set(`${L.s}${r}`, opts.shortfall && i === 0 ? w - 1.5 : w);
    if (opts.shortfall && i === 0) inputs.set(`${L.reason}${r}`, '部分工作延期，下年度加快进度');
  });
  if (variant === 'national-2020') inputs.set('F6', 10);
  if (variant === 'henan-2021') inputs.set('G5', 10);
  if (variant === 'shanxi' && (opts.exec ?? 0) < (opts.full ?? 0)) inputs.set('J8', '部分资金未支付');
  return inputs;
}

const VARIANTS: SelfEvalVariant[] = ['national-2020', 'shanxi', 'henan-2021'];

describe.each(VARIANTS)('绩效自评表 template %s', (variant) => {
  const L = LAYOUT[variant];
  const [sheet] = templateSheets(L.id, variant, { year: 2024, department: '测试部门' });

  test('is listed, and written as one sheet of its template id', () => {
    expect(listTemplates()).toContainEqual(expect.objectContaining({ id: L.id, variant }));
    expect(sheet.template).toBe(L.id);
    expect(sheet.cells.get(L.total)?.formula).toBeDefined();
  });

  test('left empty: recognised with its id and variant, reported empty, nothing else', async () => {
    const r = await book(sheet);
    expect(r.sheets).toEqual([expect.objectContaining({ template: L.id, variant, unit: '万元' })]);
    expect(discrepancies(r)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'R-EMPTY')).toHaveLength(1);
  });

  test('filled in consistently: no error, rounding or warning', async () => {
    for (const opts of [{}, { full: 35, exec: 34.53, shortfall: true }, { full: 60, exec: 49.95 }]) {
      const r = await book(sheet, filled(variant, opts));
      expect(r.sheets[0]).toEqual(expect.objectContaining({ template: L.id, variant }));
      expect(discrepancies(r)).toEqual([]);
      expect(r.findings.filter((f) => f.rule === 'R-EMPTY' || f.rule === 'S-STR-01')).toEqual([]);
    }
  });

  test('a total broken by hand gives the right findings', async () => {
    const inputs = filled(variant, { full: 35, exec: 34.53 });
    const bump = (cell: string) => (ws: ExcelJS.Worksheet) => {
      const c = ws.getCell(cell);
      c.value = Number((c.value as ExcelJS.CellFormulaValue).result) + 1;
    };
    const total = await book(sheet, inputs, bump(L.total));
    expect(discrepancies(total)).toEqual([expect.objectContaining({ rule: 'S-TOT-01', severity: 'error', cell: L.total })]);
    const budget = await book(sheet, inputs, bump(L.budgetTotal));
    const rules = discrepancies(budget).map((f) => `${f.rule} ${f.cell}`);
    expect(rules).toContain(`S-SUB-01 ${L.budgetTotal}`);
    const score = await book(sheet, inputs, bump(L.budgetScore));
    expect(discrepancies(score).map((f) => f.rule)).toContain('S-SCORE-01');
  });
});

test('live formulas: 执行率 guarded against 0, 得分 capped by MIN, 等级 by S-GRD-00', () => {
  const [sw] = templateSheets('project-selfeval', 'shanxi');
  expect(formulaText(sw.cells.get('H7')!.formula!)).toBe('IF(N(E7)=0,"",ROUND(F7/E7*100,2))');
  expect(formulaText(sw.cells.get('I7')!.formula!)).toBe('IF(N(E7)=0,"",ROUND(MIN(10,10*F7/E7),2))');
  expect(formulaText(sw.cells.get('G7')!.formula!)).toBe('IF(COUNT(E7,F7)=0,"",SUM(E7)-SUM(F7))');
  expect(formulaText(sw.cells.get('K26')!.formula!)).toContain('IF(J26>=90,"优",IF(J26>=80,"良",IF(J26>=60,"中","差")))');
  const [nat] = templateSheets('project-selfeval', 'national-2020');
  expect(formulaText(nat.cells.get('G28')!.formula!)).toBe('IF(COUNT(G14:G27)=0,"",SUM(G14:G27,IF(ISNUMBER(F6),F6,10)))');
  expect(formulaText(nat.cells.get('H6')!.formula!)).toBe('IF(N(D6)=0,"",ROUND(MIN(IF(ISNUMBER(F6),F6,10),IF(ISNUMBER(F6),F6,10)*E6/D6),2))');
});
