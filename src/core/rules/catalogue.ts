/**
 * The rule catalogue: every id a finding can carry, from the rule modules themselves (each family's generated index),
 * in the order accountants look them up — 表内, 表间, 自评, 说明, 读取 — and by id within a group.
 */
import { RULES as GONGKAI_RULES } from '../gongkai/rules';
import { NARRATIVE_RULES } from '../narrative/rules';
import { READING_RULES } from '../reading';
import { SELFEVAL_RULES } from '../selfeval/rules';
import { FAMILY_LABEL, RULE_FAMILIES, RuleDefinition, ruleClass } from './definition';

function byId(a: RuleDefinition, b: RuleDefinition): number {
  return a.id.localeCompare(b.id, 'en', { numeric: true });
}

export const RULE_CATALOGUE: readonly RuleDefinition[] = [...GONGKAI_RULES, ...SELFEVAL_RULES, ...NARRATIVE_RULES, ...READING_RULES]
  .map(entryOf)
  .sort((a, b) => RULE_FAMILIES.indexOf(a.family) - RULE_FAMILIES.indexOf(b.family) || byId(a, b));

/** The catalogue entry only: a 公开表 rule object also carries its check, which a listing must not serialise. */
function entryOf(rule: RuleDefinition): RuleDefinition {
  const { id, family, title, formula, tables, spec, severities, severityHow, messages, fix, formerIds } = rule;
  return { id, family, title, formula, ...(tables ? { tables } : {}), spec, severities, severityHow, messages, fix, ...(formerIds ? { formerIds } : {}) };
}

const BY_ID = new Map(RULE_CATALOGUE.map((r) => [r.id, r]));

export function ruleById(id: string): RuleDefinition | undefined {
  return BY_ID.get(id);
}

/** One rule as a JSON object for `juesuan rules --format json`: the definition plus its class and group label. */
export function ruleJson(rule: RuleDefinition): Record<string, unknown> {
  return { ...rule, group: FAMILY_LABEL[rule.family], class: ruleClass(rule) };
}

/**
 * The rules a search shows: an exact id gives that rule alone (a finding's link); otherwise every rule whose id,
 * title, formula, messages or former ids contain each of the words typed (case and width aside).
 */
export function searchRules(query: string): RuleDefinition[] {
  const q = query.normalize('NFKC').replace(/[－—–]/g, '-').trim().toLowerCase();
  if (!q) return [...RULE_CATALOGUE];
  const exact = RULE_CATALOGUE.find((r) => r.id.toLowerCase() === q);
  if (exact) return [exact];
  const words = q.split(/\s+/);
  return RULE_CATALOGUE.filter((r) => {
    const text = [r.id, r.title, r.formula, ...r.messages, ...(r.formerIds ?? []), FAMILY_LABEL[r.family]].join(' ').normalize('NFKC').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
