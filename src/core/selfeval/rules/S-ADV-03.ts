/** S-ADV-03 — 建议：未完成却得满分. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-ADV-03',
  family: 'selfeval',
  title: '建议：未完成却得满分',
  formula: '定量指标未达到指标值，得分却等于分值',
  spec: 'selfeval-rules.md §6',
  severities: ['info'],
  severityHow: '建议，不算差错',
  messages: ['建议：“{指标}”完成值 {完成值} 未达到指标值 {指标值}，却得满分 {分值}；按完成比例约为 {建议分} 分'],
  fix: null,
});
