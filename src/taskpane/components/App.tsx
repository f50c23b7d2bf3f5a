import * as React from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { checkInContext, CheckedWorkbook, WorkbookContext } from '../../core/engine';
import { placedRows, TemplateSheet } from '../../core/templates';
import { CheckResult, Finding, ProposedEdit, SEVERITY_LABEL, Severity } from '../../core/findings';
import { WorkbookGrid } from '../../core/grid';
import { CellChange, Host, WriteReport } from '../../host/host';
import { S } from '../strings';
import { allEdits, counts, groupFindings, MARK_SEVERITIES } from '../model';
import { FindingsList } from './FindingsList';
import { Summary } from './Summary';
import { DraftPanel } from '../narrative/DraftPanel';
import { TemplateGallery } from '../narrative/TemplateGallery';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, fontFamily: tokens.fontFamilyBase },
  run: { width: '100%', minHeight: '48px', fontSize: tokens.fontSizeBase500 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export interface AppProps {
  host: Host;
  check?: (wb: WorkbookGrid) => CheckedWorkbook;
  /** Extra actions (the playground's download button). */
  extraActions?: (result: CheckResult | null, busy: boolean) => React.ReactNode;
  /** Called after anything was written, so a host view can refresh. */
  onChanged?: (result: CheckResult | null) => void;
}

type Phase = { kind: 'idle' } | { kind: 'busy'; label: string; value?: number } | { kind: 'error'; message: string };
type Notice = { intent: 'success' | 'warning' | 'info'; text: string } | null;

interface PendingConfirm {
  cells: CellChange[];
  resolve: (ok: boolean) => void;
}

const refs = (cells: { sheet: string; cell: string }[]) => cells.map((c) => `${c.sheet}!${c.cell}`).join('、');
const lockedText = (w: WriteReport) => (w.protectedSheets?.length ? ` ${S.protectedSheets(w.protectedSheets.join('、'))}` : '');
const yieldToBrowser = () => new Promise<void>((r) => setTimeout(r, 0));

export const App: React.FC<AppProps> = ({ host, check = checkInContext, extraActions, onChanged }) => {
  const styles = useStyles();
  const [phase, setPhase] = React.useState<Phase>({ kind: 'idle' });
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [notice, setNotice] = React.useState<Notice>(null);
  const [shown, setShown] = React.useState<Set<Severity>>(new Set(MARK_SEVERITIES));
  const [confirm, setConfirm] = React.useState<PendingConfirm | null>(null);
  const [tab, setTab] = React.useState<'check' | 'draft' | 'templates'>('check');
  const [context, setContext] = React.useState<WorkbookContext | null>(null);
  const caps = host.capabilities;
  const busy = phase.kind === 'busy';

  const guard = async (label: string, work: () => Promise<void>) => {
    setPhase({ kind: 'busy', label });
    setNotice(null);
    try {
      await work();
      setPhase({ kind: 'idle' });
    } catch (e) {
      setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const runCheck = () =>
    guard(S.reading(0, 0), async () => {
      const wb = await host.readWorkbook((p) => setPhase({ kind: 'busy', label: S.reading(p.done, p.total, p.counting), value: p.total ? p.done / p.total : undefined }));
      setPhase({ kind: 'busy', label: S.checking });
      await yieldToBrowser();
      const { result: r, context: checked } = check(wb);
      setResult(r);
      setContext(checked);
      if (caps.canWrite) {
        setPhase({ kind: 'busy', label: S.marking });
        const w = await host.applyHighlights(r.findings);
        onChanged?.(r);
        setNotice({ intent: w.protectedSheets?.length ? 'warning' : 'success', text: S.doneMarked(w.written) + (w.skipped.length ? ` ${S.skipped(refs(w.skipped))}` : '') + lockedText(w) });
      } else {
        setNotice({ intent: 'info', text: S.doneReadOnly });
      }
    });

  const askOverwrite = (cells: CellChange[]) => new Promise<boolean>((resolve) => setConfirm({ cells, resolve }));

  const apply = (edits: ProposedEdit[]) =>
    guard(S.applying, async () => {
      const w = await host.applyEdits(edits, askOverwrite);
      onChanged?.(result);
      setNotice({ intent: w.skipped.length || w.protectedSheets?.length ? 'warning' : 'success', text: S.applied(w.written) + (w.skipped.length ? ` ${S.skipped(refs(w.skipped))}` : '') + lockedText(w) });
    });

  const clear = () =>
    guard(S.clearing, async () => {
      const r = await host.clearMarks();
      onChanged?.(result);
      const parts: string[] = [S.cleared(r.restored)];
      if (r.sheetsRemoved.length) parts.push(S.sheetsRemoved(r.sheetsRemoved.join('、')));
      if (r.sheetsKept.length) parts.push(S.sheetsKept(r.sheetsKept.join('、')));
      if (r.userChanged.length) parts.push(S.userChanged(refs(r.userChanged)));
      setNotice({ intent: r.userChanged.length || r.sheetsKept.length ? 'warning' : 'success', text: parts.join(' ') });
    });

  const exportReport = () =>
    guard(S.exporting, async () => {
      if (!result) return;
      const name = await host.insertReportSheet(result);
      onChanged?.(result);
      setNotice({ intent: 'success', text: S.reportInserted(name) });
    });

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
    setNotice({ intent: 'success', text: S.insertedAt(`${r.sheet}!${r.range}`) });
  };
  const insertTemplate = async (sheet: TemplateSheet) => {
    const placed = placedRows(sheet);
    const name = await host.insertSheet(sheet.name, placed.rows, { merges: placed.merges, widths: placed.widths });
    onChanged?.(result);
    return name;
  };

  const c = result ? counts(result.findings) : null;
  const groups = result ? groupFindings(result.findings, shown, S.adviceGroup) : [];
  const info = result ? result.findings.filter((f) => f.severity === 'info') : [];
  const edits = result && caps.canWrite ? allEdits(result) : [];

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
        <MessageBar intent={notice.intent} data-testid="notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <TabList aria-label={S.tabsLabel} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)}>
        <Tab value="check">{S.tabCheck}</Tab>
        <Tab value="draft">{S.tabDraft}</Tab>
        <Tab value="templates">{S.tabTemplates}</Tab>
      </TabList>
      {tab !== 'check' && !caps.canWrite && <Text>{S.insertReadOnly}</Text>}
      {tab === 'draft' && caps.canWrite && <DraftPanel context={context} insertSheet={insertSheet} insertAtSelection={insertAtSelection} />}
      {tab === 'templates' && caps.canWrite && <TemplateGallery insertTemplate={insertTemplate} />}
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
              <Summary sheets={result.sheets} />
              <section aria-label={S.countsTitle} className={styles.counts} data-testid="counts">
                {(['error', 'rounding', 'warning', 'info'] as Severity[]).map((s) => (
                  <Text key={s} data-testid={`count-${s}`}>
                    {SEVERITY_LABEL[s]} {c[s]}
                  </Text>
                ))}
              </section>
              <fieldset aria-label={S.filterLabel} style={{ border: 'none', padding: 0, margin: 0 }}>
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
                    }}
                  />
                ))}
              </fieldset>
              <FindingsList groups={groups} info={info} result={result} canWrite={caps.canWrite} busy={busy} onSelect={select} onApply={(e) => apply([e])} />
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
    </main>
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
