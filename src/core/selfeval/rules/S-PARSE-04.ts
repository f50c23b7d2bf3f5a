/** S-PARSE-04 — 空得分按 0 分. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-PARSE-04',
  family: 'selfeval',
  title: '空得分按 0 分',
  formula: '指标得分为空（或“—”“/”）而有分值：按 0 分计入指标得分合计和总分',
  spec: 'selfeval-rules.md §1',
  severities: ['info'],
  severityHow: '空得分计 0 时给说明',
  messages: ['“{指标}”得分为空，按 0 分计入总分'],
  fix: null,
});
