/**
 * Restore after random sequences of highlights, applied values, report sheets, closing and reopening, and user
 * edits: every cell the user never touched goes back exactly to its prior state; a cell the user edited keeps the
 * user's edits; a cell the user edited after the add-in's last write is left exactly as the user left it. The
 * third sheet is protected: the add-in's marks and values aimed at it are skipped (the fake refuses any write
 * there, as Excel does), so it never changes. An untouched report sheet is removed again.
 */
import fc from 'fast-check';
import { a1 } from '../../src/core/address';
import { ExcelHost } from '../../src/excel/excel-host';
import { CommitRequest } from '../../src/host/journaled-host';
import { FakeDocument, FakeExcel, FakeSheet, supportsUpTo } from './fake-excel';
import { PlainCell, dump, finding } from './helpers';

const ROWS = 8;
const COLS = 4;
const SHEETS = ['表一', "O'Neil 表", '受保护表'];
const PROTECTED = 2;

type Action =
  | { t: 'highlight'; marks: { s: number; r: number; c: number; sev: 'error' | 'rounding' | 'warning' | 'info' }[] }
  | { t: 'edit'; cells: { s: number; r: number; c: number; v: number }[]; confirm: boolean }
  | { t: 'report' }
  | { t: 'reopen' }
  | { t: 'userValue'; s: number; r: number; c: number; v: number | string }
  | { t: 'userFill'; s: number; r: number; c: number; color: string }
  | { t: 'userNote'; s: number; r: number; c: number; note: string | null };

const pos = { s: fc.integer({ min: 0, max: SHEETS.length - 1 }), r: fc.integer({ min: 0, max: ROWS - 1 }), c: fc.integer({ min: 0, max: COLS - 1 }) };
// The user cannot type into the protected sheet either.
const userPos = { ...pos, s: fc.integer({ min: 0, max: PROTECTED - 1 }) };
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant('highlight' as const), marks: fc.array(fc.record({ ...pos, sev: fc.constantFrom('error' as const, 'rounding' as const, 'warning' as const, 'info' as const) }), { maxLength: 5 }) }),
  fc.record({ t: fc.constant('edit' as const), cells: fc.array(fc.record({ ...pos, v: fc.integer({ min: -5, max: 500 }) }), { minLength: 1, maxLength: 3 }), confirm: fc.boolean() }),
  fc.record({ t: fc.constant('report' as const) }),
  fc.record({ t: fc.constant('reopen' as const) }),
  fc.record({ t: fc.constant('userValue' as const), ...userPos, v: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constantFrom('', '改')) }),
  fc.record({ t: fc.constant('userFill' as const), ...userPos, color: fc.constantFrom('#FF0000', '#FFC7CE', '#123456') }),
  fc.record({ t: fc.constant('userNote' as const), ...userPos, note: fc.option(fc.constantFrom('我的批注', '复核'), { nil: null }) }),
);

function initialDocument(seed: number): FakeDocument {
  const doc = new FakeDocument();
  SHEETS.forEach((name, s) => {
    const rows: (string | number | null)[][] = [];
    for (let r = 0; r < ROWS; r++) rows.push(Array.from({ length: COLS }, (_, c) => ((r * 7 + c * 3 + seed + s) % 5 === 0 ? null : r * 10 + c)));
    const sheet = FakeSheet.fromRows(name, rows);
    sheet.ensure('B2').fill = { color: '#00B050', pattern: 'Solid', patternColor: '#000000', tintAndShade: 0.4, patternTintAndShade: 0 };
    sheet.ensure('C3').fill = { color: '#FFFF00', pattern: 'LightUp', patternColor: '#FF0000', tintAndShade: 0, patternTintAndShade: -0.25 };
    sheet.ensure('D4').numFmt = '0.00%';
    sheet.ensure('A5').formula = 'SUM(B5:D5)';
    doc.notes.set(`${name}!B3`, { content: '原有批注' });
    sheet.protected = s === PROTECTED;
    doc.sheets.push(sheet);
  });
  return doc;
}

const key = (s: number, r: number, c: number) => `${SHEETS[s]}!${a1(r, c)}`;

async function runScenario(seed: number, actions: Action[]): Promise<void> {
  const doc = initialDocument(seed);
  const original = dump(doc, COLS, ROWS);
  const userEdited = new Map<string, Set<keyof PlainCell>>();
  const userLast = new Set<string>();
  // A new context and host each time the workbook is "reopened"; the journal lives in the document.
  const open = () => {
    const excel = new FakeExcel(doc);
    const h = new ExcelHost({ run: excel.run, isSetSupported: supportsUpTo('1.18') });
    // Which cells each add-in write touched, to know whether the user or the add-in wrote a cell last.
    const backend = (h as unknown as { backend: { commit: (r: CommitRequest) => Promise<void> } }).backend;
    const commit = backend.commit.bind(backend);
    backend.commit = async (req) => {
      await commit(req);
      for (const w of req.writes) userLast.delete(`${w.sheet}!${w.address}`);
    };
    return h;
  };
  let host = open();
  const userTouch = (k: string, aspect: keyof PlainCell) => {
    userEdited.set(k, (userEdited.get(k) ?? new Set()).add(aspect));
    userLast.add(k);
  };
  await host.readWorkbook();
  for (const a of actions) {
    if (a.t === 'highlight') {
      await host.readWorkbook();
      await host.applyHighlights(a.marks.map((m) => finding(SHEETS[m.s], a1(m.r, m.c), m.sev)));
    } else if (a.t === 'report') {
      await host.readWorkbook();
      await host.insertReportSheet({ file: 'x.xlsx', sheets: [], findings: [finding(SHEETS[0], 'A1', 'error')], edits: [] });
    } else if (a.t === 'reopen') {
      host = open();
      await host.readWorkbook();
    } else if (a.t === 'edit') {
      await host.applyEdits(
        a.cells.map((c) => ({ sheet: SHEETS[c.s], cell: a1(c.r, c.c), current: null, proposed: String(c.v), value: c.v, rule: 'S-P' })),
        async () => a.confirm,
      );
    } else {
      const k = key(a.s, a.r, a.c);
      const cell = doc.sheets[a.s].ensure(a1(a.r, a.c));
      if (a.t === 'userValue') {
        cell.value = a.v;
        delete cell.formula;
        userTouch(k, 'value');
      } else if (a.t === 'userFill') {
        cell.fill = { ...(cell.fill ?? {}), color: a.color, pattern: 'Solid' };
        userTouch(k, 'fill');
      } else {
        if (a.note === null) doc.notes.delete(k);
        else doc.notes.set(k, { content: a.note });
        userTouch(k, 'note');
      }
    }
  }
  const userValues = dump(doc, COLS, ROWS); // the user's edits are the latest state of those aspects
  const lastUser = new Map<string, PlainCell>();
  for (const k of userLast) lastUser.set(k, userValues[k]);
  const userAspect = new Map<string, Partial<PlainCell>>();
  // Record the user's last value of each aspect they edited, as it stands now unless the add-in overwrote it later.
  for (const [k, aspects] of userEdited) {
    const p: Partial<PlainCell> = {};
    for (const a of aspects) (p as Record<string, unknown>)[a] = userValues[k][a];
    userAspect.set(k, p);
  }
  await host.readWorkbook();
  const report = await host.clearMarks();
  const final = dump(doc, COLS, ROWS);
  expect(doc.sheets.map((s) => s.name)).toEqual(SHEETS);
  expect(doc.sheets[PROTECTED].protected).toBe(true);
  for (const k of Object.keys(original)) {
    if (!userEdited.has(k)) {
      expect({ k, cell: final[k] }).toEqual({ k, cell: original[k] });
    } else if (userLast.has(k)) {
      expect({ k, cell: final[k] }).toEqual({ k, cell: lastUser.get(k) });
    } else {
      // The add-in wrote the cell after the user: aspects not edited by the user are original.
      const aspects = userEdited.get(k)!;
      for (const a of ['value', 'numFmt', 'fill', 'note'] as (keyof PlainCell)[]) {
        if (!aspects.has(a)) expect({ k, a, v: final[k][a] }).toEqual({ k, a, v: original[k][a] });
      }
    }
  }
  for (const ref of report.userChanged) expect(userEdited.has(`${ref.sheet}!${ref.cell}`)).toBe(true);
}

test('restore after random highlights, applied values and user edits returns every cell to its prior state', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 0, max: 4 }), fc.array(action, { maxLength: 12 }), (seed, actions) => runScenario(seed, actions)),
    { numRuns: 200 },
  );
});
