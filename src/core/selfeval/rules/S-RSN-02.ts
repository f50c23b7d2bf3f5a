/** S-RSN-02 — 执行率不足须说明原因. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-RSN-02',
  family: 'selfeval',
  title: '执行率不足须说明原因',
  formula: '重算执行率 < 100% 且版式有预算偏差原因栏时，须填写偏差原因',
  spec: 'selfeval-rules.md §5',
  severities: ['warning'],
  severityHow: '原因栏均为空即提示',
  messages: ['预算执行率 {执行率}% 低于 100%，未填写偏差原因'],
  fix: null,
});
