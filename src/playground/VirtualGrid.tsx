/**
 * The playground's sheet view, windowed: only the rows in view (plus a margin) are in the DOM, between two spacer
 * rows that keep the scroll height of the whole sheet. A 50 000-row sheet was 404 520 <td> and made every click
 * wait seconds for React. Hand-written rather than a library: rows here have one fixed height (cells never wrap),
 * which is the whole of what windowing needs — a scroll offset divided by a row height — in some forty lines,
 * where react-window and its kin bring their own element structure (divs, not a table) that the cells' roles,
 * sticky headers and the tests' td[data-address] would have to be rebuilt around.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { a1, columnLetters, parseA1 } from '../core/address';
import { rawText } from '../core/grid';
import { displayNumber } from './display';
import { MemorySheet } from '../host/memory-host';

/** The row height the window is computed with until a rendered row has been measured (px). */
const ROW_HEIGHT = 20;
/** Rows rendered above and below the visible ones, so a quick scroll shows cells, not a gap. */
const OVERSCAN = 30;

const useStyles = makeStyles({
  wrap: { flex: 1, overflow: 'auto', padding: tokens.spacingHorizontalS, minHeight: 0 },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontSize: '12px' },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
    padding: '0 4px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    position: 'sticky',
    top: 0,
    zIndex: 1,
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
    padding: '0 4px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '0 4px',
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    lineHeight: `${ROW_HEIGHT - 2}px`,
    whiteSpace: 'nowrap',
    maxWidth: '240px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    position: 'relative',
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  noted: { boxShadow: 'inset -6px 6px 0 -3px #c00000' },
  hiddenRow: { opacity: 0.5 },
});

export interface VirtualGridProps {
  sheet: MemorySheet;
  /** The selected cell on this sheet (A1), or null. */
  selected: string | null;
  /** Changes when the selection was set from outside (a finding clicked): the view scrolls to it. */
  reveal: number;
  onSelect: (address: string) => void;
  /** Bumped after writes, so fills and notes are drawn again. */
  version: number;
}

export const VirtualGrid: React.FC<VirtualGridProps> = ({ sheet, selected, reveal, onSelect, version }) => {
  const styles = useStyles();
  const wrap = React.useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewport, setViewport] = React.useState(800);
  const [rowHeight, setRowHeight] = React.useState(ROW_HEIGHT);
  const grid = sheet.grid;

  React.useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || 800);
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);

  // A rendered row's real height, should fonts or zoom make it differ from ROW_HEIGHT.
  React.useLayoutEffect(() => {
    const row = wrap.current?.querySelector<HTMLTableRowElement>('tbody tr[data-row]');
    const h = row?.getBoundingClientRect().height;
    if (h && Math.abs(h - rowHeight) > 0.5) setRowHeight(h);
  });

  // Bring the selected cell into view when it was selected from the pane (also on mount: a finding on another sheet
  // mounts that sheet's grid, which is keyed by sheet, so every sheet also starts at its top).
  React.useLayoutEffect(() => {
    const el = wrap.current;
    const p = selected ? parseA1(selected) : null;
    if (!el || !p) return;
    const top = (p.row + 1) * rowHeight; // + the header row
    if (top < el.scrollTop + rowHeight || top + rowHeight > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 2);
      setScrollTop(el.scrollTop);
    }
    requestAnimationFrame(() => el.querySelector(`[data-address="${selected}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(grid.rowCount, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN);
  const cols = Array.from({ length: grid.colCount }, (_, c) => c);
  const rows: React.ReactNode[] = [];
  for (let r = first; r < last; r++) {
    rows.push(
      <tr key={r} data-row={r} className={grid.hiddenRows.has(r) ? styles.hiddenRow : undefined}>
        <th className={styles.rowHead}>{r + 1}</th>
        {cols.map((c) => {
          const address = a1(r, c);
          const cell = grid.cells[r]?.[c];
          const fill = sheet.fills.get(address);
          const note = sheet.notes.get(address);
          const isSel = selected === address;
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
              onClick={() => onSelect(address)}
            >
              {cell ? (cell.text ?? (typeof cell.value === 'number' ? displayNumber(cell.value, cell.numFmt) : rawText(cell))) : ''}
            </td>
          );
        })}
      </tr>,
    );
  }

  return (
    <div ref={wrap} className={styles.wrap} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-version={version}>
      <table className={styles.table} aria-label={`工作表 ${grid.name}`} aria-rowcount={grid.rowCount + 1} data-testid="grid">
        <thead>
          <tr>
            <th className={styles.head} />
            {cols.map((c) => (
              <th key={c} className={styles.head}>
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <Spacer height={first * rowHeight} span={grid.colCount + 1} />}
          {rows}
          {last < grid.rowCount && <Spacer height={(grid.rowCount - last) * rowHeight} span={grid.colCount + 1} />}
        </tbody>
      </table>
    </div>
  );
};

/** Stands in for the rows not rendered, so the scroll bar spans the whole sheet. */
const Spacer: React.FC<{ height: number; span: number }> = ({ height, span }) => (
  <tr aria-hidden="true">
    <td colSpan={span} style={{ height: `${height}px`, padding: 0, border: 0 }} />
  </tr>
);
