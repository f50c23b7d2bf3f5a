/** S-ADV-02 — 建议：定量反向未完成. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-ADV-02',
  family: 'selfeval',
  title: '建议：定量反向未完成',
  formula: '定量反向指标完成值 > 指标值，得分与 分值 × 指标值 ÷ 完成值 的各种舍入都不符',
  spec: 'selfeval-rules.md §6',
  severities: ['info'],
  severityHow: '建议，不算差错',
  messages: ['建议：“{指标}”完成值 {完成值} 超过指标值 {指标值}，按比例应为 {建议分} 分；现为 {得分} 分'],
  fix: null,
});
