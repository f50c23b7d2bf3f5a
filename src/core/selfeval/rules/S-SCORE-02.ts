/** S-SCORE-02 — 预算执行得分未填. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-SCORE-02',
  family: 'selfeval',
  title: '预算执行得分未填',
  formula: '执行率可算而预算执行得分各行均为空',
  spec: 'selfeval-rules.md §2',
  severities: ['warning'],
  severityHow: '未填即提示，应为值取 2 位小数',
  messages: ['预算执行得分未填写；按 分值×执行率 应为 {分值}×{执行率}% = {应为}'],
  fix: '填入重算的预算执行得分',
});
