/** S-ADV-05 — 建议：预算执行率指标. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-ADV-05',
  family: 'selfeval',
  title: '建议：预算执行率指标',
  formula: '名为“预算执行率”的指标完成值与资金栏重算的执行率相差超过 0.01 个百分点',
  spec: 'selfeval-rules.md §6',
  severities: ['info'],
  severityHow: '建议，不算差错',
  messages: ['建议：“{指标}”完成值 {完成值} 与预算执行情况栏计算的 {执行率} 不一致，请核对'],
  fix: null,
});
