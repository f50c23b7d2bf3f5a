/** S-RSN-02 — 执行率不足须说明原因. */
import { exact4 } from '../compare';
import { TableCheck } from '../context';
import { BudgetFacts } from './budget-kit';
import { defineRule } from '../../rules/definition';

const RULE = defineRule({
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

export default RULE;

/** S-RSN-02: 执行率 < 100 % needs a budget 偏差原因 — only where the layout has that cell. */
export function checkBudgetReason(ctx: TableCheck, facts: BudgetFacts): void {
  const b = ctx.table.budget!;
  const col = b.cols.reason;
  if (col === undefined || facts.rate === null) return;
  const { variant, form } = ctx.table;
  if (variant === 'national-2020' || variant === 'henan-2021' || form === 'S-Y') return;
  if (facts.rate.gte(100)) return;
  const anyReason = b.rows.some((row) => {
    const c = ctx.sheet.cells[row]?.[col];
    return c && c.value !== null && String(c.value).trim() !== '';
  });
  if (anyReason) return;
  ctx.add(RULE, 'warning', { row: b.totalRow, col }, `预算执行率 ${exact4(facts.rate)}% 低于 100%，未填写偏差原因`, { stated: '', expected: '偏差原因' });
}
