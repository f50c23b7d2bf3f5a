import * as React from 'react';
import { Button, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SheetSummary, TEMPLATE_LABEL, TemplateId } from '../../core/findings';
import { S } from '../strings';

const useStyles = makeStyles({
  toggle: { minWidth: 0, padding: 0, justifyContent: 'flex-start', fontWeight: tokens.fontWeightRegular },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, tableLayout: 'auto' },
  cell: { textAlign: 'left', verticalAlign: 'top', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere' },
  // 万元 must not break into 万/元 in a narrow pane.
  unit: { whiteSpace: 'nowrap' },
  evidence: { color: tokens.colorNeutralForeground3, display: 'block' },
  title: { fontWeight: tokens.fontWeightSemibold, display: 'block', marginTop: tokens.spacingVerticalS },
});

export interface SummaryProps {
  sheets: SheetSummary[];
  /** 指定表类型: set (or with null, clear) a sheet's template; absent where the host cannot store a choice. */
  onChoose?: (sheet: string, template: TemplateId | null) => void;
  /** The sheets whose template was set by hand. */
  chosen?: ReadonlyMap<string, TemplateId>;
  disabled?: boolean;
}

const TEMPLATE_IDS = Object.keys(TEMPLATE_LABEL) as TemplateId[];

/** The engine's reason for a sheet with nothing in it (engine.ts unrecognisedReason). */
const BLANK_SHEET = '未识别：空白工作表';

/** 指定表类型: a native select, so it is keyboard reachable and read by screen readers as the sheet's choice. */
const TemplateChoice: React.FC<{ sheet: string; value: TemplateId | undefined; onChoose: NonNullable<SummaryProps['onChoose']>; disabled?: boolean }> = ({ sheet, value, onChoose, disabled }) => (
  <Select size="small" aria-label={S.chooseTemplateFor(sheet)} value={value ?? ''} disabled={disabled} onChange={(_, d) => onChoose(sheet, (d.value || null) as TemplateId | null)}>
    <option value="">{S.autoRecognise}</option>
    {TEMPLATE_IDS.map((id) => (
      <option key={id} value={id}>
        {TEMPLATE_LABEL[id]}
      </option>
    ))}
  </Select>
);

/** The recognised tables as one line (`识别 10 张表，未识别 0 张`) that opens to the table: findings come first. */
export const Summary: React.FC<SummaryProps> = ({ sheets, onChoose, chosen, disabled }) => {
  const styles = useStyles();
  // A sheet left 未识别 (not merely blank) is worth seeing at once: nothing in it was checked, and the accountant may
  // set its template here.
  const [open, setOpen] = React.useState(() => sheets.some((s) => !s.template && s.reason !== BLANK_SHEET));
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
              {onChoose && <th className={styles.cell}>{S.chooseTemplate}</th>}
            </tr>
          </thead>
          <tbody>
            {known.map((s) => (
              <tr key={s.name}>
                <td className={styles.cell}>{s.name}</td>
                <td className={styles.cell}>
                  {TEMPLATE_LABEL[s.template!]}
                  {s.evidence?.length ? (
                    <Text size={100} className={styles.evidence} data-testid="evidence">
                      {S.evidence}：{s.evidence.join('；')}
                    </Text>
                  ) : null}
                </td>
                <td className={`${styles.cell} ${styles.unit}`}>{s.unit ?? '—'}</td>
                {onChoose && (
                  <td className={styles.cell}>
                    <TemplateChoice sheet={s.name} value={chosen?.get(s.name)} onChoose={onChoose} disabled={disabled} />
                  </td>
                )}
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
                {s.candidate && (
                  <Text size={100} className={styles.evidence}>
                    {S.nearest(TEMPLATE_LABEL[s.candidate.template], s.candidate.evidence.join('；'), s.candidate.lacks)}
                  </Text>
                )}
                {onChoose && <TemplateChoice sheet={s.name} value={chosen?.get(s.name)} onChoose={onChoose} disabled={disabled} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
};
