/**
 * 模板库: the 公开表 and 绩效自评表 of each variant, inserted as new sheets with titles, headers, merges, number formats and live
 * formulas. The pane inserts the pure description (core/templates) through a host call given as a prop.
 */
import * as React from 'react';
import { Button, Dropdown, Field, Option, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { Notify, useInsertion } from './useInsertion';
import { listTemplates, templateSheets, TemplateSheet } from '../../core/templates';

export interface TemplateGalleryProps {
  /** Inserts one template sheet as a new sheet (never over an existing one) through the journal; returns its name. */
  insertTemplate: (sheet: TemplateSheet) => Promise<string>;
  year?: number;
  department?: string;
  /** The pane's notice area (else the gallery shows its own message). */
  notify?: Notify;
}

const VARIANT_LABEL: Record<string, string> = {
  'henan-2021': '河南 2021（公开01–09、部门整体自评表）',
  'shanxi-2024': '山西 2024（公开01–10）',
  'shanxi-2022': '山西 2022（公开01–10，元）',
  'national-2020': '全国 2020（项目支出绩效自评表）',
  shanxi: '山西（项目支出绩效自评表 S-W）',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
});

export function TemplateGallery({ insertTemplate, year, department, notify }: TemplateGalleryProps): JSX.Element {
  const s = useStyles();
  const all = React.useMemo(() => listTemplates(), []);
  const variants = [...new Set(all.map((t) => t.variant))];
  const [variant, setVariant] = React.useState(variants[0]);
  const { busy, outcome, run } = useInsertion(notify);

  const insert = (id: string) =>
    run(async () => {
      const names: string[] = [];
      for (const sheet of templateSheets(id, variant, { year, department })) names.push(await insertTemplate(sheet));
      return `已插入：${names.join('、')}`;
    });

  return (
    <div className={s.root}>
      <Title3>模板库</Title3>
      <Field label="版式">
        <Dropdown value={VARIANT_LABEL[variant] ?? variant} selectedOptions={[variant]} onOptionSelect={(_, d) => d.optionValue && setVariant(d.optionValue)}>
          {variants.map((v) => <Option key={v} value={v}>{VARIANT_LABEL[v] ?? v}</Option>)}
        </Dropdown>
      </Field>
      <div className={s.list}>
        {all.filter((t) => t.variant === variant).map((t) => (
          <div key={t.id} className={s.row}>
            <Text>{t.marker} {t.label}</Text>
            <Button size="small" disabled={busy} onClick={() => insert(t.id)}>插入</Button>
          </div>
        ))}
        {all.some((t) => t.variant === variant && t.marker) && (
          <Button appearance="primary" disabled={busy} onClick={() => insert('gongkai')}>插入本版式全部公开表</Button>
        )}
      </div>
      {outcome}
    </div>
  );
}
