/** S-RATE-03 — 全年预算调减至执行数. */
import { TableCheck } from '../context';
import { BudgetFacts } from './budget-kit';
import { defineRule } from '../../rules/definition';

const RULE = defineRule({
  id: 'S-RATE-03',
  family: 'selfeval',
  title: '全年预算调减至执行数',
  formula: '全年预算数 = 全年执行数 < 年初预算数：执行率 100% 不反映年初预算的执行',
  spec: 'selfeval-rules.md §2',
  severities: ['info'],
  severityHow: '条件成立时给说明',
  messages: ['全年预算数已调减至执行数，执行率100%不反映年初预算的执行'],
  fix: null,
});

export default RULE;

/** The budget cut to the outturn: 全年预算数 = 全年执行数 < 年初. */
export function checkBudgetCut(ctx: TableCheck, facts: BudgetFacts): void {
  const b = ctx.table.budget!;
  const total = b.totalRow;
  if (facts.full && facts.exec && facts.init && !facts.full.isZero() && facts.full.equals(facts.exec) && facts.full.lt(facts.init)) {
    ctx.add(RULE, 'info', { row: total, col: b.cols.full! }, '全年预算数已调减至执行数，执行率100%不反映年初预算的执行', {
      stated: ctx.shown(total, b.cols.full!),
      expected: null,
    });
  }
}
