/** S-WGT-02 — 分值合计为 100. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-WGT-02',
  family: 'selfeval',
  title: '分值合计为 100',
  formula: '各项指标分值之和 + 预算执行分值 = 100',
  spec: 'selfeval-rules.md §3',
  severities: ['error'],
  severityHow: '不等即为错误（表级结果，落在合计行）',
  messages: ['各项指标分值合计 {合计} 加预算执行分值 {分值} 为 {总和}，不等于 100'],
  fix: null,
});
