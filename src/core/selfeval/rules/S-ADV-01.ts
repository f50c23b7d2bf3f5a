/** S-ADV-01 — 建议：定量正向未完成. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-ADV-01',
  family: 'selfeval',
  title: '建议：定量正向未完成',
  formula: '定量正向指标完成值 < 指标值，得分与 分值 × 完成值 ÷ 指标值 的各种舍入都不符',
  spec: 'selfeval-rules.md §6',
  severities: ['info'],
  severityHow: '建议，不算差错',
  messages: ['建议：“{指标}”完成值 {完成值} 未达到指标值 {指标值}，按完成比例应为 {建议分} 分；现为 {得分} 分'],
  fix: null,
});
