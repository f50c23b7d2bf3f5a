/** S-BAL-01 — 资金结转结余. */
import { fixed } from '../../numbers';
import { cmpAmount } from '../compare';
import { TableCheck } from '../context';
import { money, rowLabel, SEVERITY } from './budget-kit';
import { proposeNumber } from './edit';
import { defineRule } from '../../rules/definition';

const RULE = defineRule({
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

export default RULE;

/** S-BAL-01: 资金结(转)余 = 全年预算数 − 全年执行数. */
export function checkBalances(ctx: TableCheck): void {
  const b = ctx.table.budget!;
  const col = b.cols.bal;
  if (col === undefined) return;
  for (const row of b.rows) {
    const bal = money(ctx, row, 'bal');
    if (bal.r.kind !== 'number') continue;
    const full = money(ctx, row, 'full').v;
    const exec = money(ctx, row, 'exec').v;
    if (full === null || exec === null) continue;
    const exact = full.minus(exec);
    const outcome = cmpAmount(bal.r.value, exact, 2);
    if (outcome === 'ok') continue;
    const p = Math.max(bal.r.decimals, 2);
    const expected = fixed(exact, p);
    const f = ctx.add(RULE, SEVERITY[outcome], { row, col }, `${rowLabel(ctx, row)}资金结转结余应为 全年预算数−全年执行数 = ${full.toString()}−${exec.toString()} = ${exact.toString()}${outcome === 'rounding' ? '（尾数误差）' : ''}`, {
      stated: ctx.shown(row, col),
      expected,
      difference: bal.r.value.minus(exact).toString(),
    });
    f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: expected };
    proposeNumber(ctx, row, col, exact, bal.r.decimals, false, RULE.id);
  }
}
