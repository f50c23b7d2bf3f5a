/** S-SUB-01 — 资金总额 = 各资金来源之和. */
import { fixed, ZERO } from '../../numbers';
import { cmpAmount } from '../compare';
import { TableCheck } from '../context';
import { MONEY_FIELD_LABEL, MONEY_FIELDS } from '../vocab';
import { money, rowLabel, SEVERITY } from './budget-kit';
import { defineRule } from '../../rules/definition';

const RULE = defineRule({
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

export default RULE;

/** S-SUB-01: the total row equals the sum of its fund-source rows, column by column. */
export function checkSubRows(ctx: TableCheck): void {
  const b = ctx.table.budget!;
  if (b.partRows.length === 0) return;
  for (const field of MONEY_FIELDS) {
    const col = b.cols[field];
    if (col === undefined) continue;
    const total = money(ctx, b.totalRow, field);
    if (total.r.kind !== 'number') continue;
    const parts = b.partRows.map((row) => ({ row, ...money(ctx, row, field) }));
    if (parts.some((p) => p.v === null)) continue;
    const label = MONEY_FIELD_LABEL[field];
    if (parts.every((p) => p.r.kind === 'empty')) {
      if (total.r.value.isZero()) continue;
      ctx.add(RULE, 'warning', { row: b.totalRow, col }, `${rowLabel(ctx, b.totalRow)}${label}为 ${ctx.shown(b.totalRow, col)}，但各资金来源行的${label}均为空`, {
        stated: ctx.shown(b.totalRow, col),
        expected: null,
      });
      continue;
    }
    const sum = parts.reduce((s, p) => s.plus(p.v!), ZERO);
    const n = parts.filter((p) => !p.v!.isZero()).length;
    const outcome = cmpAmount(total.r.value, sum, n);
    if (outcome === 'ok') continue;
    const empties = parts.filter((p) => p.r.kind === 'empty').map((p) => `其中 ${rowLabel(ctx, p.row)}（${ctx.addr(p.row, col)}）为空`);
    const expected = fixed(sum, Math.max(2, total.r.decimals));
    ctx.add(
      RULE,
      SEVERITY[outcome],
      { row: b.totalRow, col },
      `${rowLabel(ctx, b.totalRow)}${label} ${ctx.shown(b.totalRow, col)} 与各资金来源之和 ${sum.toString()} 不符${outcome === 'rounding' ? '（尾数误差）' : ''}${empties.length ? '；' + empties.join('，') : ''}`,
      {
        stated: ctx.shown(b.totalRow, col),
        expected,
        difference: total.r.value.minus(sum).toString(),
        related: parts.map((p) => ({ sheet: ctx.sheet.name, cell: ctx.addr(p.row, col) })),
      },
    );
  }
}
