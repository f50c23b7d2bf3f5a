/** S-ADV-04 — 建议：定性档次. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-ADV-04',
  family: 'selfeval',
  title: '建议：定性档次',
  formula: '定性指标完成情况所属档次（达成 80%–100%、部分达成 60%–80%、未达成 60% 以下）与得分比例不符',
  spec: 'selfeval-rules.md §6',
  severities: ['info'],
  severityHow: '建议，不算差错',
  messages: ['建议：“{指标}”完成情况为“{完成情况}”，属{档次}，即 {下限}–{上限} 分；现为 {得分} 分'],
  fix: null,
});
