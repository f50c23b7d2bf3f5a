/**
 * Metamorphic tests (issue 16): a 公开 workbook changed the ways real workbooks differ must give the same result —
 * the same template for every sheet, and for every error, rounding or warning finding the same rule, severity,
 * stated and expected values, its cell and its proposal's cell mapped through the change. Info findings may differ
 * (a text amount adds one). Each transformation alone, then random combinations (fast-check) on the in-memory grid,
 * and a few combinations written to .xlsx and read back, so the reader is covered too.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/engine';
import { CheckResult, Finding } from '../../src/core/findings';
import { WorkbookGrid } from '../../src/core/grid';
import { readXlsx } from '../../src/host/xlsx-read';
import { shanxiWorkbook } from '../gongkai/shanxi-builder';
import { gridToXlsx, loadFixture } from '../helpers';
import { applyAll, CellMap, Choose, mapAddress, Transform, TRANSFORMS } from './transforms';

const RUNS = 200;

const WORKBOOKS: { name: string; load: () => Promise<WorkbookGrid> }[] = [
  { name: 'jiaozuo-2021-gongkai.xlsx', load: () => loadFixture('jiaozuo-2021-gongkai.xlsx') },
  { name: 'jincheng-2022-gongkai-notes.xlsx', load: () => loadFixture('jincheng-2022-gongkai-notes.xlsx') },
  // The Shanxi templates filled with a small department's figures whose every identity holds (shanxi-builder.ts).
  { name: 'shanxi-2024 template, synthetic figures', load: async () => shanxiWorkbook('s24') },
  { name: 'shanxi-2022 template, synthetic figures', load: async () => shanxiWorkbook('s22') },
];

/** A seeded choice function (mulberry32), so a combination replays from its seed. */
function chooser(seed: number): Choose {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function sheetOf(map: CellMap, sheet: string): string {
  for (let r = 0; r < 60; r++) {
    const p = map({ sheet, row: r, col: 0 });
    if (p) return p.sheet;
  }
  return sheet;
}

function keyOf(f: Finding, sheet: string, cell: string | null, proposal: string): string {
  return [f.rule, f.severity, f.stated, f.expected, `${sheet}!${cell}`, proposal].join(' | ');
}

const material = (f: Finding) => f.severity !== 'info';

/** What must not change, in the transformed workbook's terms. */
function expected(original: CheckResult, map: CellMap) {
  const templates = original.sheets.map((s) => `${sheetOf(map, s.name)}=${s.template}`).sort();
  const findings = original.findings.filter(material).map((f) => {
    const at = mapAddress(map, f.sheet, f.cell);
    const p = f.proposal ? mapAddress(map, f.proposal.sheet, f.proposal.cell) : null;
    return keyOf(f, f.cell ? at.sheet : sheetOf(map, f.sheet), at.cell, p ? `${p.sheet}!${p.cell}` : '');
  }).sort();
  return { templates, findings };
}

function actual(result: CheckResult) {
  return {
    templates: result.sheets.map((s) => `${s.name}=${s.template}`).sort(),
    findings: result.findings.filter(material).map((f) => keyOf(f, f.sheet, f.cell, f.proposal ? `${f.proposal.sheet}!${f.proposal.cell}` : '')).sort(),
  };
}

const NAMES = Object.keys(TRANSFORMS);

describe.each(WORKBOOKS)('$name', ({ load }) => {
  let original: WorkbookGrid;
  let baseline: CheckResult;

  beforeAll(async () => {
    original = await load();
    baseline = checkWorkbook(original);
  });

  test('the untransformed workbook is fully recognised', () => {
    expect(baseline.sheets.filter((s) => s.template === null && s.reason !== '未识别：空白工作表')).toEqual([]);
  });

  test.each(NAMES)('%s alone gives the same result', (name) => {
    const t = applyAll(original, [TRANSFORMS[name]], chooser(7));
    expect(actual(checkWorkbook(t.workbook))).toEqual(expected(baseline, t.map));
  });

  test(`${RUNS} random combinations give the same result`, () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: NAMES.length, maxLength: NAMES.length }), fc.integer(), (picks, seed) => {
        const chosen: Transform[] = NAMES.filter((_, i) => picks[i]).map((n) => TRANSFORMS[n]);
        const t = applyAll(original, chosen, chooser(seed));
        expect(actual(checkWorkbook(t.workbook))).toEqual(expected(baseline, t.map));
      }),
      { numRuns: RUNS, seed: Number(process.env.METAMORPHIC_SEED ?? 16) },
    );
  });

  test('every transformation at once, written to .xlsx and read back', async () => {
    const t = applyAll(original, NAMES.map((n) => TRANSFORMS[n]), chooser(3));
    const bytes = await gridToXlsx(t.workbook);
    const read = await readXlsx(bytes, 'transformed.xlsx');
    expect(actual(checkWorkbook(read))).toEqual(expected(baseline, t.map));
  });
});

test('every transformation changes at least one workbook (one that changed none would prove nothing)', async () => {
  const shape = (wb: WorkbookGrid) => JSON.stringify(wb.sheets.map((s) => [s.name, s.cells, s.merges]));
  const originals = await Promise.all(WORKBOOKS.map((w) => w.load()));
  const idle = NAMES.filter((name) => originals.every((wb) => shape(applyAll(wb, [TRANSFORMS[name]], chooser(7)).workbook) === shape(wb)));
  expect(idle).toEqual([]);
});
