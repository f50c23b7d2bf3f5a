/** S-STR-02 — 标题与表头不一致. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-STR-02',
  family: 'selfeval',
  title: '标题与表头不一致',
  formula: '标题所称表种与表头特征不一致时以表头为准',
  spec: 'selfeval-rules.md §7',
  severities: ['info'],
  severityHow: '说明',
  messages: ['{说明}'],
  fix: null,
});
