/** Shared by the budget-execution rules (selfeval-rules.md §2): what they learn about the 资金 block, and its cells. */
import { Decimal, Reading, ZERO } from '../../numbers';
import { Outcome } from '../compare';
import { TableCheck } from '../context';
import { BudgetField, MONEY_FIELD_LABEL } from '../vocab';

export interface BudgetFacts {
  /** Exact recomputed 执行率 of the total row (percent), null when not computable. */
  rate: Decimal | null;
  /** The stated rate of the total row (percent), if any. */
  statedRate: Decimal | null;
  full: Decimal | null;
  exec: Decimal | null;
  init: Decimal | null;
  weight: Decimal;
  /** The 得分 S-TOT-01 uses: stated, or recomputed when empty; null when unknown. */
  scoreForTotal: Decimal | null;
  /** The 得分 after correction (what `fix` writes), for the cascaded 总分. */
  correctedScore: Decimal | null;
}

export const SEVERITY: Record<Exclude<Outcome, 'ok'>, 'rounding' | 'error'> = { rounding: 'rounding', error: 'error' };

/** Money value of a block cell: empty counts 0; unknown or unreadable is null. */
export function money(ctx: TableCheck, row: number, field: BudgetField): { r: Reading; v: Decimal | null } {
  const b = ctx.table.budget!;
  const col = b.cols[field];
  const r = ctx.read(row, col, 'amount', MONEY_FIELD_LABEL[field]);
  const v = r.kind === 'number' ? r.value : r.kind === 'empty' ? ZERO : null;
  return { r, v };
}

export function rowLabel(ctx: TableCheck, row: number): string {
  return ctx.table.budget!.labels.get(row) || (row === ctx.table.budget!.totalRow ? '资金总额' : '资金来源');
}

/** Shanxi-style 执行率 columns hold plain percent numbers (97.50), not percent-formatted cells. */
export function isPlainRateColumn(ctx: TableCheck): boolean {
  const b = ctx.table.budget!;
  if (b.cols.rate === undefined) return false;
  for (const row of b.rows) {
    const c = ctx.sheet.cells[row]?.[b.cols.rate];
    if (!c || c.value === null || c.value === '') continue;
    const r = ctx.read(row, b.cols.rate, 'rate');
    if (r.kind === 'number') return !r.percent;
  }
  return ctx.table.variant === 'shanxi';
}
