/** S-RATE-03 — 全年预算调减至执行数. */
import { defineRule } from '../../rules/definition';

export default defineRule({
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
