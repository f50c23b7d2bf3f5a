/** R-DUP — 同一种表有多张. */
import { defineRule } from '../rules/definition';

export default defineRule({
  id: 'R-DUP',
  family: 'reading',
  title: '同一种表有多张',
  formula: '同一种公开表出现两张及以上：各自做表内核对，涉及该表的表间核对跳过',
  spec: 'spec README “Reading cells” (f)',
  severities: ['warning'],
  severityHow: '提示',
  messages: ['工作簿中有 {张数} 张{表名}（{工作表}），各自做了表内核对，涉及该表的表间核对已跳过'],
  fix: null,
});
