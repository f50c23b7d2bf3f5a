/** S-RATE-01 — 预算执行率. */
import { NumberReading } from '../../numbers';
import { cmpC, exact4 } from '../compare';
import { TableCheck } from '../context';
import { rateAsFraction } from '../parse';
import { BudgetFacts, isPlainRateColumn, money, rowLabel, SEVERITY } from './budget-kit';
import { proposeNumber, showAt } from './edit';
import S_PARSE_05 from './S-PARSE-05';
import S_RATE_02 from './S-RATE-02';
import { defineRule } from '../../rules/definition';

const RULE = defineRule({
  id: 'S-RATE-01',
  family: 'selfeval',
  title: '预算执行率',
  formula: '执行率 = 全年执行数 ÷ 全年预算数 × 100%（合计行及填有执行率的资金来源行；分母始终为全年预算数）',
  spec: 'selfeval-rules.md §2',
  severities: ['error', 'rounding'],
  severityHow: '按执行率单元格显示的小数位比较（CMP-C）：四舍五入或截位后相符为尾数误差，否则为错误',
  messages: ['{资金行}执行率应为 全年执行数÷全年预算数 = {执行数}÷{预算数} = {执行率}%，按所示小数位应为 {应为}'],
  fix: '改为重算的执行率（保留原小数位）',
});

export default RULE;

/** 执行率 on the total row and every part row that states one: S-RATE-02 where it cannot be computed, S-PARSE-05 for a rate written as a fraction. */
export function checkRates(ctx: TableCheck, facts: BudgetFacts, flagged: Set<number>): void {
  const b = ctx.table.budget!;
  const total = b.totalRow;
  for (const row of b.rows) {
    const isTotal = row === total;
    const full = money(ctx, row, 'full');
    const exec = money(ctx, row, 'exec');
    const rateCol = b.cols.rate;
    const rateR = ctx.read(row, rateCol, 'rate');
    if (isTotal) {
      facts.full = full.v;
      facts.exec = exec.v;
      facts.init = money(ctx, row, 'init').v;
    }
    if (full.v === null || exec.v === null) continue;
    if (flagged.has(row)) continue;
    if (full.v.isZero()) {
      if (exec.v.isZero()) {
        // S-RATE-02: not computable; a stated 0 or blank is accepted.
        if (isTotal) {
          ctx.add(S_RATE_02, 'info', { row, col: rateCol ?? b.cols.full ?? b.cols.exec ?? 0 }, `${rowLabel(ctx, row)}全年预算数为 0（或为空）且无执行数，执行率无法计算`, {
            stated: rateCol !== undefined ? ctx.shown(row, rateCol) : null,
            expected: null,
          });
        }
      } else {
        // Without a 全年预算数 column the finding sits on the 执行数 it cannot divide.
        const at = b.cols.full ?? b.cols.exec ?? rateCol ?? 0;
        ctx.add(S_RATE_02, 'warning', { row, col: at }, `${rowLabel(ctx, row)}全年预算数${b.cols.full === undefined ? '一栏缺失' : '为空或为0'}而有执行数 ${exec.v.toString()}，执行率无法计算，请补填全年预算数`, {
          stated: b.cols.full === undefined ? null : ctx.shown(row, b.cols.full),
          expected: null,
        });
      }
      continue;
    }
    const exact = exec.v.dividedBy(full.v).times(100);
    if (isTotal) facts.rate = exact;
    if (rateCol === undefined) continue;
    if (rateR.kind === 'empty') {
      if (isTotal) proposeNumber(ctx, row, rateCol, exact, 2, !isPlainRateColumn(ctx), RULE.id);
      continue;
    }
    if (rateR.kind !== 'number') continue;
    let stated: NumberReading = rateR;
    const fraction = rateAsFraction(rateR, (v, p) => cmpC(v, p, exact) === 'ok');
    if (fraction) {
      stated = fraction;
      ctx.setReading(row, rateCol, fraction);
      ctx.add(S_PARSE_05, 'info', { row, col: rateCol }, `执行率“${ctx.shown(row, rateCol)}”按比例读取，即 ${fraction.value.toString()}%`, {
        stated: ctx.shown(row, rateCol),
        expected: `${fraction.value.toString()}%`,
      });
    }
    if (isTotal) facts.statedRate = stated.value;
    const outcome = cmpC(stated.value, stated.decimals, exact);
    const showPercent = stated.percent || !isPlainRateColumn(ctx);
    if (outcome !== 'ok') {
      const expected = showAt(exact, stated.decimals, showPercent);
      const f = ctx.add(
        RULE,
        SEVERITY[outcome],
        { row, col: rateCol },
        `${rowLabel(ctx, row)}执行率应为 全年执行数÷全年预算数 = ${exec.v.toString()}÷${full.v.toString()} = ${exact4(exact)}%，按所示小数位应为 ${expected}${outcome === 'rounding' ? '（尾数误差）' : ''}`,
        { stated: ctx.shown(row, rateCol), expected, difference: stated.value.minus(exact).toDecimalPlaces(4).toString() },
      );
      f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: expected };
      proposeNumber(ctx, row, rateCol, exact, stated.decimals, showPercent, RULE.id);
    }
  }

}
