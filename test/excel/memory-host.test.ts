/** The in-memory host shares the journal: highlight, apply, report sheet and restore on a real sample workbook. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/core/engine';
import { MemoryHost, memoryDocument } from '../../src/host/memory-host';
import { readXlsx } from '../../src/host/xlsx-read';
import { finding } from './helpers';

function snapshotDoc(host: MemoryHost) {
  return JSON.stringify(
    host.doc.sheets.map((s) => ({ name: s.grid.name, cells: s.grid.cells, fills: [...s.fills], notes: [...s.notes] })),
  );
}

test('MemoryHost: highlight, apply over a formula, report sheet, then exact restore', async () => {
  const file = path.resolve(__dirname, '../../samples/jiaozuo-2021-gongkai.xlsx');
  const wb = await readXlsx(new Uint8Array(readFileSync(file)), 'jiaozuo-2021-gongkai.xlsx');
  const host = new MemoryHost(memoryDocument(wb));
  const original = snapshotDoc(host);
  const grid = await host.readWorkbook();
  const result = checkWorkbook(grid);
  const sheet = grid.sheets[0].name;
  const findings = [...result.findings, finding(sheet, 'B8', 'error'), finding(sheet, 'C9', 'warning')];
  const w = await host.applyHighlights(findings);
  expect(w.written).toBeGreaterThan(0);
  expect(host.doc.sheets[0].fills.get('A8')?.color).toBe('#FFC7CE');
  expect(host.doc.sheets[0].notes.get('B8')).toMatch(/^【决算校验】/);
  const formulaCell = grid.sheets.flatMap((s) => s.cells.flatMap((r, ri) => (r ?? []).map((c, ci) => ({ s: s.name, c, ri, ci })))).find((x) => x.c?.formula);
  const edits = [{ sheet, cell: 'B8', current: null, proposed: '1', value: 1, rule: 'S-X' }];
  if (formulaCell) edits.push({ sheet: formulaCell.s, cell: `${String.fromCharCode(65 + formulaCell.ci)}${formulaCell.ri + 1}`, current: null, proposed: '2', value: 2, rule: 'S-X' });
  await host.applyEdits(edits, async () => true);
  const selected: string[] = [];
  host.onSelect = (s, c) => selected.push(`${s}!${c}`);
  await host.selectCell(sheet, 'B8');
  expect(selected).toEqual([`${sheet}!B8`]);
  const name = await host.insertReportSheet({ ...result, findings });
  expect(host.doc.sheets.some((s) => s.grid.name === name)).toBe(true);
  const r = await host.clearMarks();
  expect(r.userChanged).toEqual([]);
  expect(snapshotDoc(host)).toBe(original);
});
