/** S-GRD-03 — 等级未填. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-GRD-03',
  family: 'selfeval',
  title: '等级未填',
  formula: '有等级单元格而未填写：按总分应得的等级',
  spec: 'selfeval-rules.md §4（S-GRD-00 等级函数）',
  severities: ['warning'],
  severityHow: '未填即提示',
  messages: ['自评等级未填写；按总分应为“{等级}”'],
  fix: '填入按总分的等级',
  formerIds: ['S-GRD-01'],
});
