/** S-SUB-01 — 资金总额 = 各资金来源之和. */
import { defineRule } from '../../rules/definition';

export default defineRule({
  id: 'S-SUB-01',
  family: 'selfeval',
  title: '资金总额 = 各资金来源之和',
  formula: '资金总额行 = 各资金来源行之和（年初、全年、执行、结余各栏）',
  spec: 'selfeval-rules.md §2',
  severities: ['error', 'rounding', 'warning'],
  severityHow: '金额容差（CMP-S）：容差内为尾数误差，超出为错误；各来源行均为空而总额不为 0 为提示',
  messages: ['{资金行}{栏目} {填报数} 与各资金来源之和 {合计} 不符；其中 {来源行}（{单元格}）为空', '{资金行}{栏目}为 {填报数}，但各资金来源行的{栏目}均为空'],
  fix: null,
});
