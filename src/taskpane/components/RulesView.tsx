/**
 * 审核规则: every rule the checker applies, as accountants read a 审核公式 list — searchable by id or words, grouped
 * 表内 / 表间 / 自评 / 说明 / 读取, each with its formula, 强制 or 提示, what it can report and where the spec says so.
 * A finding's rule id opens this view on that rule.
 */
import * as React from 'react';
import { Badge, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SEVERITY_LABEL } from '../../core/findings';
import { searchRules } from '../../core/rules/catalogue';
import { FAMILY_LABEL, RULE_FAMILIES, ruleClass } from '../../core/rules/definition';
import { S } from '../strings';
import { groupedListStyles } from './list-styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  group: { marginTop: tokens.spacingVerticalS },
  ...groupedListStyles,
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface RulesViewProps {
  query: string;
  onQuery: (query: string) => void;
}

export const RulesView: React.FC<RulesViewProps> = ({ query, onQuery }) => {
  const styles = useStyles();
  const rules = React.useMemo(() => searchRules(query), [query]);
  return (
    <div className={styles.root} data-testid="rules-view">
      <SearchBox value={query} onChange={(_, d) => onQuery(d.value)} placeholder={S.rulesSearch} aria-label={S.rulesSearch} />
      <Text size={200} className={styles.small} role="status">
        {S.rulesCount(rules.length)}
      </Text>
      {RULE_FAMILIES.map((family) => {
        const group = rules.filter((r) => r.family === family);
        if (group.length === 0) return null;
        return (
          <section key={family} className={styles.group} aria-label={`${FAMILY_LABEL[family]}规则`} data-family={family}>
            <Text className={styles.groupTitle}>
              {FAMILY_LABEL[family]}（{group.length}）
            </Text>
            <ul className={styles.list}>
              {group.map((r) => (
                <li key={r.id} className={styles.item} data-testid="rule" data-rule={r.id}>
                  <div className={styles.head}>
                    <Text weight="semibold">{r.id}</Text>
                    <Badge appearance="tint" color={ruleClass(r) === '强制' ? 'danger' : 'informative'}>
                      {ruleClass(r)}
                    </Badge>
                    <Text weight="semibold">{r.title}</Text>
                  </div>
                  <Text>{r.formula}</Text>
                  <Text className={styles.small}>
                    {S.rulesResult}
                    {r.severities.map((s) => SEVERITY_LABEL[s]).join('、')}。{r.severityHow}
                  </Text>
                  {r.fix && (
                    <Text className={styles.small}>
                      {S.rulesFix}
                      {r.fix}
                    </Text>
                  )}
                  <Text className={styles.small}>
                    {S.rulesSpec}
                    {r.spec}
                    {r.formerIds?.length ? `；${S.rulesFormer}${r.formerIds.join('、')}` : ''}
                  </Text>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
};
