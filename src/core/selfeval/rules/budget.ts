/**
 * Budget execution (资金 block), selfeval-rules.md §2. The rules run in this order, each in its own module:
 * S-PARSE-03 decides the decimal commas every later rule reads by; S-ACT-01 takes the rows with no 执行数; S-RATE-01
 * (with S-RATE-02 and S-PARSE-05) the 执行率; then S-RATE-03, S-BAL-01, S-SUB-01, S-SCORE-01/02 and S-RSN-02.
 */
import { Decimal } from '../../numbers';
import { TableCheck } from '../context';
import { MONEY_FIELDS } from '../vocab';
import { BudgetFacts, money } from './budget-kit';
import { checkEmptyExecution } from './S-ACT-01';
import { checkBalances } from './S-BAL-01';
import { checkDecimalCommas } from './S-PARSE-03';
import { checkRates } from './S-RATE-01';
import { checkBudgetCut } from './S-RATE-03';
import { checkBudgetReason } from './S-RSN-02';
import { checkScore } from './S-SCORE-01';
import { checkSubRows } from './S-SUB-01';

export type { BudgetFacts } from './budget-kit';

export function checkBudget(ctx: TableCheck): BudgetFacts | null {
  const b = ctx.table.budget;
  if (!b || b.rows.length === 0) return null;
  checkDecimalCommas(ctx);
  const facts: BudgetFacts = { rate: null, statedRate: null, full: null, exec: null, init: null, weight: new Decimal(10), scoreForTotal: null, correctedScore: null };
  // Read every money cell once, so text amounts get their reading note.
  for (const row of b.rows) for (const f of MONEY_FIELDS) if (b.cols[f] !== undefined) money(ctx, row, f);
  checkRates(ctx, facts, checkEmptyExecution(ctx));
  checkBudgetCut(ctx, facts);
  checkBalances(ctx);
  checkSubRows(ctx);
  checkScore(ctx, facts);
  checkBudgetReason(ctx, facts);
  return facts;
}
