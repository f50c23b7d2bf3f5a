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
  Select,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { App, ErrorBoundary } from '../taskpane/components/App';
import { CheckResult } from '../core/findings';
import { rawText } from '../core/grid';
import { displayNumber } from '../core/numbers';
import { a1, columnLetters } from '../core/address';
import { MemoryHost, memoryDocument } from '../host/memory-host';
import { readXlsx } from '../host/xlsx-read';
import { annotateWorkbook } from '../host/xlsx-annotate';

declare const __SAMPLES__: string[];

const useStyles = makeStyles({
  root: { display: 'flex', height: '100vh', fontFamily: tokens.fontFamilyBase },
  left: { flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0, borderRight: `1px solid ${tokens.colorNeutralStroke1}` },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', padding: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  tabs: { display: 'flex', gap: tokens.spacingHorizontalXXS, padding: `0 ${tokens.spacingHorizontalS}`, flexWrap: 'wrap' },
  gridWrap: { flex: 1, overflow: 'auto', padding: tokens.spacingHorizontalS },
  drop: { outline: `2px dashed ${tokens.colorBrandStroke1}` },
  table: { borderCollapse: 'collapse', fontSize: '12px' },
  head: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3, textAlign: 'center', padding: '0 4px', border: `1px solid ${tokens.colorNeutralStroke2}`, position: 'sticky', top: 0 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '1px 4px', whiteSpace: 'nowrap', maxWidth: '240px', overflow: 'hidden', textOverflow: 'ellipsis', position: 'relative' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  noted: { boxShadow: 'inset -6px 6px 0 -3px #c00000' },
  hiddenRow: { opacity: 0.5 },
  // The width Excel gives a docked task pane.
  pane: { width: '350px', flexShrink: 0, overflowY: 'auto', overflowX: 'hidden' },
  empty: { padding: tokens.spacingHorizontalL },
});

interface Loaded {
  name: string;
  bytes: Uint8Array;
  host: MemoryHost;
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

export const Playground: React.FC = () => {
  const styles = useStyles();
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [sheet, setSheet] = React.useState(0);
  const [selected, setSelected] = React.useState<{ sheet: string; cell: string } | null>(null);
  const [, setVersion] = React.useState(0);
  const [dragging, setDragging] = React.useState(false);
  const redraw = () => setVersion((v) => v + 1);

  const open = async (name: string, bytes: Uint8Array) => {
    setError(null);
    try {
      const wb = await readXlsx(bytes, name);
      const host = new MemoryHost(memoryDocument(wb));
      host.onSelect = (s, c) => {
        const i = host.doc.sheets.findIndex((x) => x.grid.name === s);
        if (i >= 0) setSheet(i);
        setSelected({ sheet: s, cell: c });
      };
      setSheet(0);
      setSelected(null);
      setLoaded({ name, bytes, host });
    } catch (e) {
      setLoaded(null);
      setError(e instanceof Error ? e.message : String(e));
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

  React.useEffect(() => {
    if (!selected) return;
    document.querySelector(`[data-address="${selected.cell}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected, sheet]);

  const doc = loaded?.host.doc;
  const current = doc?.sheets[Math.min(sheet, doc.sheets.length - 1)];
  const grid = current?.grid;

  const extraActions = (result: CheckResult | null, busy: boolean) =>
    loaded && (
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
          <Text weight="semibold">决算校验助手 · 浏览器演示</Text>
          <label>
            <Text>打开 .xlsx：</Text>
            <input type="file" accept=".xlsx" aria-label="打开工作簿文件" onChange={(e) => void openFile(e.target.files?.[0])} />
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
        <div className={styles.gridWrap}>
          {!grid && <Text className={styles.empty}>打开一个 .xlsx 工作簿（选择文件或拖放到此处），或选择一个样例，然后点右侧的“一键审核”。</Text>}
          {grid && current && (
            <table className={styles.table} aria-label={`工作表 ${grid.name}`} data-testid="grid">
              <thead>
                <tr>
                  <th className={styles.head} />
                  {Array.from({ length: grid.colCount }, (_, c) => (
                    <th key={c} className={styles.head}>
                      {columnLetters(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: grid.rowCount }, (_, r) => (
                  <tr key={r} className={grid.hiddenRows.has(r) ? styles.hiddenRow : undefined}>
                    <th className={styles.head}>{r + 1}</th>
                    {Array.from({ length: grid.colCount }, (_, c) => {
                      const address = a1(r, c);
                      const cell = grid.cells[r]?.[c];
                      const fill = current.fills.get(address);
                      const note = current.notes.get(address);
                      const isSel = selected?.sheet === grid.name && selected.cell === address;
                      const cls = [styles.cell, isSel ? styles.selected : '', note ? styles.noted : ''].join(' ');
                      return (
                        <td
                          key={c}
                          className={cls}
                          data-address={address}
                          data-fill={fill?.color ?? undefined}
                          data-selected={isSel ? 'true' : undefined}
                          title={note}
                          style={fill?.color ? { backgroundColor: fill.color } : undefined}
                          onClick={() => {
                            // The selected cell is where 插入到所选单元格 writes, as in Excel.
                            loaded!.host.selection = { sheet: grid.name, address };
                            setSelected({ sheet: grid.name, cell: address });
                          }}
                        >
                          {cell ? (cell.text ?? (typeof cell.value === 'number' ? displayNumber(cell.value, cell.numFmt) : rawText(cell))) : ''}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </section>
      <aside className={styles.pane}>
        {loaded ? <App key={loaded.name + loaded.bytes.length} host={loaded.host} extraActions={extraActions} onChanged={redraw} /> : null}
      </aside>
    </div>
  );
};

export function mountPlayground(root: HTMLElement): void {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary>
        <Playground />
      </ErrorBoundary>
    </FluentProvider>,
  );
}
