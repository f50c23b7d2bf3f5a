/** S-ACT-01 — 全年执行数未填. */
import { Decimal, fixed, Reading } from '../../numbers';
import { cmpC } from '../compare';
import { TableCheck } from '../context';
import { money, rowLabel } from './budget-kit';
import { defineRule } from '../../rules/definition';

const RULE = defineRule({
  id: 'S-ACT-01',
  family: 'selfeval',
  title: '全年执行数未填',
  formula: '全年执行数为空而填有执行率或得分：推算执行数 = 全年预算数 − 结余，或 全年预算数 × 执行率',
  spec: 'selfeval-rules.md §2',
  severities: ['warning'],
  severityHow: '条件成立即提示，并说明推算数能否得出所填执行率',
  messages: ['{资金行}全年执行数为空，但填有{执行率/得分}；推算执行数约为 {推算数}'],
  fix: null,
});

export default RULE;

/** 全年执行数 empty while a 执行率 or 得分 is stated; returns the rows it reported (their rate is not checked). */
export function checkEmptyExecution(ctx: TableCheck): Set<number> {
  const b = ctx.table.budget!;
  const flagged = new Set<number>();
  for (const row of b.rows) {
    const isTotal = row === b.totalRow;
    const full = money(ctx, row, 'full');
    const exec = money(ctx, row, 'exec');
    const rateR = ctx.read(row, b.cols.rate, 'rate');
    const scoreR = isTotal ? ctx.read(row, b.cols.score, 'score', '预算执行得分') : ({ kind: 'empty', dash: false } as Reading);
    if (full.v === null || exec.v === null) continue;
    // S-ACT-01: 执行数 empty while a rate or a score is stated.
    if (exec.r.kind === 'empty' && b.cols.exec !== undefined && (rateR.kind === 'number' || scoreR.kind === 'number') && !full.v.isZero()) {
      const bal = money(ctx, row, 'bal');
      let expected: Decimal | null = null;
      if (bal.r.kind === 'number') expected = full.v.minus(bal.v!);
      else if (rateR.kind === 'number') expected = full.v.times(rateR.value).dividedBy(100);
      let reproduces = '';
      if (expected && rateR.kind === 'number') {
        const ok = cmpC(rateR.value, rateR.decimals, expected.dividedBy(full.v).times(100)) === 'ok';
        reproduces = ok ? '，按此推算可得出所填执行率' : '，按此推算与所填执行率不一致';
      }
      ctx.add(RULE, 'warning', { row, col: b.cols.exec }, `${rowLabel(ctx, row)}全年执行数为空，但填有${rateR.kind === 'number' ? '执行率' : '得分'}${expected ? `；推算执行数约为 ${fixed(expected, 2)}` : ''}${reproduces}`, {
        stated: '',
        expected: expected ? fixed(expected, 2) : null,
      });
      flagged.add(row);
    }
  }
  return flagged;
}
