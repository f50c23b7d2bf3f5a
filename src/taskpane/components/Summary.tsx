import * as React from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { SheetSummary, TEMPLATE_LABEL } from '../../core/findings';
import { S } from '../strings';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  title: { fontWeight: tokens.fontWeightSemibold, display: 'block', marginTop: tokens.spacingVerticalM },
});

export const Summary: React.FC<{ sheets: SheetSummary[] }> = ({ sheets }) => {
  const styles = useStyles();
  const known = sheets.filter((s) => s.template);
  const unknown = sheets.filter((s) => !s.template);
  return (
    <div>
      <Text className={styles.title}>{S.tablesTitle}（{known.length}）</Text>
      {known.length > 0 && (
        <table className={styles.table} aria-label={S.tablesTitle}>
          <thead>
            <tr>
              <th className={styles.cell}>工作表</th>
              <th className={styles.cell}>{S.template}</th>
              <th className={styles.cell}>{S.unit}</th>
            </tr>
          </thead>
          <tbody>
            {known.map((s) => (
              <tr key={s.name}>
                <td className={styles.cell}>{s.name}</td>
                <td className={styles.cell}>{TEMPLATE_LABEL[s.template!]}</td>
                <td className={styles.cell}>{s.unit ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unknown.length > 0 && (
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
