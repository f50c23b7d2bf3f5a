/** S-GRD-01 — 等级与总分不符. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-GRD-01',
  family: 'selfeval',
  title: '等级与总分不符',
  formula: '所填自评等级 = 按所填总分的等级（90 分及以上为优，80–90 分为良，60–80 分为中，60 分以下为差）',
  spec: 'selfeval-rules.md §4',
  severities: ['error'],
  severityHow: '所填等级与按总分应得的等级不同即为错误',
  messages: ['总分 {总分} 对应的等级应为“{等级}”（90分及以上为优，80–90分为良，60–80分为中，60分以下为差），表中填“{所填等级}”'],
  fix: '改为按更正后总分的等级',
});
