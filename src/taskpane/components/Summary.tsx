import * as React from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SheetSummary, TEMPLATE_LABEL } from '../../core/findings';
import { S } from '../strings';

const useStyles = makeStyles({
  toggle: { minWidth: 0, padding: 0, justifyContent: 'flex-start', fontWeight: tokens.fontWeightRegular },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, tableLayout: 'auto' },
  cell: { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere' },
  // 万元 must not break into 万/元 in a narrow pane.
  unit: { whiteSpace: 'nowrap' },
  title: { fontWeight: tokens.fontWeightSemibold, display: 'block', marginTop: tokens.spacingVerticalS },
});

/** The recognised tables as one line (`识别 10 张表，未识别 0 张`) that opens to the table: findings come first. */
export const Summary: React.FC<{ sheets: SheetSummary[] }> = ({ sheets }) => {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const known = sheets.filter((s) => s.template);
  const unknown = sheets.filter((s) => !s.template);
  return (
    <div data-testid="summary">
      <Button appearance="transparent" className={styles.toggle} aria-expanded={open} onClick={() => setOpen(!open)} icon={<span aria-hidden>{open ? '▾' : '▸'}</span>}>
        {S.tablesLine(known.length, unknown.length)}
      </Button>
      {open && known.length > 0 && (
        <table className={styles.table} aria-label={S.tablesTitle}>
          <thead>
            <tr>
              <th className={styles.cell}>工作表</th>
              <th className={styles.cell}>{S.template}</th>
              <th className={`${styles.cell} ${styles.unit}`}>{S.unit}</th>
            </tr>
          </thead>
          <tbody>
            {known.map((s) => (
              <tr key={s.name}>
                <td className={styles.cell}>{s.name}</td>
                <td className={styles.cell}>{TEMPLATE_LABEL[s.template!]}</td>
                <td className={`${styles.cell} ${styles.unit}`}>{s.unit ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && unknown.length > 0 && (
        <>
          <Text className={styles.title}>{S.unrecognisedTitle}（{unknown.length}）</Text>
          <ul aria-label={S.unrecognisedTitle}>
            {unknown.map((s) => (
              <li key={s.name}>
                <Text size={200}>
                  {s.name}：{s.reason ?? '未识别'}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
};
