import * as React from 'react';
import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Tab, TabList, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { checkInContext, WorkbookContext } from '../../core/engine';
import { placedRows, TemplateSheet } from '../../core/templates';
import { CheckResult, Finding, SEVERITY_LABEL, Severity } from '../../core/findings';

import { CellChange, ForeignRestoreChoice, ForeignRestorePlan, Host } from '../../host/host';

import { S } from '../strings';
import { allEdits, counts, groupFindings, MARK_SEVERITIES } from '../model';
import { FindingsList } from './FindingsList';
import { CheckFn, Notice, openFindings, paneActions, Phase } from '../controller';
import { RulesView } from './RulesView';
import { Summary } from './Summary';
import { DraftPanel } from '../narrative/DraftPanel';
import { TemplateGallery } from '../narrative/TemplateGallery';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, fontFamily: tokens.fontFamilyBase },
  run: { width: '100%', minHeight: '48px', fontSize: tokens.fontSizeBase500 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  filters: { border: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap' },
  walk: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // Notices wrap inside the pane: a long one must not give the pane a horizontal scrollbar.
  notice: { overflowWrap: 'anywhere', minWidth: 0 },
});

export interface AppProps {
  host: Host;
  /** The check; the playground's runs in a Web Worker and so answers later. 指定表类型 choices go with it. */
  check?: CheckFn;
  /** Extra actions (the playground's download button). */
  extraActions?: (result: CheckResult | null, busy: boolean) => React.ReactNode;
  /** Called after anything was written, so a host view can refresh. */
  onChanged?: (result: CheckResult | null) => void;
}

interface PendingConfirm {
  cells: CellChange[];
  resolve: (ok: boolean) => void;
}

interface PendingForeign {
  plan: ForeignRestorePlan;
  resolve: (choice: ForeignRestoreChoice) => void;
}

/** Lines shown in the foreign-journal dialog; a longer list is summarised by its count (contents and sheets first). */
const FOREIGN_LINES = 2000;

export const App: React.FC<AppProps> = ({ host, check = checkInContext, extraActions, onChanged }) => {
  const styles = useStyles();
  const [phase, setPhase] = React.useState<Phase>({ kind: 'idle' });
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [notice, setNotice] = React.useState<Notice>(null);
  const [shown, setShown] = React.useState<Set<Severity>>(new Set(MARK_SEVERITIES));
  const [confirm, setConfirm] = React.useState<PendingConfirm | null>(null);
  const [foreign, setForeign] = React.useState<PendingForeign | null>(null);
  const [tab, setTab] = React.useState<'check' | 'draft' | 'templates' | 'rules'>('check');
  const [ruleQuery, setRuleQuery] = React.useState('');
  const showRule = (rule: string) => {
    setRuleQuery(rule);
    setNotice(null);
    setTab('rules');
  };
  const [context, setContext] = React.useState<WorkbookContext | null>(null);
  const [explained, setExplained] = React.useState<Record<string, string>>({});
  const [cursor, setCursor] = React.useState(-1);
  const caps = host.capabilities;
  const busy = phase.kind === 'busy';

  const actions = paneActions({
    host,
    check,
    state: { result, explained },
    set: { phase: setPhase, notice: setNotice, result: setResult, context: setContext, explained: setExplained, cursor: setCursor },
    ask: {
      overwrite: (cells) => new Promise<boolean>((resolve) => setConfirm({ cells, resolve })),
      foreign: (plan) => new Promise<ForeignRestoreChoice>((resolve) => setForeign({ plan, resolve })),
    },
    onChanged,
  });
  const { chooseTemplate, runCheck, apply, clear, exportReport, explain } = actions;
  const answerForeign = (choice: ForeignRestoreChoice) => {
    foreign?.resolve(choice);
    setForeign(null);
  };

  const select = async (f: Finding) => {
    if (!f.cell) return;
    try {
      await host.selectCell(f.sheet, f.cell);
    } catch (e) {
      setNotice({ intent: 'warning', text: `${S.selectFailed}：${e instanceof Error ? e.message : String(e)}` });
    }
  };

  // Inserting goes through the host's journal; the draft and template panels only get these two calls.
  const insertSheet = async (name: string, rows: string[]) => {
    const sheet = await host.insertSheet(name, rows.map((r) => [r]), { widths: [110] });
    onChanged?.(result);
    return sheet;
  };
  const insertAtSelection = async (rows: string[]) => {
    const r = await host.insertAtSelection(rows.map((x) => [x]));
    onChanged?.(result);
    return `${r.sheet}!${r.range}`;
  };
  /** The one notice area: the draft and template tabs report here too. */
  const notify = (intent: 'success' | 'error', text: string) => {
    if (intent === 'error') setPhase({ kind: 'error', message: text });
    else {
      setPhase({ kind: 'idle' });
      setNotice({ intent: 'success', text });
    }
  };
  const insertTemplate = async (sheet: TemplateSheet) => {
    const placed = placedRows(sheet);
    const name = await host.insertSheet(sheet.name, placed.rows, { merges: placed.merges, widths: placed.widths });
    onChanged?.(result);
    return name;
  };

  const c = result ? counts(openFindings(result, explained)) : null;
  const explainedCount = result ? result.findings.length - openFindings(result, explained).length : 0;
  const groups = result ? groupFindings(result, shown, S.groupTitles, explained) : [];
  const walk = groups.filter((g) => g.key !== 'explained' && g.key !== 'info').flatMap((g) => g.findings);
  const current = cursor >= 0 && cursor < walk.length ? walk[cursor] : null;
  const edits = result && caps.canWrite ? allEdits(result, explained) : [];

  const step = (delta: number) => {
    if (!walk.length) return;
    const i = cursor < 0 ? (delta > 0 ? 0 : walk.length - 1) : (cursor + delta + walk.length) % walk.length;
    setCursor(i);
    const f = walk[i];
    // The list index counts every group in order; the walk's groups come first, so its index is the list's.
    document.querySelector<HTMLElement>(`[data-testid="finding"][data-index="${i}"]`)?.scrollIntoView?.({ block: "nearest" });
    void select(f);
  };

  return (
    <main className={styles.root} aria-label={S.appTitle}>
      <Title3 as="h1">{S.appTitle}</Title3>
      {!caps.canWrite && caps.reason && (
        <MessageBar intent="warning" data-testid="readonly-notice">
          <MessageBarBody>
            <MessageBarTitle>{S.readOnlyTitle}</MessageBarTitle>
            {caps.reason}
          </MessageBarBody>
        </MessageBar>
      )}
      {caps.canWrite && caps.notes === 'none' && (
        <MessageBar intent="info">
          <MessageBarBody>{S.notesUnavailable}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" className={styles.run} disabled={busy} onClick={runCheck}>
        {S.runCheck}
      </Button>
      {busy && (
        <div role="status" aria-live="polite">
          <ProgressBar value={phase.value} />
          <Text size={200}>{phase.label}</Text>
        </div>
      )}
      {phase.kind === 'error' && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{S.errorTitle}</MessageBarTitle>
            {phase.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} data-testid="notice" layout="multiline" className={styles.notice}>
          <MessageBarBody className={styles.notice}>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <TabList
        aria-label={S.tabsLabel}
        selectedValue={tab}
        onTabSelect={(_, d) => {
          // One notice area: what the last tab said does not carry over to the next.
          setNotice(null);
          if (phase.kind === 'error') setPhase({ kind: 'idle' });
          setTab(d.value as typeof tab);
        }}
      >
        <Tab value="check">{S.tabCheck}</Tab>
        <Tab value="draft">{S.tabDraft}</Tab>
        <Tab value="templates">{S.tabTemplates}</Tab>
        <Tab value="rules">{S.tabRules}</Tab>
      </TabList>
      {(tab === 'draft' || tab === 'templates') && !caps.canWrite && <Text>{S.insertReadOnly}</Text>}
      {tab === 'rules' && <RulesView query={ruleQuery} onQuery={setRuleQuery} />}
      {tab === 'draft' && caps.canWrite && <DraftPanel context={context} insertSheet={insertSheet} insertAtSelection={insertAtSelection} notify={notify} />}
      {tab === 'templates' && caps.canWrite && <TemplateGallery insertTemplate={insertTemplate} notify={notify} />}
      {tab === 'check' && (
        <>
          <div className={styles.row}>
            {caps.canWrite && (
              <Button disabled={busy} onClick={clear}>
                {S.clearMarks}
              </Button>
            )}
            {caps.canWrite && (
              <Button disabled={busy || !result} onClick={exportReport}>
                {S.exportReport}
              </Button>
            )}
            {edits.length > 0 && (
              <Button disabled={busy} onClick={() => apply(edits)}>
                {S.applyAll(edits.length)}
              </Button>
            )}
            {extraActions?.(result, busy)}
          </div>
          {!result && <Text>{S.noneYet}</Text>}
          {result && c && (
            <>
              <section aria-label={S.countsTitle} className={styles.counts} data-testid="counts">
                {(['error', 'rounding', 'warning', 'info'] as Severity[]).map((s) => (
                  <Text key={s} data-testid={`count-${s}`}>
                    {SEVERITY_LABEL[s]} {c[s]}
                  </Text>
                ))}
                {explainedCount > 0 && <Text data-testid="count-explained">{S.explainedCount(explainedCount)}</Text>}
              </section>
              <div className={styles.walk}>
                <Button size="small" disabled={!walk.length} onClick={() => step(-1)}>
                  {S.previous}
                </Button>
                <Button size="small" disabled={!walk.length} onClick={() => step(1)}>
                  {S.next}
                </Button>
                <Text size={200} aria-live="polite">
                  {S.position(cursor, walk.length)}
                </Text>
              </div>
              <fieldset aria-label={S.filterLabel} className={styles.filters}>
                {MARK_SEVERITIES.map((s) => (
                  <Checkbox
                    key={s}
                    label={`${SEVERITY_LABEL[s]}（${c[s]}）`}
                    checked={shown.has(s)}
                    onChange={(_, d) => {
                      const next = new Set(shown);
                      if (d.checked) next.add(s);
                      else next.delete(s);
                      setShown(next);
                      setCursor(-1);
                    }}
                  />
                ))}
              </fieldset>
              <Summary
                sheets={result.sheets}
                onChoose={host.setTemplateChoice ? chooseTemplate : undefined}
                chosen={host.templateChoices?.()}
                disabled={busy}
              />
              <FindingsList
                groups={groups}
                result={result}
                explained={explained}
                current={current}
                canWrite={caps.canWrite}
                busy={busy}
                onSelect={select}
                onApply={(e) => apply([e])}
                onExplain={caps.canWrite ? explain : undefined}
                onShowRule={showRule}
              />
            </>
          )}
        </>
      )}
      <Dialog open={!!confirm} onOpenChange={(_, d) => !d.open && confirm && (confirm.resolve(false), setConfirm(null))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{S.confirmTitle}</DialogTitle>
            <DialogContent>
              {S.confirmBody}
              <ul>
                {confirm?.cells.map((x) => (
                  <li key={`${x.sheet}!${x.cell}`}>
                    {x.sheet}!{x.cell}：{x.current} → {x.proposed}
                  </li>
                ))}
              </ul>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => (confirm!.resolve(true), setConfirm(null))}>
                {S.confirmYes}
              </Button>
              <Button onClick={() => (confirm!.resolve(false), setConfirm(null))}>{S.confirmNo}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={!!foreign} onOpenChange={(_, d) => !d.open && answerForeign(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{S.foreignTitle}</DialogTitle>
            <DialogContent>
              <Text block>{S.foreignBody}</Text>
              {foreign && <ForeignList plan={foreign.plan} />}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => answerForeign('marks')}>
                {S.foreignMarksOnly}
              </Button>
              <Button onClick={() => answerForeign('all')}>{S.foreignAll}</Button>
              <Button onClick={() => answerForeign(null)}>{S.confirmNo}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
};

/** Every change a foreign journal would make: sheet deletions and contents first, then number formats, fills, notes. */
const ForeignList: React.FC<{ plan: ForeignRestorePlan }> = ({ plan }) => {
  const order = { content: 0, numFmt: 1, fill: 2, note: 3 } as const;
  const changes = [...plan.changes].sort((a, b) => order[a.aspect] - order[b.aspect]);
  const lines = [
    ...plan.deleteSheets.map((name) => ({ key: `sheet:${name}`, text: S.foreignDeleteSheet(name), danger: true })),
    ...changes.map((c) => ({ key: `${c.sheet}!${c.cell}:${c.aspect}`, text: S.foreignChange(`${c.sheet}!${c.cell}`, c.aspect, c.from, c.to), danger: c.aspect === 'content' })),
  ];
  const shown = lines.slice(0, FOREIGN_LINES);
  return (
    <ul data-testid="foreign-changes" style={{ maxHeight: '40vh', overflow: 'auto', paddingLeft: '1.2em' }}>
      {shown.map((l) => (
        <li key={l.key} style={l.danger ? { fontWeight: 600 } : undefined}>
          {l.text}
        </li>
      ))}
      {lines.length > shown.length && <li>{S.foreignMore(lines.length - shown.length)}</li>}
    </ul>
  );
};

/** Any render error becomes a visible message, never a blank pane. */
export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (this.state.error) {
      return (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{S.errorTitle}</MessageBarTitle>
            {this.state.error.message}
          </MessageBarBody>
        </MessageBar>
      );
    }
    return this.props.children;
  }
}
