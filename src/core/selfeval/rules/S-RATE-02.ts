/** S-RATE-02 — 执行率分母为 0. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-RATE-02',
  family: 'selfeval',
  title: '执行率分母为 0',
  formula: '全年预算数为 0 或空：无执行数时执行率无法计算（说明）；有执行数时须补填全年预算数（提示）',
  spec: 'selfeval-rules.md §2',
  severities: ['warning', 'info'],
  severityHow: '全年预算数为 0 且无执行数为说明（只在合计行）；有执行数为提示',
  messages: ['{资金行}全年预算数为 0（或为空）且无执行数，执行率无法计算', '{资金行}全年预算数为空或为0而有执行数 {执行数}，执行率无法计算，请补填全年预算数'],
  fix: null,
});
