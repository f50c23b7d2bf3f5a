import * as React from 'react';
import { Badge, Button, Field, Link, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { CheckResult, Finding, ProposedEdit, SEVERITY_LABEL, Severity } from '../../core/findings';
import { figuresLine, isAdvice, locationOf, nextStep, showFigure, showMessage } from '../../core/present';
import { findingKey } from '../../host/journal';
import { S } from '../strings';
import { groupedListStyles } from './list-styles';
import { editFor, FindingGroup } from '../model';

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  ...groupedListStyles,
  current: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  locate: { minWidth: 0, padding: 0, fontWeight: tokens.fontWeightSemibold, textAlign: 'left' },
  rule: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  figures: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  advice: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  apply: { maxWidth: '100%', whiteSpace: 'normal', textAlign: 'left' },
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

export interface FindingActions {
  canWrite: boolean;
  busy: boolean;
  onSelect: (f: Finding) => void;
  onApply: (e: ProposedEdit) => void;
  /** Records (text) or removes (null) the accountant's explanation; absent where the host cannot store it. */
  onExplain?: (f: Finding, text: string | null) => void;
  /** Opens the 审核规则 view on a rule. */
  onShowRule?: (rule: string) => void;
}

export interface FindingItemProps extends FindingActions {
  finding: Finding;
  edit: ProposedEdit | null;
  /** The accountant's explanation, when the finding is 已说明. */
  explanation?: string;
  current?: boolean;
  index?: number;
}

export const FindingItem: React.FC<FindingItemProps> = ({ finding: f, edit, explanation, current, index, canWrite, busy, onSelect, onApply, onExplain, onShowRule }) => {
  const styles = useStyles();
  const [writing, setWriting] = React.useState(false);
  const [draft, setDraft] = React.useState('');
  const where = locationOf(f);
  const figures = figuresLine(f);
  const advice = edit && canWrite ? null : nextStep(f);
  const save = () => {
    if (!draft.trim()) return;
    onExplain?.(f, draft.trim());
    setWriting(false);
  };
  return (
    <li className={`${styles.item} ${current ? styles.current : ''}`} data-testid="finding" data-severity={f.severity} data-index={index} data-explained={explanation !== undefined ? 'true' : undefined}>
      <div className={styles.head}>
        <Badge appearance="tint" color={BADGE_COLOR[f.severity]} className={styles[f.severity]}>
          {SEVERITY_LABEL[f.severity]}
        </Badge>
        {f.cell ? (
          <Button appearance="transparent" className={styles.locate} onClick={() => onSelect(f)} aria-label={`选中 ${f.sheet}!${f.cell}`}>
            {where}
          </Button>
        ) : (
          <Text weight="semibold">{where}</Text>
        )}
        {onShowRule ? (
          <Link className={styles.rule} onClick={() => onShowRule(f.rule)} aria-label={S.showRule(f.rule)} data-testid="rule-link">
            {f.rule}
          </Link>
        ) : (
          <Text size={200} className={styles.rule}>
            {f.rule}
          </Text>
        )}
      </div>
      <Text>{showMessage(f.message)}</Text>
      {figures && <Text className={styles.figures}>{figures}</Text>}
      {explanation !== undefined ? (
        <div className={styles.actions}>
          <Text className={styles.advice} data-testid="explanation">
            {S.explainedAs}
            {explanation}
          </Text>
          {onExplain && canWrite && (
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => onExplain(f, null)}>
              {S.unexplain}
            </Button>
          )}
        </div>
      ) : (
        <>
          {advice && (
            <Text className={styles.advice} data-testid="advice">
              {S.nextStep}
              {advice}
            </Text>
          )}
          {(edit && canWrite) || (onExplain && canWrite && f.severity !== 'info' && !isAdvice(f)) ? (
            <div className={styles.actions}>
              {edit && canWrite && (
                <Button
                  size="small"
                  className={styles.apply}
                  disabled={busy}
                  onClick={() => onApply(edit)}
                  aria-label={`${S.applyOne} ${edit.sheet}!${edit.cell} = ${edit.proposed}`}
                >
                  {S.applyOne} {edit.sheet === f.sheet ? edit.cell : `${edit.sheet}!${edit.cell}`} = {showFigure(edit.proposed)}
                </Button>
              )}
              {onExplain && canWrite && f.severity !== 'info' && !isAdvice(f) && !writing && (
                <Button size="small" appearance="subtle" disabled={busy} onClick={() => setWriting(true)} aria-label={`${S.explain.replace('…', '')} ${where}`}>
                  {S.explain}
                </Button>
              )}
            </div>
          ) : null}
          {writing && (
            <Field label={S.explainLabel(where)} hint={S.explainHint}>
              <Textarea
                value={draft}
                resize="vertical"
                autoFocus
                onChange={(_, d) => setDraft(d.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
                  if (e.key === 'Escape') setWriting(false);
                }}
              />
              <div className={styles.actions}>
                <Button size="small" appearance="primary" disabled={busy || !draft.trim()} onClick={save}>
                  {S.explainSave}
                </Button>
                <Button size="small" onClick={() => setWriting(false)}>
                  {S.explainCancel}
                </Button>
              </div>
            </Field>
          )}
        </>
      )}
    </li>
  );
};

export interface FindingsListProps extends FindingActions {
  groups: FindingGroup[];
  result: CheckResult;
  explained: Record<string, string>;
  /** The finding 上一处/下一处 stands on. */
  current?: Finding | null;
}

/** The findings worst first, one section per group; the items carry their place in the 上一处/下一处 walk. */
export const FindingsList: React.FC<FindingsListProps> = ({ groups, result, explained, current, ...actions }) => {
  const styles = useStyles();
  let index = 0;
  return (
    <div>
      {groups.filter((g) => g.key !== 'info' && g.key !== 'explained' && g.key !== 'advice').length === 0 && <Text>{S.noFindings}</Text>}
      {groups.map((g) => (
        <section key={g.key} className={styles.group} aria-label={g.title} data-group={g.key}>
          <Text className={styles.groupTitle}>
            {g.title}（{g.findings.length}）
          </Text>
          <ul className={styles.list}>
            {g.findings.map((f) => {
              const i = index++;
              const key = findingKey(f);
              return (
                <FindingItem
                  key={`${key}#${i}`}
                  finding={f}
                  edit={editFor(f, result)}
                  explanation={explained[key]}
                  current={current === f}
                  index={i}
                  {...actions}
                />
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
};
