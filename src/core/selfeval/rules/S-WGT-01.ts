/** S-WGT-01 — 一级指标分值. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-WGT-01',
  family: 'selfeval',
  title: '一级指标分值',
  formula: '一级指标标明的分值（如“产出指标50分”）= 其下各指标分值之和',
  spec: 'selfeval-rules.md §3',
  severities: ['error'],
  severityHow: '不等即为错误',
  messages: ['一级指标“{指标}”标明 {分值} 分，其下各指标分值合计为 {合计}'],
  fix: null,
});
