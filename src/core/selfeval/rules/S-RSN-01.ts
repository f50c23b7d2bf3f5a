/** S-RSN-01 — 指标未满分须说明原因. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-RSN-01',
  family: 'selfeval',
  title: '指标未满分须说明原因',
  formula: '得分 < 分值（空得分按 0）的指标行须填写偏差原因分析及改进措施',
  spec: 'selfeval-rules.md §5',
  severities: ['warning'],
  severityHow: '原因栏为空即提示',
  messages: ['“{指标}”得分 {得分} 低于分值 {分值}，未填写{原因栏}'],
  fix: null,
});
