/** S-BAL-01 — 资金结转结余. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-BAL-01',
  family: 'selfeval',
  title: '资金结转结余',
  formula: '资金结（转）余 = 全年预算数 − 全年执行数（每个填有结余的资金行）',
  spec: 'selfeval-rules.md §2',
  severities: ['error', 'rounding'],
  severityHow: '金额容差（CMP-S，n = 2）：容差内为尾数误差，超出为错误',
  messages: ['{资金行}资金结转结余应为 全年预算数−全年执行数 = {预算数}−{执行数} = {结余}'],
  fix: '改为重算的结转结余',
});
