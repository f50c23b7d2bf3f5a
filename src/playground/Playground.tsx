/**
 * The browser playground (Office.onReady gave host null): the same pane beside a read-only grid of an in-memory
 * workbook. Open a local .xlsx (picker or drag-drop) or a bundled sample; the pane drives a MemoryHost, the same
 * Host interface the add-in uses — there is no second checking path.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { App, ErrorBoundary } from '../taskpane/components/App';
import { MarkedElsewhere } from '../taskpane/components/MarkedElsewhere';
import { CheckResult } from '../core/findings';
import { WorkbookGrid } from '../core/grid';
import { MemoryHost, memoryDocument } from '../host/memory-host';
import { ReadStage } from '../host/xlsx-read';
import { annotateWorkbook } from '../host/xlsx-annotate';
import type { ReadMessage, ReadRequest } from './read-worker';
import { offThreadChecker } from './check-off-thread';
import { VirtualGrid } from './VirtualGrid';

declare const __SAMPLES__: string[];

const useStyles = makeStyles({
  root: { display: 'flex', height: '100vh', fontFamily: tokens.fontFamilyBase },
  left: { flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0, borderRight: `1px solid ${tokens.colorNeutralStroke1}` },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', padding: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  tabs: { display: 'flex', gap: tokens.spacingHorizontalXXS, padding: `0 ${tokens.spacingHorizontalS}`, flexWrap: 'wrap' },
  drop: { outline: `2px dashed ${tokens.colorBrandStroke1}` },
  progress: { padding: tokens.spacingHorizontalS, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // The width Excel gives a docked task pane.
  pane: { width: '350px', flexShrink: 0, overflowY: 'auto', overflowX: 'hidden' },
  empty: { padding: tokens.spacingHorizontalL },
});

interface Loaded {
  name: string;
  bytes: Uint8Array;
  host: MemoryHost;
}

interface Reading {
  name: string;
  stage: Stage | null;
  started: number;
}

/** Where the reader is: its own stages, then the rows arriving on this page. */
type Stage = ReadStage | { stage: 'rows'; done: number; total: number };

/** What the reader is doing, in the accountant's words; the parse is one step exceljs does not report inside. */
function readingLabel(r: Reading, now: number): string {
  const seconds = Math.floor((now - r.started) / 1000);
  const elapsed = seconds >= 1 ? `（已用 ${seconds} 秒）` : '';
  const s = r.stage;
  if (!s || s.stage === 'scan') return `正在检查 ${r.name}…${elapsed}`;
  if (s.stage === 'parse') return `正在解析 ${r.name}（${(s.total / 1048576).toFixed(1)} MB），大型工作簿可能需要数十秒…${elapsed}`;
  if (s.stage === 'sheets') return `正在整理工作表 ${s.done + 1}/${s.total}…${elapsed}`;
  return `正在载入表格 ${s.done.toLocaleString('zh-CN')}/${s.total.toLocaleString('zh-CN')} 行…${elapsed}`;
}

/** Bar position: checking and parsing fill the first half (nothing finer is known), sheets and rows the rest. */
function readingValue(r: Reading): number | undefined {
  const s = r.stage;
  if (!s || s.stage === 'scan' || s.stage === 'parse') return undefined;
  const share = s.done / Math.max(1, s.total);
  return s.stage === 'sheets' ? 0.5 + 0.25 * share : 0.75 + 0.25 * share;
}

/** Reads the bytes in a Web Worker, reporting its stages; the page stays responsive however long exceljs takes. */
function readInWorker(request: ReadRequest, onStage: (s: Stage) => void, started: (w: Worker) => void): Promise<WorkbookGrid> {
  return new Promise((resolve, reject) => {
    // webpack bundles the worker as its own same-origin chunk (the page's CSP allows worker-src 'self').
    // @ts-expect-error -- tsconfig's module is commonjs for the CLI and jest; webpack compiles this file as esnext.
    const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { name: 'juesuan-read' });
    started(worker);
    let workbook: WorkbookGrid | null = null;
    let rows = 0;
    let total = 0;
    worker.onmessage = (e: MessageEvent<ReadMessage>) => {
      const m = e.data;
      if (m.kind === 'stage') return onStage(m.stage);
      if (m.kind === 'begin') {
        workbook = { fileName: m.fileName, sheets: m.sheets };
        total = m.sheets.reduce((n, s) => n + s.rowCount, 0);
        return onStage({ stage: 'rows', done: 0, total });
      }
      if (m.kind === 'rows') {
        const cells = workbook!.sheets[m.sheet].cells;
        for (const row of m.rows) cells.push(row);
        rows += m.rows.length;
        return onStage({ stage: 'rows', done: rows, total });
      }
      worker.terminate();
      if (m.kind === 'done') resolve(workbook!);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`${request.name}：读取失败（${e.message || '浏览器中止了读取'}）`));
    };
    worker.postMessage(request);
  });
}

function download(bytes: Uint8Array, name: string) {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => (URL.revokeObjectURL(a.href), a.remove()), 1000);
}

/** The 网页版's promise and requirements, shown above the grid (README "网页版"). */
export const WEB_NOTICE = '工作簿只在本机浏览器中读取、审核和标注，不会上传到任何服务器。需要 Chrome、Edge 或 360 浏览器的“极速模式”，不支持 IE（及 360 的“兼容模式”）。';

export const Playground: React.FC<{ web?: boolean }> = ({ web = false }) => {
  const styles = useStyles();
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [reading, setReading] = React.useState<Reading | null>(null);
  const [now, setNow] = React.useState(() => Date.now());
  const [sheet, setSheet] = React.useState(0);
  const [selected, setSelected] = React.useState<{ sheet: string; cell: string } | null>(null);
  const [reveal, setReveal] = React.useState(0);
  const [version, setVersion] = React.useState(0);
  const [dragging, setDragging] = React.useState(false);
  const worker = React.useRef<Worker | null>(null);
  const redraw = React.useCallback(() => setVersion((v) => v + 1), []);

  // The elapsed seconds tick while a workbook is read.
  React.useEffect(() => {
    if (!reading) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [reading]);

  const open = async (name: string, bytes: Uint8Array) => {
    setError(null);
    worker.current?.terminate(); // a newer file replaces one still being read
    const started = Date.now();
    setNow(started);
    setReading({ name, stage: null, started });
    try {
      // A copy goes to the worker: the original bytes stay here for the annotated download.
      const wb = await readInWorker(
        { name, bytes },
        (stage) => setReading((r) => (r && r.started === started ? { ...r, stage } : r)),
        (w) => (worker.current = w),
      );
      const host = new MemoryHost(memoryDocument(wb));
      host.onSelect = (s, c) => {
        const i = host.doc.sheets.findIndex((x) => x.grid.name === s);
        if (i >= 0) setSheet(i);
        setSelected({ sheet: s, cell: c });
        setReveal((n) => n + 1);
      };
      setSheet(0);
      setSelected(null);
      setLoaded({ name, bytes, host });
    } catch (e) {
      setLoaded(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setReading((r) => (r && r.started === started ? null : r));
    }
  };

  const openFile = async (file: File | undefined) => {
    if (file) await open(file.name, new Uint8Array(await file.arrayBuffer()));
  };

  const openSample = async (name: string) => {
    if (!name) return;
    const res = await fetch(`samples/${encodeURIComponent(name)}`);
    if (!res.ok) {
      setError(`无法读取样例 ${name}`);
      return;
    }
    await open(name, new Uint8Array(await res.arrayBuffer()));
  };

  const doc = loaded?.host.doc;
  const current = doc?.sheets[Math.min(sheet, doc.sheets.length - 1)];

  // One checking worker per open workbook, ended when another is opened.
  const checker = React.useMemo(() => (loaded ? offThreadChecker() : null), [loaded]);
  React.useEffect(() => () => checker?.dispose(), [checker]);

  // The pane does not depend on the grid's selection or scroll: it is not rendered again when they change, so a
  // click on a finding costs the grid's window, not the whole findings list.
  const pane = React.useMemo(() => {
    if (!loaded) return null;
    const extraActions = (result: CheckResult | null, busy: boolean) => (
      <Button
        disabled={busy || !result}
        onClick={async () => {
          try {
            const out = await annotateWorkbook(loaded.bytes, result!.findings, result!.sheets);
            download(out.bytes, loaded.name.replace(/\.xlsx$/i, '') + '-标注.xlsx');
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
          }
        }}
      >
        下载标注工作簿
      </Button>
    );
    return <App key={loaded.name + loaded.bytes.length} host={loaded.host} check={checker!.check} extraActions={extraActions} onChanged={redraw} />;
  }, [loaded, redraw, checker]);

  return (
    <div className={styles.root}>
      <section
        className={`${styles.left} ${dragging ? styles.drop : ''}`}
        aria-label="工作簿"
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void openFile(e.dataTransfer.files[0]);
        }}
      >
        <div className={styles.bar}>
          <Text weight="semibold">{web ? '决算校验助手 · 网页版' : '决算校验助手 · 浏览器演示'}</Text>
          <label>
            <Text>打开 .xlsx：</Text>
            {/* .et accepted here only to answer it with the message to save as .xlsx (xlsx-read.ts). */}
            <input type="file" accept=".xlsx,.et" aria-label="打开工作簿文件" onChange={(e) => void openFile(e.target.files?.[0])} />
          </label>
          <Select aria-label="选择样例工作簿" defaultValue="" onChange={(_, d) => void openSample(d.value)}>
            <option value="">选择样例…</option>
            {__SAMPLES__.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
          {loaded && <Text>{loaded.name}</Text>}
        </div>
        {reading && (
          <div className={styles.progress} role="status" aria-live="polite" data-testid="reading">
            <ProgressBar value={readingValue(reading)} />
            <Text size={200}>{readingLabel(reading, now)}</Text>
          </div>
        )}
        {web && (
          <MessageBar intent="info" data-testid="web-notice">
            <MessageBarBody>{WEB_NOTICE}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>无法打开</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {doc && (
          <div className={styles.tabs} role="tablist" aria-label="工作表">
            {doc.sheets.map((s, i) => (
              <Button key={s.grid.name} role="tab" size="small" aria-selected={s === current} appearance={s === current ? 'primary' : 'subtle'} onClick={() => setSheet(i)}>
                {s.grid.name}
              </Button>
            ))}
          </div>
        )}
        {!current && <Text className={styles.empty}>打开一个 .xlsx 工作簿（选择文件或拖放到此处），或选择一个样例，然后点右侧的“一键审核”。</Text>}
        {current && (
          <VirtualGrid
            key={`${loaded!.name}:${loaded!.bytes.length}:${current.grid.name}`}
            sheet={current}
            selected={selected?.sheet === current.grid.name ? selected.cell : null}
            reveal={reveal}
            version={version}
            onSelect={(address) => {
              // The selected cell is where 插入到所选单元格 writes, as in Excel.
              loaded!.host.selection = { sheet: current.grid.name, address };
              setSelected({ sheet: current.grid.name, cell: address });
            }}
          />
        )}
      </section>
      <aside className={styles.pane}>
        {loaded ? <MarkedElsewhere key={`m-${loaded.name}`} host={loaded.host} /> : null}
        {pane}
      </aside>
    </div>
  );
};

export function mountPlayground(root: HTMLElement, options: { web?: boolean } = {}): void {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary>
        <Playground web={options.web} />
      </ErrorBoundary>
    </FluentProvider>,
  );
}
