/** What NC-10 and NC-11 share: the loaded 自评表 with the figures a 综述 or 十三 quotes (narratives.md §2, §4). */
import { Decimal } from '../../numbers';
import { NarrativeContext } from '../context';
import { SelfEvalFacts, selfEvalFacts } from '../drafts/zongshu';

export interface LoadedSelfEval {
  sheet: string;
  kind: 'project-selfeval' | 'department-selfeval';
  facts: SelfEvalFacts;
}

export function loadedSelfEvals(ctx: NarrativeContext): LoadedSelfEval[] {
  return ctx.results.selfEval.map((ref) => ({ sheet: ref.sheet.name, kind: ref.table.kind, facts: selfEvalFacts(ref) }));
}

/** A number written in the text (`5,025.71`). */
export function dec(text: string): Decimal {
  return new Decimal(text.replace(/[,，]/g, ''));
}

export function decimalsOf(text: string): number {
  const i = text.indexOf('.');
  return i < 0 ? 0 : text.length - i - 1;
}

/** A paragraph's text, NFKC and without whitespace, quote marks kept: norm() drops them, and names and grades are quoted. */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
