/** S-IND-02 — 分值或得分无法读取. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-IND-02',
  family: 'selfeval',
  title: '分值或得分无法读取',
  formula: '分值、得分为无法识别为数字的文本：不计入合计和核对',
  spec: 'selfeval-rules.md §3',
  severities: ['warning'],
  severityHow: '无法读取即提示',
  messages: ['{栏目}“{原文}”无法识别为数字，未计入合计和核对'],
  fix: null,
});
