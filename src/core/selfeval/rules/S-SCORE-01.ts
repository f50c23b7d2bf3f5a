/** S-SCORE-01 — 预算执行得分. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-SCORE-01',
  family: 'selfeval',
  title: '预算执行得分',
  formula: '预算执行得分 = 分值 × min(全年执行数 ÷ 全年预算数, 1)；按所填执行率算出的得分也认可',
  spec: 'selfeval-rules.md §2',
  severities: ['error', 'rounding', 'info'],
  severityHow: '按得分显示的小数位比较（CMP-C）：尾数误差或错误；全年预算数为 0 时接受所填得分并说明',
  messages: ['预算执行得分应为 分值×执行率 = {分值}×{执行率}% = {得分}，按所示小数位应为 {应为}', '全年预算数为 0，执行率无法计算，预算执行得分按所填数接受'],
  fix: '改为重算的预算执行得分',
});
