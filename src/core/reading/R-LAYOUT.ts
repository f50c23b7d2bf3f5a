/** R-LAYOUT — 版式与标准不同. */
import { defineRule } from '../rules/definition';

export default defineRule({
  id: 'R-LAYOUT',
  family: 'reading',
  title: '版式与标准不同',
  formula: '读表时绕过的版式差异（标题与内容不符、缺少表头行等）',
  spec: 'spec README “Findings of the reading model”',
  severities: ['info'],
  severityHow: '说明',
  messages: ['{说明}'],
  fix: null,
});
