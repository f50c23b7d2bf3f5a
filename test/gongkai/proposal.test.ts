/**
 * 舍位平衡 (identities.md §8): every rounding finding of a table identity carries a proposal or a reason, and
 * each proposal, applied alone to a fresh copy, removes its finding and adds none.
 */
import { parseA1 } from '../../src/core/address';
import { checkWorkbook } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
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
