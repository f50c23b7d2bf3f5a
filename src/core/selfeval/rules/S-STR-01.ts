/** S-STR-01 — 表格不完整. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-STR-01',
  family: 'selfeval',
  title: '表格不完整',
  formula: '只有标题或缺少指标表头、合计行：只运行输入齐全的核对',
  spec: 'selfeval-rules.md §7',
  severities: ['info'],
  severityHow: '说明',
  messages: ['“{表名}”只有标题，下面没有表格内容，按空表处理，未审核', '“{表名}”缺少{缺少部分}，只运行输入齐全的核对'],
  fix: null,
});
