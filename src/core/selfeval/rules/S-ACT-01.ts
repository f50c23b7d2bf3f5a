/** S-ACT-01 — 全年执行数未填. */
import { defineRule } from '../../rules/definition';

export default defineRule({
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
