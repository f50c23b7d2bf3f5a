/** S-PARSE-03 — 千分位还是小数逗号. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-PARSE-03',
  family: 'selfeval',
  title: '千分位还是小数逗号',
  formula: '资金栏的 d,ddd：按千分位和小数逗号两种读法分别与同行执行率、结余、合计核对，取能核对一致的读法',
  spec: 'selfeval-rules.md §1（S-PARSE-03 算法）',
  severities: ['info'],
  severityHow: '两种读法都列出并说明取哪一种；无法判定时按千分位并注明',
  messages: ['“{原文}”按千分位读作 {读数1}，按小数逗号读作 {读数2}；{理由}应读作 {读数}（{单位}）'],
  fix: null,
});
