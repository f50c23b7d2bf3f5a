/** Scoring advice (S-ADV), always `info`. Filled in below. */
import { TableCheck } from '../context';
import { BudgetFacts } from './budget';

export function checkAdvice(_ctx: TableCheck, _budget: BudgetFacts | null): void {
  return;
}
