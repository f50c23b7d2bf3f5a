/**
 * A rule tester in the manner of ESLint's RuleTester: each rule has valid cases (small grids it must stay silent on)
 * and invalid ones (the same grid with a cell or two broken) that must give exactly the listed findings of that rule.
 * Every case runs through the real engine (checkWorkbook), so recognition, units and reading are part of the test.
 */
import { parseA1 } from '../../src/core/address';
import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { Cell, CellValue, WorkbookGrid } from '../../src/core/grid';
import { ruleById } from '../../src/core/rules/catalogue';

/**
 * A change to a cell: the new value (null empties it), a function of the old value, or a whole cell (a formula
 * without its result); with a number format.
 */
export type CellChange = [sheet: string, address: string, value: CellValue | Cell | ((old: CellValue) => CellValue), numFmt?: string];

export interface RuleCase {
  name: string;
  workbook: () => WorkbookGrid | Promise<WorkbookGrid>;
  set?: CellChange[];
}

export type ExpectedFinding = Pick<Finding, 'sheet' | 'cell' | 'severity'> & Partial<Pick<Finding, 'stated' | 'expected' | 'derived'>>;

export interface InvalidCase extends RuleCase {
  /** The findings of the rule the change adds, all of them, in the engine's order (sheet, row, column). */
  findings: ExpectedFinding[];
}

export interface RuleTests {
  rule: string;
  valid: RuleCase[];
  invalid: InvalidCase[];
}

export function applyChanges(wb: WorkbookGrid, changes: CellChange[] = []): WorkbookGrid {
  for (const [sheetName, address, value, numFmt] of changes) {
    const sheet = wb.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const p = parseA1(address)!;
    while (sheet.cells.length <= p.row) sheet.cells.push([]);
    const row = (sheet.cells[p.row] ??= []);
    // The grid's size follows the cells, as a host's read of the changed file would give it.
    sheet.rowCount = Math.max(sheet.rowCount, p.row + 1);
    sheet.colCount = Math.max(sheet.colCount, p.col + 1);
    const old = row[p.col];
    const next = typeof value === 'function' ? value(old?.value ?? null) : value;
    if (next !== null && typeof next === 'object') {
      row[p.col] = next;
      continue;
    }
    row[p.col] = next === null ? undefined : { value: next, numFmt: numFmt ?? (typeof next === 'number' ? old?.numFmt ?? '#,##0.00' : undefined) };
  }
  return wb;
}

const key = (f: Finding) => `${f.sheet}!${f.cell}|${f.severity}|${f.message}`;

async function findingsOf(rule: string, c: RuleCase, changed: boolean): Promise<Finding[]> {
  const wb = await c.workbook();
  if (changed) applyChanges(wb, c.set);
  return checkWorkbook(wb).findings.filter((f) => f.rule === rule);
}

/** Registers one describe block per rule. */
export function runRuleTests(all: RuleTests[]): void {
  for (const t of all) {
    describe(t.rule, () => {
      test('is in the catalogue', () => {
        expect(ruleById(t.rule)?.id).toBe(t.rule);
      });
      if (t.valid.length) test.each(t.valid.map((c) => [c.name, c] as const))('valid: %s', async (_name, c) => {
        expect(await findingsOf(t.rule, c, true)).toEqual([]);
      });
      if (t.invalid.length) test.each(t.invalid.map((c) => [c.name, c] as const))('invalid: %s', async (_name, c) => {
        // A changed fixture may already carry findings of the rule (its 尾数误差): only what the change adds counts.
        const before = new Set(c.set?.length ? (await findingsOf(t.rule, c, false)).map(key) : []);
        const added = (await findingsOf(t.rule, c, true)).filter((f) => !before.has(key(f)));
        expect(added.map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity }))).toEqual(c.findings.map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity })));
        c.findings.forEach((f, i) => expect(added[i]).toMatchObject(f));
        const declared = ruleById(t.rule)?.severities ?? [];
        for (const f of added) {
          expect(declared).toContain(f.severity);
          expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      });
    });
  }
}
