/** R-TEXT — 金额为文本. */
import { defineRule } from '../rules/definition';

export default defineRule({
  id: 'R-TEXT',
  family: 'reading',
  title: '金额为文本',
  formula: '金额单元格为文本：能按读数规则读出的按数字读取（说明），读不出的不参与核对（提示）',
  spec: 'spec README “Reading cells” (b)',
  severities: ['warning', 'info'],
  severityHow: '读不出为提示，按数字读出为说明',
  messages: ['{原因}，无法作为金额读取，涉及该单元格的核对已跳过', '单元格为文本“{原文}”，按数字 {读数} 读取', '{栏目}“{原文}”无法识别为数字，未计入合计和核对'],
  fix: null,
});
