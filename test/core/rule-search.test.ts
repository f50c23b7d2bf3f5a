/** The 审核规则 view's search: an id (a finding's link) gives that rule; words give every rule that has them all. */
import { RULE_CATALOGUE, searchRules } from '../../src/core/rules/catalogue';

test('an exact id gives that rule alone, in any case or width', () => {
  expect(searchRules('g-intra-01').map((r) => r.id)).toEqual(['G-INTRA-01']);
  expect(searchRules('Ｓ－ＧＲＤ－０２').map((r) => r.id)).toEqual(['S-GRD-02']);
});

test('a prefix that is no id lists every rule starting with it', () => {
  expect(searchRules('G-INTRA-1').map((r) => r.id)).toEqual(['G-INTRA-10', 'G-INTRA-11', 'G-INTRA-12', 'G-INTRA-13', 'G-INTRA-14', 'G-INTRA-15', 'G-INTRA-16', 'G-INTRA-17', 'G-INTRA-18', 'G-INTRA-19']);
});

test('words match title, formula and messages, all of them', () => {
  const sanGong = searchRules('三公').map((r) => r.id);
  expect(sanGong).toEqual(expect.arrayContaining(['G-INTRA-27', 'G-INTRA-28', 'G-INTER-16', 'NC-06']));
  expect(searchRules('三公 合计').map((r) => r.id)).toContain('G-INTRA-27');
  expect(searchRules('三公 合计').map((r) => r.id)).not.toContain('NC-06');
  expect(searchRules('等级 未填').map((r) => r.id)).toEqual(['S-GRD-03']);
  expect(searchRules('没有这样的规则')).toEqual([]);
});

test('an empty search lists the whole catalogue', () => {
  expect(searchRules('  ')).toHaveLength(RULE_CATALOGUE.length);
});
