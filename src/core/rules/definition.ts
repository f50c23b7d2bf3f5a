/**
 * One shape for every rule id the engine can put on a finding — 公开表 identities, 自评表 checks, 情况说明 checks
 * and the reading notes — so that the catalogue (`juesuan rules`, docs/rules.md, the pane's 审核规则) and the checks
 * come from the same objects. A leaf module: it imports only the findings contract.
 */
import type { Finding, Severity, TemplateId } from '../findings';

/** The groups accountants look rules up by: 表内 / 表间 审核公式, 自评表, 情况说明, and how cells were read. */
export type RuleFamily = 'intra' | 'inter' | 'selfeval' | 'narrative' | 'reading';

export const RULE_FAMILIES: readonly RuleFamily[] = ['intra', 'inter', 'selfeval', 'narrative', 'reading'];

export const FAMILY_LABEL: Record<RuleFamily, string> = {
  intra: '表内',
  inter: '表间',
  selfeval: '自评',
  narrative: '说明',
  reading: '读取',
};

/** 强制: the rule can report an error (a real discrepancy); 提示: it only ever warns or explains. */
export type RuleClass = '强制' | '提示';

export interface RuleDefinition<S extends Severity = Severity> {
  readonly id: string;
  readonly family: RuleFamily;
  /** A short Chinese name. */
  readonly title: string;
  /** What is checked, in the accountants' terms: 表、行次、栏次, or the 自评表's columns. */
  readonly formula: string;
  /** The tables it reads, where it is tied to some (公开表 rules). */
  readonly tables?: readonly TemplateId[];
  /** Where the rule is specified, e.g. `identities.md §3`. */
  readonly spec: string;
  /** Every severity the rule can give (the spec's), in order of weight. */
  readonly severities: readonly S[];
  /** How one of them is picked. */
  readonly severityHow: string;
  /** The message shapes, `{…}` standing for the figures filled in. */
  readonly messages: readonly string[];
  /** The fix the rule offers (written by `juesuan fix` or the pane), or null when it offers none. */
  readonly fix: string | null;
  /** Ids this rule was reported under before (a split rule keeps its history). */
  readonly formerIds?: readonly string[];
}

export function ruleClass(rule: Pick<RuleDefinition, 'severities'>): RuleClass {
  return rule.severities.includes('error') ? '强制' : '提示';
}

export type FindingFields = Omit<Finding, 'rule' | 'severity' | 'stated' | 'expected'> & Partial<Pick<Finding, 'stated' | 'expected'>>;

/**
 * A finding under `rule`: the severity must be one the rule declares, so a check cannot report what its catalogue
 * entry does not say.
 */
export function reportOf<S extends Severity>(rule: RuleDefinition<S>, severity: S, fields: FindingFields): Finding {
  const { sheet, cell, stated, expected, message, ...rest } = fields;
  return { sheet, cell, rule: rule.id, severity, stated: stated ?? null, expected: expected ?? null, message, ...rest };
}

/** `(rule, id)` → family by the id's prefix; the modules still say theirs, this is what the tests hold them to. */
export function familyOfId(id: string): RuleFamily {
  if (id.startsWith('G-INTRA-')) return 'intra';
  if (id.startsWith('G-INTER-')) return 'inter';
  if (id.startsWith('S-')) return 'selfeval';
  if (id.startsWith('NC-')) return 'narrative';
  return 'reading';
}

/** Declares a rule; keeps the literal severities so `reportOf` and `TableCheck.add` accept only those. */
export function defineRule<const S extends Severity>(rule: RuleDefinition<S>): RuleDefinition<S> {
  return rule;
}
