/**
 * 舍位平衡 (identities.md §8): every rounding finding of a table identity carries a proposal or a reason, and
 * each proposal, applied alone to a fresh copy, removes its finding and adds none.
 */
import { parseA1 } from '../../src/core/address';
import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { CellValue, gridFromRows, WorkbookGrid } from '../../src/core/grid';
import { loadFixture } from '../helpers';

const H21 = 'jiaozuo-2021-gongkai.xlsx';
const key = (f: Finding) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`;

describe('舍位平衡 proposals on the Jiaozuo fixture', () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = checkWorkbook(await loadFixture(H21)).findings.filter((f) => f.rule.startsWith('G-') && f.severity === 'rounding');
  });

  test('every rounding finding of a table identity has a proposal or a Chinese reason', () => {
    expect(findings.length).toBeGreaterThan(40);
    for (const f of findings) {
      expect(f).toHaveProperty('proposal');
      if (f.proposal === null) expect(f.proposalReason).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  test('the worked examples of §8: 公开06 C6 → C9 4477.88, and 公开01 F33 → none', () => {
    const c6 = findings.find((f) => f.sheet === '公开06' && f.cell === 'C6')!;
    expect(c6.proposal).toEqual({ sheet: '公开06', cell: 'C9', value: '4477.88' });
    const f33 = findings.find((f) => f.sheet === '公开01' && f.cell === 'F33')!;
    expect(f33.proposal).toBeNull();
    expect(f33.proposalReason).toMatch(/G-INTER-04/);
    expect(f33.proposalReason).toMatch(/G-INTRA-04/);
  });

  test('each proposal applied alone removes its finding and adds no new one', async () => {
    const withProposal = findings.filter((f) => f.proposal);
    expect(withProposal.length).toBeGreaterThan(0);
    for (const f of withProposal) {
      const wb = await loadFixture(H21);
      const before = new Set(checkWorkbook(wb).findings.filter((x) => x.severity !== 'info').map(key));
      const sheet = wb.sheets.find((s) => s.name === f.proposal!.sheet)!;
      const p = parseA1(f.proposal!.cell)!;
      sheet.cells[p.row][p.col] = { value: Number(f.proposal!.value), numFmt: '#,##0.00' };
      const after = checkWorkbook(wb).findings.filter((x) => x.severity !== 'info').map(key);
      expect(after).not.toContain(key(f));
      expect(after.filter((k) => !before.has(k))).toEqual([]);
    }
  });
});

describe('舍位平衡 proposals look at the row sums of large tables too', () => {
  // A 支出决算表 where 款 20101 基本支出 is 0.01 above its 项: changing the 款 breaks its own row (栏1 = 栏2 + 栏3)
  // and the 类 above it; changing either 项 breaks that 项's row. No single cell can balance it.
  const rows: CellValue[][] = [
    ['支出决算表'],
    [null, null, null, null, null, null, null, '公开03表'],
    ['部门：测试单位', null, null, '2025年度', null, null, null, '金额单位：万元'],
    ['项目', null, '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
    ['功能分类科目编码', '科目名称'],
    ['栏次', null, 1, 2, 3, 4, 5, 6],
    [null, '合计', 30.01, 20.01, 10, 0, 0, 0],
    ['201', '一般公共服务支出', 30.01, 20.01, 10, 0, 0, 0],
    ['20101', '人大事务', 30.01, 20.01, 10, 0, 0, 0],
    ['2010101', '行政运行', 18, 12, 6, 0, 0, 0],
    ['2010102', '一般行政管理事务', 12, 8, 4, 0, 0, 0],
  ];

  test('the rounding finding on the 款 has no proposal, and the reason names the row sum it would break', () => {
    const wb: WorkbookGrid = { fileName: 'hand.xlsx', sheets: [gridFromRows('支出', rows)] };
    const result = checkWorkbook(wb);
    expect(result.sheets[0].template).toBe('expenditure');
    const kuan = result.findings.filter((f) => f.rule === 'G-INTRA-12' && f.cell === 'D9');
    expect(kuan).toHaveLength(1);
    expect(kuan[0].severity).toBe('rounding');
    expect(kuan[0].proposal).toBeNull();
    expect(kuan[0].proposalReason).toMatch(/G-INTRA-08/);
    expect(kuan[0].proposalReason).toMatch(/G-INTRA-11/);
  });

  /** The table with the 款 row unbalanced as well: only the 款's 基本支出 (20.01 against 20.00 everywhere else) is off. */
  const withKuanRowUnbalanced = (): CellValue[][] => {
    const broken = rows.map((r) => [...r]);
    broken[8][2] = 30; // 栏1 of the 款 now equals Σ 项 + 栏3 … and no longer its own 栏2 + 栏3
    broken[6][3] = 20; // 合计 and 类 基本支出 follow the 项 (20.00)
    broken[7][3] = 20;
    broken[6][2] = 30;
    broken[7][2] = 30;
    return broken;
  };

  test('with the 款 row unbalanced as well, changing the 款 is proposed', () => {
    const wb: WorkbookGrid = { fileName: 'hand.xlsx', sheets: [gridFromRows('支出', withKuanRowUnbalanced())] };
    const kuan = checkWorkbook(wb).findings.find((f) => f.rule === 'G-INTRA-12' && f.cell === 'D9')!;
    expect(kuan.severity).toBe('rounding');
    expect(kuan.proposal).toEqual({ sheet: '支出', cell: 'D9', value: '20.00' });
  });

  test('a cell without exact hundredths (stored 12.004, shown 12.00) takes the decimal path to the same proposal', () => {
    const sheet = gridFromRows('支出', withKuanRowUnbalanced());
    sheet.cells[9][3] = { value: 12.004, numFmt: '0.00' }; // 行政运行 基本支出: read as shown, 12.00
    const findings = checkWorkbook({ fileName: 'hand.xlsx', sheets: [sheet] }).findings;
    const kuan = findings.find((f) => f.rule === 'G-INTRA-12' && f.cell === 'D9')!;
    expect(kuan.severity).toBe('rounding');
    expect(kuan.proposal).toEqual({ sheet: '支出', cell: 'D9', value: '20.00' });
  });
});
