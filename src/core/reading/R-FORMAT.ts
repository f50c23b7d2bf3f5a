/** R-FORMAT — 金额设成百分比格式. */
import { defineRule } from '../rules/definition';

export default defineRule({
  id: 'R-FORMAT',
  family: 'reading',
  title: '金额设成百分比格式',
  formula: '金额单元格设成了百分比格式：按存储的金额核对',
  spec: 'spec README “Reading cells” (a)',
  severities: ['info'],
  severityHow: '说明',
  messages: ['金额单元格设成了百分比格式（显示为 {显示}），按存储的金额 {金额} 核对；请把该单元格改为数值格式'],
  fix: null,
});
