/**
 * The pane's actions without React: check and mark, apply the offered fixes, clear — against the memory host, on the
 * Jiaozuo 公开表, watching what the actions set (the state the App component renders).
 */
import { checkInContext } from '../../src/core/engine';
import { CheckResult } from '../../src/core/findings';
import { memoryDocument, MemoryHost } from '../../src/host/memory-host';
import { allEdits } from '../../src/taskpane/model';
import { Notice, paneActions, PaneDeps, Phase } from '../../src/taskpane/controller';
import { loadFixture } from '../helpers';

function recorder() {
  const seen = { phases: [] as Phase[], notices: [] as Notice[], result: null as CheckResult | null, explained: {} as Record<string, string> };
  const set: PaneDeps['set'] = {
    phase: (p) => seen.phases.push(p),
    notice: (n) => seen.notices.push(n),
    result: (r) => (seen.result = r),
    context: () => undefined,
    explained: (e) => (seen.explained = e),
    cursor: () => undefined,
  };
  return { seen, set };
}

async function setup() {
  const host = new MemoryHost(memoryDocument(await loadFixture('jiaozuo-2021-gongkai.xlsx')));
  const { seen, set } = recorder();
  const actions = (asked: { overwrite: boolean } = { overwrite: true }) =>
    paneActions({ host, check: checkInContext, state: { result: seen.result, explained: seen.explained }, set, ask: { overwrite: async () => asked.overwrite, foreign: async () => null }, onChanged: () => undefined });
  return { host, seen, actions };
}

test('一键审核 reads, checks and marks, ending idle with a success notice and the result set', async () => {
  const { seen, actions } = await setup();
  await actions().runCheck();
  expect(seen.phases[0]).toMatchObject({ kind: 'busy' });
  expect(seen.phases[seen.phases.length - 1]).toEqual({ kind: 'idle' });
  expect(seen.result?.findings.some((f) => f.severity === 'rounding')).toBe(true);
  expect(seen.notices[seen.notices.length - 1]).toMatchObject({ intent: 'success' });
});

test('全部应用 writes the offered fixes and re-checks: fewer 尾数误差, and the notice says so', async () => {
  const { seen, actions } = await setup();
  await actions().runCheck();
  const before = seen.result!.findings.filter((f) => f.severity === 'rounding').length;
  const edits = allEdits(seen.result!, seen.explained);
  expect(edits.length).toBeGreaterThan(0);
  await actions().apply(edits);
  const after = seen.result!.findings.filter((f) => f.severity === 'rounding').length;
  expect(after).toBeLessThan(before);
  expect(seen.notices[seen.notices.length - 1]?.text).toMatch(new RegExp(`尾数误差 ${before} → ${after}`));
});

test('declining to overwrite writes nothing and says 已取消', async () => {
  const { host, seen, actions } = await setup();
  await actions().runCheck();
  const edits = allEdits(seen.result!, seen.explained);
  const original = await host.readWorkbook();
  await actions({ overwrite: false }).apply(edits);
  expect(seen.notices[seen.notices.length - 1]?.intent).toBe('info');
  const e = edits[0];
  const sheet = (await host.readWorkbook()).sheets.find((s) => s.name === e.sheet)!;
  const before = original.sheets.find((s) => s.name === e.sheet)!;
  expect(sheet.cells.map((r) => r?.map((c) => c?.value))).toEqual(before.cells.map((r) => r?.map((c) => c?.value)));
});

test('清除标记 after marking restores and re-checks, ending with a success notice', async () => {
  const { seen, actions } = await setup();
  await actions().runCheck();
  await actions().clear();
  expect(seen.phases[seen.phases.length - 1]).toEqual({ kind: 'idle' });
  expect(seen.notices[seen.notices.length - 1]).toMatchObject({ intent: 'success' });
});
