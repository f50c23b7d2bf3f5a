/** S-PARSE-01 — 公式没有计算结果. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-PARSE-01',
  family: 'selfeval',
  title: '公式没有计算结果',
  formula: '数值单元格按存储值和数字格式显示的小数位读取；公式没有缓存结果时为未知，不按 0 处理',
  spec: 'selfeval-rules.md §1',
  severities: ['info'],
  severityHow: '公式没有计算结果时给说明，需要它的计算均跳过',
  messages: ['{栏目}为公式但没有计算结果，需要它的计算均已跳过（不按 0 处理）'],
  fix: null,
});
