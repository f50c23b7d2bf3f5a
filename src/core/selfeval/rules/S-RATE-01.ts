/** S-RATE-01 — 预算执行率. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-RATE-01',
  family: 'selfeval',
  title: '预算执行率',
  formula: '执行率 = 全年执行数 ÷ 全年预算数 × 100%（合计行及填有执行率的资金来源行；分母始终为全年预算数）',
  spec: 'selfeval-rules.md §2',
  severities: ['error', 'rounding'],
  severityHow: '按执行率单元格显示的小数位比较（CMP-C）：四舍五入或截位后相符为尾数误差，否则为错误',
  messages: ['{资金行}执行率应为 全年执行数÷全年预算数 = {执行数}÷{预算数} = {执行率}%，按所示小数位应为 {应为}'],
  fix: '改为重算的执行率（保留原小数位）',
});
