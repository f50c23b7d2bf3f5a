/**
 * Recognition as a competition with evidence (gongkai-layouts.md §3 item 7, issue 16): the weights and the tie
 * rule as data, a sheet of prose that names an attached 自评表, an S-W 自评表 with long analysis text, units per
 * kind of table, split codes in the economic-classification table, and tables without 栏次 rows.
 */
import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { gridFromRows, WorkbookGrid } from '../../src/core/grid';
import {
  Candidate, CLAIM_ORDER, compete, EVIDENCE_WEIGHT, EvidenceKind, NEAR_TIE_BELOW, Reading, Recognition,
} from '../../src/core/recognition';
import { loadFixture } from '../helpers';
import { shanxiSW, sheetOf, workbookOf } from '../selfeval/builders';
import { applyAll, TRANSFORMS } from '../metamorphic/transforms';

const material = (f: Finding) => f.severity !== 'info';
const key = (f: Finding) => [f.sheet, f.cell, f.rule, f.severity, f.stated, f.expected].join('|');

function fakeCandidate(template: Recognition['template'], kinds: EvidenceKind[], reads = true): Candidate {
  const body = kinds.includes('body');
  return {
    family: 'gongkai',
    template,
    evidence: kinds.filter((k) => k !== 'body').map((kind) => ({ kind, text: kind })),
    read: (): Reading => ({
      outcome: reads ? ({ family: 'gongkai', template, unit: null, findings: [], sheet: gridFromRows('x', []), model: null } as Recognition) : { reason: '缺' },
      evidence: body ? [{ kind: 'body', text: 'body' }] : [],
      lacks: reads ? undefined : '缺',
    }),
  };
}

describe('weights and margins (one place, recognition.ts)', () => {
  test('each kind of evidence outweighs all weaker kinds together, in the order of §3 item 7', () => {
    const order: EvidenceKind[] = ['body', 'header', 'title', 'marker', 'shape'];
    order.forEach((kind, i) => {
      const weaker = order.slice(i + 1).reduce((n, k) => n + EVIDENCE_WEIGHT[k], 0);
      expect(EVIDENCE_WEIGHT[kind]).toBeGreaterThan(weaker);
    });
  });

  test('the near-tie margin only lets the order overrule text shape, never a marker, title, header or body', () => {
    expect(NEAR_TIE_BELOW).toBeGreaterThan(EVIDENCE_WEIGHT.shape);
    expect(NEAR_TIE_BELOW).toBeLessThanOrEqual(EVIDENCE_WEIGHT.marker);
    const c = compete([fakeCandidate('income', ['body', 'title']), fakeCandidate('three-public', ['body', 'title', 'shape'])]);
    expect(c.winner?.template).toBe('three-public');
    const d = compete([fakeCandidate('income', ['body', 'title', 'shape']), fakeCandidate('three-public', ['body', 'marker'])]);
    expect(d.winner?.template).toBe('income');
    expect(d.nearTie).toBeNull();
  });

  test('a body read as the grid beats header + title + marker + shape', () => {
    const c = compete([fakeCandidate('income', ['header', 'title', 'marker', 'shape']), fakeCandidate('expenditure', ['body'])]);
    expect(c.winner?.template).toBe('expenditure');
    expect(c.nearTie).toBeNull();
  });

  test('equally strong claims are decided by the spec order, and the runner-up is named', () => {
    const c = compete([fakeCandidate('income', ['body', 'title']), fakeCandidate('three-public', ['body', 'title'])]);
    expect(CLAIM_ORDER.indexOf('three-public')).toBeLessThan(CLAIM_ORDER.indexOf('income'));
    expect(c.winner?.template).toBe('three-public');
    expect(c.nearTie?.template).toBe('income');
  });

  test('a claim that does not read is reported as the best candidate with what it lacked', () => {
    const c = compete([fakeCandidate('fiscal-summary', ['title', 'marker'], false)]);
    expect(c.winner).toBeNull();
    expect(c.bestFailed).toMatchObject({ template: 'fiscal-summary', reading: { lacks: '缺' } });
  });
});

describe('a 情况说明 whose last line names an attachment', () => {
  let plain: WorkbookGrid;
  let withAttachment: WorkbookGrid;
  beforeAll(async () => {
    plain = await loadFixture('jiaozuo-2021-gongkai.xlsx');
    withAttachment = await loadFixture('jiaozuo-2021-gongkai.xlsx');
    const notes = withAttachment.sheets.find((s) => s.cells.some((row) => row?.some((c) => typeof c?.value === 'string' && c.value.includes('情况说明'))) && s.colCount === 1)!;
    notes.cells.push([{ value: '附件：2021年度项目支出绩效自评表' }]);
    notes.rowCount = notes.cells.length;
  });

  test('stays 情况说明, and its error and 尾数误差 are all still found', () => {
    const before = checkWorkbook(plain);
    const after = checkWorkbook(withAttachment);
    expect(after.sheets.map((s) => s.template)).toEqual(before.sheets.map((s) => s.template));
    expect(after.sheets.find((s) => s.template === 'situation-notes')?.evidence?.[0]).toContain('文字段落');
    expect(after.findings.filter(material).map(key)).toEqual(before.findings.filter(material).map(key));
    expect(after.findings.some((f) => f.severity === 'error')).toBe(true);
  });
});

describe('a Shanxi S-W 自评表 with long 绩效分析 text', () => {
  test('stays a 自评表', () => {
    const { rows, merges } = shanxiSW();
    const prose = '项目按计划实施，资金拨付及时，培训覆盖全部乡镇，参训农户对培训内容和方式普遍满意，后续将加强跟踪服务，巩固培训成效，提高资金使用效益。';
    for (let i = 0; i < 12; i++) rows.push([null, null, `（${i + 1}）${prose}${prose}`]);
    const r = checkWorkbook(workbookOf(sheetOf('分析', rows, merges)));
    expect(r.sheets[0]).toMatchObject({ template: 'project-selfeval', variant: 'shanxi' });
    expect(r.sheets[0].evidence?.some((e) => e.startsWith('表体'))).toBe(true);
  });
});

describe('units per kind of table', () => {
  test('a 自评表 without a unit line beside 元 公开表 is not thereby in 元', async () => {
    const wb = await loadFixture('jincheng-2022-gongkai-notes.xlsx');
    const { rows, merges } = shanxiSW();
    rows[4][0] = '项目资金预算安排及执行进度';
    wb.sheets.push(sheetOf('自评', rows, merges));
    const r = checkWorkbook(wb);
    expect(r.sheets.find((s) => s.name === '自评')).toMatchObject({ template: 'project-selfeval', unit: '万元' });
    expect(r.findings.filter((f) => f.sheet === '自评' && (f.severity === 'error' || f.severity === 'rounding'))).toEqual([]);
    const note = r.findings.find((f) => f.sheet === '自评' && f.rule === 'R-UNIT');
    expect(note?.message).toContain('绩效自评表');
  });

  test('it takes the unit of the other 自评表, not of the 公开表', async () => {
    const wb = await loadFixture('jincheng-2022-gongkai-notes.xlsx');
    const stated = shanxiSW();
    stated.rows[4][0] = '项目资金预算安排及执行进度(元)';
    const unstated = shanxiSW();
    unstated.rows[4][0] = '项目资金预算安排及执行进度';
    wb.sheets.push(sheetOf('自评一', stated.rows, stated.merges), sheetOf('自评二', unstated.rows, unstated.merges));
    const units = checkWorkbook(wb).sheets.filter((s) => s.name.startsWith('自评')).map((s) => s.unit);
    expect(units).toEqual(['元', '元']);
  });
});

describe('jincheng without its 栏次 rows', () => {
  test('all 11 templates right and the tables raise no error, rounding or warning', async () => {
    const wb = await loadFixture('jincheng-2022-gongkai-notes.xlsx');
    const before = checkWorkbook(wb);
    const { workbook } = applyAll(wb, [TRANSFORMS.removeColumnNumberRows], () => 0);
    const after = checkWorkbook(workbook);
    expect(after.sheets.map((s) => [s.name, s.template])).toEqual(before.sheets.map((s) => [s.name, s.template]));
    expect(after.sheets.every((s) => s.template !== null)).toBe(true);
    const tables = new Set(after.sheets.filter((s) => s.template !== 'situation-notes').map((s) => s.name));
    expect(after.findings.filter((f) => tables.has(f.sheet) && material(f))).toEqual([]);
    // The 三公 errors of the narrative are still found: the 三公 table was read without its 1–12 row.
    expect(after.findings.filter((f) => f.rule === 'NC-02' && f.severity === 'error').length).toBe(before.findings.filter((f) => f.rule === 'NC-02' && f.severity === 'error').length);
    expect(after.sheets.find((s) => s.template === 'three-public')?.evidence?.[0]).toContain('按表头文字');
  });
});

describe('a workbook re-typed into Sheet1…SheetN: no marker, no 栏次 row, codes split into 类|款|项', () => {
  test('is fully recognised and checked, the real error included', async () => {
    const wb = await loadFixture('jiaozuo-2021-gongkai.xlsx');
    const before = checkWorkbook(wb);
    const t = applyAll(wb, [TRANSFORMS.renameAndShuffleSheets, TRANSFORMS.removeMarkers, TRANSFORMS.removeColumnNumberRows, TRANSFORMS.splitCodes], (n) => (n > 1 ? 1 : 0));
    const after = checkWorkbook(t.workbook);
    expect(after.sheets.every((s) => /^Sheet\d+$/.test(s.name) && s.template !== null)).toBe(true);
    expect(after.findings.filter(material).length).toBe(before.findings.filter(material).length);
    expect(after.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.stated, f.expected])).toEqual(
      before.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.stated, f.expected]),
    );
  });
});

describe('the economic-classification table with split 类 | 款 codes', () => {
  test('a 类 and its 款 are never summed together (人员经费合计 read once)', async () => {
    const wb = await loadFixture('jincheng-2022-gongkai-notes.xlsx');
    // 类 printed on every row, as many exports do: 301 | 01 on the 款 row.
    const full = applyAll(wb, [TRANSFORMS.splitCodes], () => 0);
    const r = checkWorkbook(full.workbook);
    expect(r.findings.filter((f) => /G-INTRA-2[45]/.test(f.rule))).toEqual([]);
    const be = r.sheets.find((s) => s.template === 'basic-expenditure');
    expect(be?.evidence?.[0]).toMatch(/经济分类 \d+ 类 \d+ 款/);
  });

  test('a broken 人员经费合计 is still found on its cell', async () => {
    const wb = await loadFixture('jincheng-2022-gongkai-notes.xlsx');
    const be = wb.sheets.find((s) => s.cells.some((row) => row?.some((c) => c?.value === '人员经费合计')))!;
    const row = be.cells.findIndex((cells) => cells?.some((c) => c?.value === '人员经费合计'));
    be.cells[row][2] = { value: Number(be.cells[row][2]!.value) + 100, numFmt: '0.00' };
    const t = applyAll(wb, [TRANSFORMS.splitCodes], () => 0);
    const r = checkWorkbook(t.workbook);
    const f = r.findings.filter((x) => x.rule === 'G-INTRA-24');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
  });
});

describe('evidence in the report', () => {
  test('every recognised sheet says why; an unrecognised one names its best candidate and what it lacked', () => {
    const titleOnly = gridFromRows('Sheet1', [['财政拨款收入支出决算总表'], ['金额单位：元'], ['收入', null, null, '支出']]);
    const r = checkWorkbook({ fileName: 'x.xlsx', sheets: [titleOnly] });
    expect(r.sheets[0].template).toBeNull();
    expect(r.sheets[0].candidate).toMatchObject({ template: 'fiscal-summary' });
    expect(r.sheets[0].candidate?.evidence.join('')).toContain('标题');
    expect(r.sheets[0].candidate?.lacks).toBeTruthy();
  });
});
