/** S-SCORE-01 — 预算执行得分. */
import { Decimal, fixed, halfUp, NumberReading } from '../../numbers';
import { cmpC, exact4 } from '../compare';
import { TableCheck } from '../context';
import { BudgetFacts, SEVERITY } from './budget-kit';
import { proposeNumber } from './edit';
import S_SCORE_02 from './S-SCORE-02';
import { defineRule } from '../../rules/definition';

const RULE = defineRule({
  id: 'S-SCORE-01',
  family: 'selfeval',
  title: '预算执行得分',
  formula: '预算执行得分 = 分值 × min(全年执行数 ÷ 全年预算数, 1)；按所填执行率算出的得分也认可',
  spec: 'selfeval-rules.md §2',
  severities: ['error', 'rounding', 'info'],
  severityHow: '按得分显示的小数位比较（CMP-C）：尾数误差或错误；全年预算数为 0 时接受所填得分并说明',
  messages: ['预算执行得分应为 分值×执行率 = {分值}×{执行率}% = {得分}，按所示小数位应为 {应为}', '全年预算数为 0，执行率无法计算，预算执行得分按所填数接受'],
  fix: '改为重算的预算执行得分',
});

export default RULE;

/** S-SCORE-01/02: 预算执行得分 = 分值 × min(执行率, 1). */
export function checkScore(ctx: TableCheck, facts: BudgetFacts): void {
  const b = ctx.table.budget!;
  // 分值: the first block row that holds it; none (shanxi) means 10.
  if (b.cols.weight !== undefined) {
    for (const row of b.rows) {
      const w = ctx.read(row, b.cols.weight, 'weight', '预算执行分值');
      if (w.kind === 'number') {
        facts.weight = w.value;
        break;
      }
    }
  }
  const scoreCol = b.cols.score;
  let scoreRow: number | null = null;
  let stated: NumberReading | null = null;
  let unknown = false;
  if (scoreCol !== undefined) {
    for (const row of b.rows) {
      const r = ctx.read(row, scoreCol, 'score', '预算执行得分');
      if (r.kind === 'number') {
        scoreRow = row;
        stated = r;
        break;
      }
      if (r.kind === 'unknown' || r.kind === 'unreadable') {
        unknown = true;
        break;
      }
    }
  }
  const rate = facts.rate;
  const exact = rate === null ? null : facts.weight.times(Decimal.min(rate.dividedBy(100), 1));
  if (unknown) return;
  if (!stated) {
    if (scoreCol === undefined) {
      facts.scoreForTotal = exact;
      facts.correctedScore = exact;
      return;
    }
    if (exact === null) return;
    const expected = halfUp(exact, 2).toString();
    const f = ctx.add(S_SCORE_02, 'warning', { row: b.totalRow, col: scoreCol }, `预算执行得分未填写；按 分值×执行率 应为 ${facts.weight.toString()}×${exact4(rate!)}% = ${expected}`, {
      stated: '',
      expected,
    });
    f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: expected };
    proposeNumber(ctx, b.totalRow, scoreCol, exact, Math.min(2, Math.max(0, halfUp(exact, 2).decimalPlaces())), false, S_SCORE_02.id);
    facts.scoreForTotal = exact;
    facts.correctedScore = halfUp(exact, 2);
    return;
  }
  facts.scoreForTotal = stated.value;
  facts.correctedScore = stated.value;
  if (exact === null) {
    if (facts.full !== null && facts.full.isZero()) {
      ctx.add(RULE, 'info', { row: scoreRow!, col: scoreCol! }, '全年预算数为 0，执行率无法计算，预算执行得分按所填数接受', { stated: ctx.shown(scoreRow!, scoreCol!), expected: null });
    }
    return;
  }
  const p = stated.decimals;
  let outcome = cmpC(stated.value, p, exact);
  if (outcome !== 'ok' && facts.statedRate !== null) {
    const viaRate = halfUp(facts.weight.times(Decimal.min(facts.statedRate.dividedBy(100), 1)), p);
    if (viaRate.equals(stated.value)) outcome = 'ok';
  }
  if (outcome === 'ok') return;
  const expected = fixed(halfUp(exact, p), p);
  const f = ctx.add(
    RULE,
    SEVERITY[outcome],
    { row: scoreRow!, col: scoreCol! },
    `预算执行得分应为 分值×执行率 = ${facts.weight.toString()}×${exact4(rate!)}% = ${exact4(exact)}，按所示小数位应为 ${expected}${outcome === 'rounding' ? '（尾数误差）' : ''}`,
    { stated: ctx.shown(scoreRow!, scoreCol!), expected, difference: stated.value.minus(exact).toDecimalPlaces(4).toString() },
  );
  f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: expected };
  proposeNumber(ctx, scoreRow!, scoreCol!, exact, p, false, RULE.id);
  facts.correctedScore = halfUp(exact, p);
}
