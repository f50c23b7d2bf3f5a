/**
 * 情况说明草稿 and 绩效自评综述: choose sections (those the loaded tables support), fill the user slots, preview, and
 * insert into a new sheet or at the selected cell.
 * Writing goes through the host (and its change journal); this component never touches Office.js itself. The host
 * calls arrive as props because the Host interface has no "insert rows" call yet.
 */
import * as React from 'react';
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useInsertion } from './useInsertion';
import type { WorkbookContext } from '../../core/engine';
import { DRAFT_SECTIONS, draftSituationNotes, HeadingSet } from '../../core/narrative/drafts';
import { draftSelfEvalSummaries, ZS_SECTIONS } from '../../core/narrative/drafts/zongshu';

export interface DraftPanelProps {
  /** The workbook as last read, with its recognitions (null before the first 一键审核). */
  context: WorkbookContext | null;
  /** Inserts the rows (column A, one paragraph per row) into a new sheet through the journal; returns its name. */
  insertSheet: (name: string, rows: string[]) => Promise<string>;
  /** Inserts the rows downward from the selected cell through the journal; must refuse non-empty cells. */
  insertAtSelection?: (rows: string[]) => Promise<void>;
  /** User slot answers remembered from last year (narratives.md §0.1). */
  remembered?: Record<string, string>;
  onRemember?: (answers: Record<string, string>) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sections: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  preview: { maxHeight: '320px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, padding: tokens.spacingHorizontalS, whiteSpace: 'pre-wrap' },
  heading: { fontWeight: tokens.fontWeightSemibold },
  placeholder: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

function highlight(text: string, cls: string): React.ReactNode[] {
  return text.split(/(【请填写：[^】]*】)/).map((part, i) => (part.startsWith('【请填写') ? <span key={i} className={cls}>{part}</span> : part));
}

export function DraftPanel({ context, insertSheet, insertAtSelection, remembered = {}, onRemember }: DraftPanelProps): JSX.Element {
  const s = useStyles();
  const ALL = React.useMemo(() => [...DRAFT_SECTIONS, ...ZS_SECTIONS], []);
  const [sections, setSections] = React.useState<string[]>(ALL.map((d) => d.id));
  const [headingSet, setHeadingSet] = React.useState<HeadingSet | 'auto'>('auto');
  const [answers, setAnswers] = React.useState<Record<string, string>>(remembered);
  const { busy, outcome, run } = useInsertion();

  const hasGongkai = !!context?.recognitions.some((r) => r.family === 'gongkai');
  const hasSelfEval = !!context?.recognitions.some((r) => r.family === 'selfeval');
  const offered = ALL.filter((d) => (d.id.startsWith('NT-ZS') ? hasSelfEval : hasGongkai));

  const draft = React.useMemo(() => {
    if (!context || (!hasGongkai && !hasSelfEval)) return null;
    const nt = sections.filter((x) => DRAFT_SECTIONS.some((d) => d.id === x));
    const zs = sections.filter((x) => ZS_SECTIONS.some((d) => d.id === x));
    const notes = hasGongkai && nt.length ? draftSituationNotes(context, { sections: nt, headingSet: headingSet === 'auto' ? undefined : headingSet, inputs: answers }) : null;
    const summaries = hasSelfEval && zs.length ? draftSelfEvalSummaries(context, { sections: zs, inputs: answers }) : null;
    return {
      headingSet: notes?.headingSet ?? 'A',
      paragraphs: [...(notes?.paragraphs ?? []), ...(summaries?.paragraphs ?? [])],
      unfilled: [...new Set([...(notes?.unfilled ?? []), ...(summaries?.unfilled ?? [])])],
      sheetName: notes ? '情况说明（草稿）' : '自评综述（草稿）',
    };
  }, [context, sections, headingSet, answers, hasGongkai, hasSelfEval]);

  if (!context || !draft) return <Text>请先点击“一键审核”读取工作簿，识别出公开表或绩效自评表后即可起草情况说明或自评综述。</Text>;

  const toggle = (id: string, on: boolean) => setSections((list) => (on ? ALL.map((d) => d.id).filter((x) => x === id || list.includes(x)) : list.filter((x) => x !== id)));

  const insert = (where: 'sheet' | 'selection') =>
    run(async () => {
      const rows = draft.paragraphs.map((p) => p.text);
      let done: string | null = null;
      if (where === 'sheet') {
        const name = await insertSheet(draft.sheetName, rows);
        done = `已插入新工作表“${name}”，可在“清除标记”中撤销。`;
      } else if (insertAtSelection) {
        await insertAtSelection(rows);
        done = `已从所选单元格起插入 ${rows.length} 行。`;
      }
      onRemember?.(answers);
      return done;
    });

  return (
    <div className={s.root}>
      <Title3>{hasGongkai ? '情况说明草稿' : '绩效自评综述草稿'}</Title3>
      {hasGongkai && <Field label="标题体例">
        <RadioGroup layout="horizontal" value={headingSet} onChange={(_, d) => setHeadingSet(d.value as HeadingSet | 'auto')}>
          <Radio value="auto" label={`自动（${draft.headingSet === 'A' ? '河南式' : '山西式'}）`} />
          <Radio value="A" label="河南式（A）" />
          <Radio value="B" label="山西式（B）" />
        </RadioGroup>
      </Field>}
      <Field label="选择段落">
        <div className={s.sections}>
          {offered.map((d) => (
            <Checkbox key={d.id} label={d.label} checked={sections.includes(d.id)} onChange={(_, v) => toggle(d.id, !!v.checked)} />
          ))}
        </div>
      </Field>
      {draft.unfilled.length > 0 && (
        <Field label={`待填写（${draft.unfilled.length} 项，未填写的以【请填写：…】留在草稿中）`}>
          {draft.unfilled.slice(0, 12).map((label) => (
            <Input key={label} placeholder={label} aria-label={label} onBlur={(e) => {
              const v = e.currentTarget.value.trim();
              if (v) setAnswers((a) => ({ ...a, [label]: v }));
            }} />
          ))}
        </Field>
      )}
      <div className={s.preview} aria-label="草稿预览">
        {draft.paragraphs.map((p, i) => (
          <div key={i} className={p.kind === 'heading' ? s.heading : undefined}>{highlight(p.text, s.placeholder)}</div>
        ))}
      </div>
      {outcome}
      <div className={s.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => insert('sheet')}>插入新工作表</Button>
        {insertAtSelection && <Button disabled={busy} onClick={() => insert('selection')}>插入到所选单元格</Button>}
      </div>
    </div>
  );
}
