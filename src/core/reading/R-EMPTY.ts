/** R-EMPTY — 空表. */
import { defineRule } from '../rules/definition';

export default defineRule({
  id: 'R-EMPTY',
  family: 'reading',
  title: '空表',
  formula: '识别出的表没有填列任何数据：报告为空表，其他核对从略',
  spec: 'spec README “Findings of the reading model”',
  severities: ['info'],
  severityHow: '说明',
  messages: ['{表名}没有填列任何金额（空表），表内核对从略', '“{表名}”的数据单元格均为空，按空表处理，其他核对未运行'],
  fix: null,
});
