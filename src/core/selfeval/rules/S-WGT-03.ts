/** S-WGT-03 — 分值合计单元格. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-WGT-03',
  family: 'selfeval',
  title: '分值合计单元格',
  formula: '合计行所填分值合计 = 各项指标分值之和 + 预算执行分值',
  spec: 'selfeval-rules.md §3',
  severities: ['error'],
  severityHow: '不等即为错误',
  messages: ['总分行的分值合计 {填报数} 与各项分值之和（含预算执行 {分值}）{合计} 不符'],
  fix: null,
});
