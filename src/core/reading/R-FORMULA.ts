/** R-FORMULA — 公式没有计算结果. */
import { defineRule } from '../rules/definition';

export default defineRule({
  id: 'R-FORMULA',
  family: 'reading',
  title: '公式没有计算结果',
  formula: '公式没有缓存结果（文件未经 Excel 重新计算）：涉及该单元格的核对跳过，不按 0 处理',
  spec: 'spec README “Reading cells” (c)',
  severities: ['info'],
  severityHow: '说明',
  messages: ['{原因}（文件未经 Excel 重新计算），涉及该单元格的核对已跳过，未按 0 处理'],
  fix: null,
});
