/** S-GRD-02 — 等级并非由表中数据得出. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-GRD-02',
  family: 'selfeval',
  title: '等级并非由表中数据得出',
  formula: '总分有错误时：所填等级 = 按重算总分的等级（推导，见总分的错误）',
  spec: 'selfeval-rules.md §4',
  severities: ['error'],
  severityHow: '总分为错误且按重算总分的等级与所填不同即为错误，标注为推导',
  messages: ['按重新计算的总分 {总分}，等级应为“{等级}”，所填“{所填等级}”并非由表中数据得出（见总分的错误）'],
  fix: '改为按更正后总分的等级',
});
