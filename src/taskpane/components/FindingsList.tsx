import * as React from 'react';
import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckResult, Finding, SEVERITY_LABEL, Severity } from '../../core/findings';
import { S } from '../strings';
import { editFor, FindingGroup } from '../model';
import { ProposedEdit } from '../../core/findings';

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, display: 'block', marginBottom: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  locate: { minWidth: 0, padding: 0, fontWeight: tokens.fontWeightSemibold },
  figures: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  error: { backgroundColor: '#FFC7CE' },
  rounding: { backgroundColor: '#FFEB9C' },
  warning: { backgroundColor: '#DDEBF7' },
  info: { backgroundColor: tokens.colorNeutralBackground3 },
});

const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative' | 'subtle'> = {
  error: 'danger',
  rounding: 'warning',
  warning: 'informative',
  info: 'subtle',
};

export interface FindingItemProps {
  finding: Finding;
  edit: ProposedEdit | null;
  canWrite: boolean;
  busy: boolean;
  onSelect: (f: Finding) => void;
  onApply: (e: ProposedEdit) => void;
}

export const FindingItem: React.FC<FindingItemProps> = ({ finding: f, edit, canWrite, busy, onSelect, onApply }) => {
  const styles = useStyles();
  return (
    <li className={styles.item} data-testid="finding" data-severity={f.severity}>
      <div className={styles.head}>
        <Badge appearance="tint" color={BADGE_COLOR[f.severity]} className={styles[f.severity]}>
          {SEVERITY_LABEL[f.severity]}
        </Badge>
        {f.cell ? (
          <Button appearance="transparent" className={styles.locate} onClick={() => onSelect(f)} aria-label={`选中 ${f.sheet}!${f.cell}`}>
            {f.cell}
          </Button>
        ) : (
          <Text>{S.tableLevel}</Text>
        )}
        <Text size={200}>{f.rule}</Text>
      </div>
      <Text>{f.message}</Text>
      {(f.stated !== null || f.expected !== null) && (
        <Text className={styles.figures}>
          {S.stated} {f.stated ?? '—'}　{S.expected} {f.expected ?? '—'}
          {f.difference ? `　${S.difference} ${f.difference}` : ''}
        </Text>
      )}
      {edit && canWrite && (
        <div>
          <Button size="small" disabled={busy} onClick={() => onApply(edit)} aria-label={`${S.applyOne} ${edit.sheet}!${edit.cell} = ${edit.proposed}`}>
            {S.applyOne} {edit.cell} = {edit.proposed}
          </Button>
        </div>
      )}
    </li>
  );
};

export interface FindingsListProps {
  groups: FindingGroup[];
  info: Finding[];
  result: CheckResult;
  canWrite: boolean;
  busy: boolean;
  onSelect: (f: Finding) => void;
  onApply: (e: ProposedEdit) => void;
}

export const FindingsList: React.FC<FindingsListProps> = ({ groups, info, result, ...rest }) => {
  const styles = useStyles();
  const render = (key: string, title: string, findings: Finding[]) => (
    <section key={key} className={styles.group} aria-label={title}>
      <Text className={styles.groupTitle}>
        {title}（{findings.length}）
      </Text>
      <ul className={styles.list}>
        {findings.map((f, i) => (
          <FindingItem key={i} finding={f} edit={editFor(f, result)} {...rest} />
        ))}
      </ul>
    </section>
  );
  return (
    <div>
      {groups.length === 0 && <Text>{S.noFindings}</Text>}
      {groups.map((g) => render(g.key, g.title, g.findings))}
      {info.length > 0 && render('info', S.infoGroup, info)}
    </div>
  );
};
