/**
 * 情况说明草稿 and 绩效自评综述: choose sections (those the loaded tables support), fill the user slots, preview, and
 * insert into a new sheet or at the selected cell.
 * Writing goes through the host (and its change journal); this component never touches Office.js itself. The host
 * calls arrive as props because the Host interface has no "insert rows" call yet.
 */
import * as React from 'react';
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { Notify, useInsertion } from './useInsertion';
import type { WorkbookContext } from '../../core/engine';
import { parseSlotValue } from '../../core/draft-input';
import { DRAFT_SECTIONS, DraftSlot, draftSituationNotes, HeadingSet } from '../../core/narrative/drafts';
import { draftSelfEvalSummaries, ZS_SECTIONS } from '../../core/narrative/drafts/zongshu';

export interface DraftPanelProps {
  /** The workbook as last read, with its recognitions (null before the first 一键审核). */
  context: WorkbookContext | null;
  /** Inserts the rows (column A, one paragraph per row) into a new sheet through the journal; returns its name. */
  insertSheet: (name: string, rows: string[]) => Promise<string>;
  /** Inserts the rows downward from the selected cell through the journal (refusing non-empty cells); returns the range. */
  insertAtSelection?: (rows: string[]) => Promise<string | void>;
  /** The pane's notice area (else the panel shows its own message). */
  notify?: Notify;
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
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  slots: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Slots in first-seen order, one per label. */
function unionSlots(...lists: DraftSlot[][]): DraftSlot[] {
  const seen = new Map<string, DraftSlot>();
  for (const list of lists) for (const slot of list) if (!seen.has(slot.label)) seen.set(slot.label, slot);
  return [...seen.values()];
}

function highlight(text: string, cls: string): React.ReactNode[] {
  return text.split(/(【请填写：[^】]*】)/).map((part, i) => (part.startsWith('【请填写') ? <span key={i} className={cls}>{part}</span> : part));
}

export function DraftPanel({ context, insertSheet, insertAtSelection, remembered = {}, onRemember, notify }: DraftPanelProps): JSX.Element {
  const s = useStyles();
  const ALL = React.useMemo(() => [...DRAFT_SECTIONS, ...ZS_SECTIONS], []);
  const [sections, setSections] = React.useState<string[]>(ALL.map((d) => d.id));
  const [headingSet, setHeadingSet] = React.useState<HeadingSet | 'auto'>('auto');
  const [answers, setAnswers] = React.useState<Record<string, string>>(remembered);
  /** What is typed in each field, as typed (kept visible and editable after it is taken). */
  const [typed, setTyped] = React.useState<Record<string, string>>(remembered);
  const [notes, setNotes] = React.useState<Record<string, { note?: string; error?: string }>>({});
  const { busy, outcome, run } = useInsertion(notify);

  const hasGongkai = !!context?.recognitions.some((r) => r.family === 'gongkai');
  const hasSelfEval = !!context?.recognitions.some((r) => r.family === 'selfeval');
  const offered = ALL.filter((d) => (d.id.startsWith('NT-ZS') ? hasSelfEval : hasGongkai));

  const draft = React.useMemo(() => {
    if (!context || (!hasGongkai && !hasSelfEval)) return null;
    const nt = sections.filter((x) => DRAFT_SECTIONS.some((d) => d.id === x));
    const zs = sections.filter((x) => ZS_SECTIONS.some((d) => d.id === x));
    const hs = headingSet === 'auto' ? undefined : headingSet;
    const build = (inputs: Record<string, string>) => ({
      notes: hasGongkai && nt.length ? draftSituationNotes(context, { sections: nt, headingSet: hs, inputs }) : null,
      summaries: hasSelfEval && zs.length ? draftSelfEvalSummaries(context, { sections: zs, inputs }) : null,
    });
    const { notes, summaries } = build(answers);
    // Every slot stays a field once answered: the list comes from the draft with nothing filled in, plus any slot
    // an answer brought up (a reason asked only when two figures differ).
    const blank = build({});
    return {
      headingSet: notes?.headingSet ?? 'A',
      unit: notes?.unit ?? '万元',
      paragraphs: [...(notes?.paragraphs ?? []), ...(summaries?.paragraphs ?? [])],
      unfilled: [...new Set([...(notes?.unfilled ?? []), ...(summaries?.unfilled ?? [])])],
      slots: unionSlots(blank.notes?.slots ?? [], blank.summaries?.slots ?? [], notes?.slots ?? [], summaries?.slots ?? []),
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
        const range = await insertAtSelection(rows);
        done = range ? `已插入到 ${range}（${rows.length} 行），可用“清除标记”恢复原样。` : `已从所选单元格起插入 ${rows.length} 行。`;
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
      {draft.slots.length > 0 && (
        <section aria-label="待填写" className={s.slots}>
          <Text weight="semibold">
            待填写 {draft.unfilled.length} 项，共 {draft.slots.length} 项（金额可带单位，如 22000.00万元 或 22,000；未填写的以【请填写：…】留在草稿中）
          </Text>
          {draft.slots.map((slot) => {
            const commit = () => {
              const parsed = parseSlotValue(typed[slot.label] ?? '', slot.kind, draft.unit);
              setNotes((n) => ({ ...n, [slot.label]: { note: parsed.note, error: parsed.error } }));
              if (parsed.error) return;
              setAnswers((a) => {
                const next = { ...a };
                if (parsed.value === undefined) delete next[slot.label];
                else next[slot.label] = parsed.value;
                return next;
              });
            };
            const n = notes[slot.label];
            return (
              <Field
                key={slot.label}
                label={slot.label}
                validationState={n?.error ? 'error' : n?.note ? 'success' : 'none'}
                validationMessage={n?.error ?? n?.note}
              >
                <Input
                  value={typed[slot.label] ?? ''}
                  data-slot={slot.id}
                  onChange={(_, d) => setTyped((t) => ({ ...t, [slot.label]: d.value }))}
                  onBlur={commit}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      commit();
                    }
                  }}
                />
              </Field>
            );
          })}
        </section>
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
