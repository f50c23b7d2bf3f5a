/** S-IND-01 — 得分不超过分值. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-IND-01',
  family: 'selfeval',
  title: '得分不超过分值',
  formula: '每个指标行：得分 ≤ 分值',
  spec: 'selfeval-rules.md §3',
  severities: ['error'],
  severityHow: '得分高于分值即为错误',
  messages: ['“{指标}”得分 {得分} 高于分值 {分值}'],
  fix: null,
});
