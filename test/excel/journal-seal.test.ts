/**
 * A journal that cannot be turned into a weapon (issue 20 item 6): the attack from the issue — a crafted journal
 * whose after-states match the cells and whose fingerprint of 公开09 is computed — no longer deletes a data sheet or
 * turns 公开01!C7 into a formula silently, in the memory host and in the Office.js host over the fake context.
 * Journals written on this PC restore without asking; another PC's, a tampered or an unsigned one is foreign.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { ExcelHost } from '../../src/excel/excel-host';
import { ForeignRestorePlan } from '../../src/host/host';
import { CellState, JOURNAL_KEY, Journal, MAX_JOURNAL_ENTRIES, fingerprintValues } from '../../src/host/journal';
import { JournalSeal, memoryKeyStore } from '../../src/host/journal-seal';
import { MemoryHost, NO_FILL, memoryDocument } from '../../src/host/memory-host';
import { readXlsx } from '../../src/host/xlsx-read';
import { FakeDocument, FakeExcel, FakeSheet, supportsUpTo } from './fake-excel';
import { dump, finding, tenSheetDocument } from './helpers';

const SAMPLE = path.resolve(__dirname, '../../samples/jiaozuo-2021-gongkai.xlsx');
const EVIL = '=HYPERLINK("http://example.invalid/x","点此查看")';

async function sampleHost(seal = new JournalSeal(memoryKeyStore())): Promise<MemoryHost> {
  const wb = await readXlsx(new Uint8Array(readFileSync(SAMPLE)), 'jiaozuo-2021-gongkai.xlsx');
  return new MemoryHost(memoryDocument(wb), seal);
}

function docState(host: MemoryHost): string {
  return JSON.stringify(host.doc.sheets.map((s) => ({ name: s.grid.name, cells: s.grid.cells, fills: [...s.fills], notes: [...s.notes] })));
}

/** The crafted journal: C7's "after" is what C7 shows now, and 公开09's fingerprint is what it holds now. */
function craftedJournal(host: MemoryHost): Journal {
  const s09 = host.doc.sheets.find((s) => s.grid.name === '公开09')!;
  const c7 = host.doc.sheets.find((s) => s.grid.name === '公开01')!.grid.cells[6][2]!;
  const now: CellState = { fill: { ...NO_FILL }, formula: c7.value as number, numFmt: c7.numFmt ?? 'General', note: null };
  const print = fingerprintValues(s09.grid.cells.map((r) => (r ?? []).map((c) => (c?.formula ? `=${c.formula}` : (c?.value ?? '')))));
  return {
    version: 1,
    entries: [{ sheet: '公开01', address: 'C7', before: { ...now, formula: EVIL }, after: now }],
    sheets: [{ name: '公开09', fingerprint: print }],
  };
}

describe('the memory host', () => {
  test('the issue’s crafted journal no longer deletes 公开09 or writes =HYPERLINK into 公开01!C7 silently', async () => {
    const host = await sampleHost();
    host.doc.settings.set(JOURNAL_KEY, JSON.stringify(craftedJournal(host)));
    const before = docState(host);
    await host.readWorkbook();

    // Without anyone to ask, nothing foreign is replayed.
    expect(await host.clearMarks()).toMatchObject({ declined: true, restored: 0, sheetsRemoved: [] });
    expect(docState(host)).toBe(before);

    // The pane is shown every change, the sheet deletion and the formula included; declining changes nothing.
    const plans: ForeignRestorePlan[] = [];
    expect(await host.clearMarks(async (plan) => (plans.push(plan), null))).toMatchObject({ declined: true });
    expect(plans[0].deleteSheets).toEqual(['公开09']);
    expect(plans[0].changes).toContainEqual({ sheet: '公开01', cell: 'C7', aspect: 'content', from: '17074.25', to: EVIL });
    expect(docState(host)).toBe(before);

    // 只清除填色和批注: no content written, no sheet deleted.
    const r = await host.clearMarks(async () => 'marks');
    expect(r).toMatchObject({ marksOnly: true, restored: 0, sheetsRemoved: [] });
    expect(host.doc.sheets.some((s) => s.grid.name === '公开09')).toBe(true);
    const c7 = host.doc.sheets[0].grid.cells[6][2]!;
    expect(c7.formula).toBeUndefined();
    expect(c7.value).toBe(17074.25);
    expect(docState(host)).toBe(before);
    // The crafted journal is gone; the next 清除标记 has nothing to replay.
    expect(await host.clearMarks()).toEqual({ restored: 0, userChanged: [], sheetsRemoved: [], sheetsKept: [] });
  });

  test('a journal written on this PC restores without asking, also after reopening', async () => {
    const seal = new JournalSeal(memoryKeyStore());
    const host = await sampleHost(seal);
    const original = docState(host);
    await host.readWorkbook();
    await host.applyHighlights([finding('公开01', 'C7'), finding('公开02', 'D9', 'warning')]);
    await host.insertReportSheet({ findings: [finding('公开01', 'C7')], sheets: [] } as never);
    const stored = JSON.parse(host.doc.settings.get(JOURNAL_KEY)!);
    expect(typeof stored.hmac).toBe('string');

    const reopened = new MemoryHost(host.doc, seal);
    await reopened.readWorkbook();
    const ask = jest.fn(async () => 'all' as const);
    const r = await reopened.clearMarks(ask);
    expect(ask).not.toHaveBeenCalled();
    expect(r.sheetsRemoved).toEqual(['审核结果']);
    expect(docState(reopened)).toBe(original);
  });

  test('another PC’s journal, and a signed one altered afterwards, are foreign: listed with fills and notes, 只清除填色和批注 restores them', async () => {
    const host = await sampleHost(new JournalSeal(memoryKeyStore()));
    await host.readWorkbook();
    await host.applyHighlights([finding('公开01', 'C7')]);
    await host.applyEdits([{ sheet: '公开01', cell: 'C8', current: null, proposed: '1', value: 1, rule: 'X' }], async () => true);

    const otherPc = new MemoryHost(host.doc, new JournalSeal(memoryKeyStore()));
    await otherPc.readWorkbook();
    let plan: ForeignRestorePlan | null = null;
    const r = await otherPc.clearMarks(async (p) => ((plan = p), 'marks'));
    expect(plan!.changes.filter((c) => c.aspect === 'fill').length).toBeGreaterThan(0);
    expect(plan!.changes).toContainEqual(expect.objectContaining({ sheet: '公开01', cell: 'C7', aspect: 'note', to: '无批注' }));
    expect(plan!.changes).toContainEqual(expect.objectContaining({ sheet: '公开01', cell: 'C8', aspect: 'content', from: '1' }));
    expect(r.marksOnly).toBe(true);
    expect(host.doc.sheets[0].fills.size).toBe(0);
    expect(host.doc.sheets[0].notes.size).toBe(0);
    expect(host.doc.sheets[0].grid.cells[7][2]?.value).toBe(1); // content left as it is now

    // Tampering with a signed journal makes it foreign.
    const seal = new JournalSeal(memoryKeyStore());
    const h2 = await sampleHost(seal);
    await h2.readWorkbook();
    await h2.applyHighlights([finding('公开01', 'C7')]);
    const env = JSON.parse(h2.doc.settings.get(JOURNAL_KEY)!);
    const j = JSON.parse(env.journal) as Journal;
    j.entries[0].before.formula = EVIL;
    h2.doc.settings.set(JOURNAL_KEY, JSON.stringify({ journal: JSON.stringify(j), hmac: env.hmac }));
    const ask = jest.fn(async () => null);
    await h2.clearMarks(ask);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  test('marking over a foreign journal does not sign it: it stays foreign', async () => {
    const host = await sampleHost();
    host.doc.settings.set(JOURNAL_KEY, JSON.stringify(craftedJournal(host)));
    await host.readWorkbook();
    await host.applyHighlights([finding('公开02', 'D9')]);
    expect(JSON.parse(host.doc.settings.get(JOURNAL_KEY)!).hmac).toBeUndefined();
    const ask = jest.fn(async () => null);
    await host.clearMarks(ask);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(host.doc.sheets.some((s) => s.grid.name === '公开09')).toBe(true);
  });

  test.each([
    ['a range instead of a cell', (j: Journal) => (j.entries[0].address = 'A1:Z100'), /不是单个单元格/],
    ['a sheet part in the address', (j: Journal) => (j.entries[0].address = "'公开09'!A1"), /不是单个单元格/],
    ['a sheet the workbook does not have', (j: Journal) => (j.entries[0].sheet = '不存在的表'), /工作表不存在/],
    ['too many entries', (j: Journal) => (j.entries = Array.from({ length: MAX_JOURNAL_ENTRIES + 1 }, () => j.entries[0])), /超过 50000 项的上限/],
    ['a state that is not a cell state', (j: Journal) => ((j.entries[0].before as unknown as { formula: unknown }).formula = { f: 1 }), /无法识别/],
  ])('a journal with %s is refused with a Chinese message and nothing is replayed', async (_, spoil, message) => {
    const host = await sampleHost();
    const j = craftedJournal(host);
    spoil(j);
    host.doc.settings.set(JOURNAL_KEY, JSON.stringify(j));
    const before = docState(host);
    await host.readWorkbook();
    const ask = jest.fn(async () => 'all' as const);
    const r = await host.clearMarks(ask);
    expect(ask).not.toHaveBeenCalled();
    expect(r.rejected).toMatch(message);
    expect(docState(host)).toBe(before);
  });

  test('a damaged journal is refused, not half-read', async () => {
    const host = await sampleHost();
    host.doc.settings.set(JOURNAL_KEY, '{"version":1,"entries":[');
    await host.readWorkbook();
    expect((await host.clearMarks()).rejected).toMatch(/已损坏/);
  });
});

describe('the Office.js host over the fake context', () => {
  function attackDocument(): FakeDocument {
    const doc = new FakeDocument();
    const s01 = FakeSheet.fromRows('公开01', [['收入支出决算总表'], [], [], [], [], [], [null, '一般公共预算财政拨款收入', 17074.25]]);
    s01.ensure('C7').numFmt = '#,##0.00';
    const s09 = FakeSheet.fromRows('公开09', [['国有资本经营预算财政拨款支出决算表'], ['项目', '本年支出'], ['合计', 0]]);
    doc.sheets.push(s01, s09);
    return doc;
  }

  test('the crafted journal: 清除标记 asks, lists the deletion and the formula, and 只清除填色和批注 changes neither', async () => {
    const doc = attackDocument();
    const fill = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
    const now: CellState = { fill, formula: 17074.25, numFmt: '#,##0.00', note: null };
    const print = fingerprintValues(
      Array.from({ length: 3 }, (_, r) => Array.from({ length: 2 }, (_, c) => doc.sheets[1].get(`${'AB'[c]}${r + 1}`)?.value ?? '')),
    );
    const crafted: Journal = {
      version: 1,
      entries: [{ sheet: '公开01', address: 'C7', before: { ...now, formula: EVIL }, after: now }],
      sheets: [{ name: '公开09', fingerprint: print }],
    };
    doc.settings.set(JOURNAL_KEY, JSON.stringify(crafted));
    const original = dump(doc);
    const excel = new FakeExcel(doc);
    const host = new ExcelHost({ run: excel.run, isSetSupported: supportsUpTo('1.18'), seal: new JournalSeal(memoryKeyStore()) });
    await host.readWorkbook();

    let plan: ForeignRestorePlan | null = null;
    expect(await host.clearMarks(async (p) => ((plan = p), null))).toMatchObject({ declined: true });
    expect(plan!.deleteSheets).toEqual(['公开09']); // the fingerprint matched: without asking it would have gone
    expect(plan!.changes).toContainEqual({ sheet: '公开01', cell: 'C7', aspect: 'content', from: '17074.25', to: EVIL });
    expect(dump(doc)).toEqual(original);

    await host.clearMarks(async () => 'marks');
    expect(doc.sheets.map((s) => s.name)).toEqual(['公开01', '公开09']);
    expect(doc.sheets[0].get('C7')).toMatchObject({ value: 17074.25 });
    expect(doc.sheets[0].get('C7')?.formula).toBeUndefined();
    expect(doc.cellWrites.filter((w) => w.address === 'C7')).toEqual([]);
    expect(dump(doc)).toEqual(original);
  });

  test('its own journal, reopened on the same PC, restores without asking in two syncs; another PC asks', async () => {
    const seal = new JournalSeal(memoryKeyStore());
    const doc = tenSheetDocument(2);
    const original = dump(doc);
    const h1 = new ExcelHost({ run: new FakeExcel(doc).run, isSetSupported: supportsUpTo('1.18'), seal });
    await h1.readWorkbook();
    await h1.applyHighlights([finding(doc.sheets[0].name, 'C4')]);

    const other = new ExcelHost({ run: new FakeExcel(doc).run, isSetSupported: supportsUpTo('1.18'), seal: new JournalSeal(memoryKeyStore()) });
    await other.readWorkbook();
    const ask = jest.fn(async () => null);
    await other.clearMarks(ask);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(dump(doc)).not.toEqual(original);

    const excel = new FakeExcel(doc);
    const h2 = new ExcelHost({ run: excel.run, isSetSupported: supportsUpTo('1.18'), seal });
    await h2.readWorkbook();
    const syncs = excel.syncs;
    const never = jest.fn(async () => null);
    await h2.clearMarks(never);
    expect(never).not.toHaveBeenCalled();
    expect(excel.syncs - syncs).toBe(2);
    expect(dump(doc)).toEqual(original);
  });
});

test('marking after a refused journal starts a journal of this PC’s own: 清除标记 then restores without asking', async () => {
  const seal = new JournalSeal(memoryKeyStore());
  const wb = await readXlsx(new Uint8Array(readFileSync(SAMPLE)), 'jiaozuo-2021-gongkai.xlsx');
  const host = new MemoryHost(memoryDocument(wb), seal);
  const original = docState(host);
  host.doc.settings.set(JOURNAL_KEY, JSON.stringify({ version: 1, entries: [{ sheet: '公开01', address: 'A1:B2' }], sheets: [] }));
  await host.readWorkbook();
  await host.applyHighlights([finding('公开01', 'C7')]);
  const ask = jest.fn(async () => null);
  const r = await host.clearMarks(ask);
  expect(ask).not.toHaveBeenCalled();
  expect(r.restored).toBeGreaterThan(0);
  expect(docState(host)).toBe(original);
});
