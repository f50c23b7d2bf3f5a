/** S-TOT-02 — 总分未填. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-TOT-02',
  family: 'selfeval',
  title: '总分未填',
  formula: '总分为空：应为各项得分之和',
  spec: 'selfeval-rules.md §4',
  severities: ['warning'],
  severityHow: '未填即提示',
  messages: ['总分未填写；各项得分合计应为 {总分}'],
  fix: '填入重算的总分',
});
