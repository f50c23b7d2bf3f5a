/**
 * What the pane does, in plain TypeScript: check and mark, apply fixes, clear marks, export, explain, choose a
 * template — each through the host, each ending in a notice and, after any write, a fresh check so the list is never
 * stale. The App component only renders and keeps the state these actions set; test/taskpane/controller.test.ts
 * drives them against the memory host.
 */
import { CheckedWorkbook, CheckOptions, WorkbookContext } from '../core/engine';
import { CheckResult, Finding, ProposedEdit, SEVERITY_LABEL, TemplateId } from '../core/findings';
import { WorkbookGrid } from '../core/grid';
import { locationOf } from '../core/present';
import { CellChange, ForeignRestoreChoice, ForeignRestorePlan, Host, WriteReport } from '../host/host';
import { findingKey } from '../host/journal';
import { rowMarks } from '../host/marks';
import { countChanges, counts } from './model';
import { S } from './strings';

export type Phase = { kind: 'idle' } | { kind: 'busy'; label: string; value?: number } | { kind: 'error'; message: string };
export type Notice = { intent: 'success' | 'warning' | 'info'; text: string } | null;

export type CheckFn = (wb: WorkbookGrid, options?: CheckOptions) => CheckedWorkbook | Promise<CheckedWorkbook>;

/** Where the actions put what they learn: the component's state setters, or a test's record. */
export interface PaneSetters {
  phase(p: Phase): void;
  notice(n: Notice): void;
  result(r: CheckResult | null): void;
  context(c: WorkbookContext | null): void;
  explained(e: Record<string, string>): void;
  cursor(i: number): void;
}

/** The questions an action may put to the accountant (a dialog in the pane). */
export interface PaneQuestions {
  overwrite(cells: CellChange[]): Promise<boolean>;
  foreign(plan: ForeignRestorePlan): Promise<ForeignRestoreChoice>;
}

export interface PaneDeps {
  host: Host;
  check: CheckFn;
  /** The state the actions start from (the current render's). */
  state: { result: CheckResult | null; explained: Record<string, string> };
  set: PaneSetters;
  ask: PaneQuestions;
  onChanged?: (result: CheckResult | null) => void;
}

export const refs = (cells: { sheet: string; cell: string }[]) => cells.map((c) => `${c.sheet}!${c.cell}`).join('、');
const lockedText = (w: WriteReport) => (w.protectedSheets?.length ? ` ${S.protectedSheets(w.protectedSheets.join('、'))}` : '');
const yieldToBrowser = () => new Promise<void>((r) => setTimeout(r, 0));

/** Findings the accountant has not explained: what is marked, counted and offered for writing. */
export const openFindings = (r: CheckResult, exp: Record<string, string>) => r.findings.filter((f) => exp[findingKey(f)] === undefined);

export function paneActions({ host, check, state, set, ask, onChanged }: PaneDeps) {
  const { result, explained } = state;
  const caps = host.capabilities;
  const guard = async (label: string, work: () => Promise<void>) => {
    set.phase({ kind: 'busy', label });
    set.notice(null);
    try {
      await work();
      set.phase({ kind: 'idle' });
    } catch (e) {
      set.phase({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };


  /**
   * Reads and checks the workbook; with `mark`, fills the failing rows and notes the cells. Returns the new result
   * so a caller can say what changed. Every write path ends here, so the list is never stale.
   */
  const readAndCheck = async (mark: boolean): Promise<{ result: CheckResult; marked: string }> => {
    const wb = await host.readWorkbook((p) => set.phase({ kind: 'busy', label: S.reading(p.done, p.total, p.counting), value: p.total ? p.done / p.total : undefined }));
    set.phase({ kind: 'busy', label: S.checking });
    await yieldToBrowser();
    const { result: r, context: checked } = await check(wb, { templates: host.templateChoices?.() });
    const exp = host.explanations();
    set.result(r);
    set.context(checked);
    set.explained(exp);
    set.cursor(-1);
    let marked = '';
    if (mark && caps.canWrite) {
      set.phase({ kind: 'busy', label: S.marking });
      // A separate task from the check: on a large workbook each is long enough to hold the page up on its own.
      await yieldToBrowser();
      const open = openFindings(r, exp);
      const w = await host.applyHighlights(open, r.sheets);
      const listed = open.filter((f) => f.severity !== 'info').length;
      marked = S.doneMarked(listed, rowMarks(open, r.sheets).length) + (w.skipped.length ? ` ${S.skipped(refs(w.skipped))}` : '') + lockedText(w);
    }
    onChanged?.(r);
    return { result: r, marked };
  };

  /** 指定表类型: stored in the workbook with the journal, then the workbook is checked again with it. */
  const chooseTemplate = (sheet: string, template: TemplateId | null) =>
    guard(S.choosing, async () => {
      await host.setTemplateChoice!(sheet, template);
      const { marked } = await readAndCheck(true);
      set.notice({ intent: 'success', text: caps.canWrite ? marked : S.doneReadOnly });
    });

  const runCheck = () =>
    guard(S.reading(0, 0), async () => {
      const { marked } = await readAndCheck(true);
      if (caps.canWrite) set.notice({ intent: marked.includes('受保护') ? 'warning' : 'success', text: marked });
      else set.notice({ intent: 'info', text: S.doneReadOnly });
    });

  const askOverwrite = (cells: CellChange[]) => ask.overwrite(cells);

  const apply = (edits: ProposedEdit[]) =>
    guard(S.applying, async () => {
      const before = result ? counts(openFindings(result, explained)) : null;
      const w = await host.applyEdits(edits, askOverwrite);
      if (w.written === 0 && w.skipped.length > 0 && !w.protectedSheets?.length) {
        set.notice({ intent: 'info', text: S.cancelled });
        return;
      }
      set.phase({ kind: 'busy', label: S.rechecking });
      const { result: r } = await readAndCheck(true);
      const after = counts(openFindings(r, host.explanations()));
      const changes = before ? countChanges(before, after, SEVERITY_LABEL) : [];
      const recheck = changes.length ? S.recheckChanged(changes.join('，')) : S.recheckSame;
      set.notice({
        intent: w.skipped.length || w.protectedSheets?.length ? 'warning' : 'success',
        text: `${S.applied(w.written)}${recheck}` + (w.skipped.length ? ` ${S.skipped(refs(w.skipped))}` : '') + lockedText(w),
      });
    });

  const askForeign = (plan: ForeignRestorePlan) => ask.foreign(plan);


  const clear = () =>
    guard(S.clearing, async () => {
      const r = await host.clearMarks(askForeign);
      if (r.rejected) {
        onChanged?.(result);
        set.notice({ intent: 'warning', text: S.journalRejected(r.rejected) });
        return;
      }
      if (r.declined) {
        set.notice({ intent: 'info', text: S.foreignDeclined });
        return;
      }
      const parts: string[] = [r.marksOnly ? S.clearedMarksOnly(r.restored) : S.cleared(r.restored)];
      if (r.sheetsRemoved.length) parts.push(S.sheetsRemoved(r.sheetsRemoved.join('、')));
      if (r.sheetsKept.length) parts.push(S.sheetsKept(r.sheetsKept.join('、')));
      if (r.userChanged.length) parts.push(S.userChanged(refs(r.userChanged)));
      // Restored values may bring findings back: check again (without marking) so the list stays true.
      if (result) await readAndCheck(false);
      else onChanged?.(result);
      set.notice({ intent: r.userChanged.length || r.sheetsKept.length ? 'warning' : 'success', text: parts.join(' ') });
    });

  const exportReport = () =>
    guard(S.exporting, async () => {
      if (!result) return;
      const name = await host.insertReportSheet(result);
      onChanged?.(result);
      set.notice({ intent: 'success', text: S.reportInserted(name) });
    });

  const explain = (f: Finding, text: string | null) =>
    guard(S.savingExplanation, async () => {
      await host.setExplanation(findingKey(f), text);
      set.explained(host.explanations());
      onChanged?.(result);
      set.notice({ intent: 'success', text: text ? S.explainedSaved(locationOf(f)) : S.explainedRemoved(locationOf(f)) });
    });

  return { readAndCheck, chooseTemplate, runCheck, apply, clear, exportReport, explain };
}

export type PaneActions = ReturnType<typeof paneActions>;
