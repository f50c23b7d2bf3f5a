/** S-PARSE-05 — 执行率按比例读取. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-PARSE-05',
  family: 'selfeval',
  title: '执行率按比例读取',
  formula: '执行率栏的普通数 ≤ 1.5 而乘以 100 后才与重算执行率一致：按比例（0.9866 = 98.66%）读取',
  spec: 'selfeval-rules.md §1',
  severities: ['info'],
  severityHow: '按比例读取时给说明',
  messages: ['执行率“{原文}”按比例读取，即 {读数}%'],
  fix: null,
});
