/** S-TOT-01 — 总分. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-TOT-01',
  family: 'selfeval',
  title: '总分',
  formula: '总分 = 各项指标得分之和 + 预算执行得分（所填得分；得分未填时用重算值）',
  spec: 'selfeval-rules.md §4',
  severities: ['error', 'rounding'],
  severityHow: '得分容差（CMP-S）：容差内为尾数误差，超出为错误',
  messages: ['总分应为各项指标得分 {指标得分} 加预算执行得分 {预算执行得分} = {总分}'],
  fix: '改为重算的总分（连同更正后的预算执行得分）',
});
