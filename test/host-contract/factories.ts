/**
 * One neutral workbook description, built into each host's own document model: the in-memory playground document,
 * the fake Office.js request context and the fake WPS Application. A Subject opens fresh hosts over one document
 * (a new host = the file closed and reopened) and dumps the document as plain data to compare byte for byte.
 */
import { a1, parseA1 } from '../../src/core/address';
import { Cell, CellRange, makeSheetGrid } from '../../src/core/grid';
import { ExcelHost } from '../../src/excel/excel-host';
import { Host } from '../../src/host/host';
import { MemoryHost, NO_FILL, memoryDocument } from '../../src/host/memory-host';
import { WpsHost } from '../../src/wps/wps-host';
import { FakeDocument, FakeExcel, FakeSheet, supportsUpTo } from '../excel/fake-excel';
import { dump as dumpExcel } from '../excel/helpers';
import { FakeWpsApplication, JsonSheet, dumpBook, fakeFromJson } from '../wps/fake-wps';

export interface ContractSheet {
  name: string;
  rows: (string | number | null)[][];
  numFmts?: Record<string, string>;
  /** Formula (without `=`) and the result it shows. */
  formulas?: Record<string, { formula: string; value: number }>;
  /** Solid fills, #RRGGBB. */
  fills?: Record<string, string>;
  notes?: Record<string, string>;
  merges?: string[];
  hiddenRows?: number[];
  protected?: boolean;
}

export interface Subject {
  /** A new host over the same document, as after closing and reopening the file. */
  open(): Host;
  dump(): string;
  /** Host calls made so far (syncs for Excel, object-model calls for WPS, 0 for memory). */
  calls(): number;
  /** Moves the selection, as a user clicking a cell. */
  select(sheet: string, address: string): void;
}

export interface HostFactory {
  name: string;
  make(sheets: ContractSheet[]): Subject;
}

function range(a: string): CellRange {
  const [s, e] = a.split(':');
  const p = parseA1(s)!;
  const q = parseA1(e ?? s)!;
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

function eachCell(s: ContractSheet, fn: (address: string, value: string | number | null) => void): void {
  const addresses = new Set<string>();
  s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && addresses.add(a1(r, c))));
  for (const k of [...Object.keys(s.numFmts ?? {}), ...Object.keys(s.formulas ?? {})]) addresses.add(k);
  for (const address of addresses) {
    const p = parseA1(address)!;
    fn(address, s.rows[p.row]?.[p.col] ?? null);
  }
}

export const memoryFactory: HostFactory = {
  name: 'memory host (playground)',
  make(sheets) {
    const grids = sheets.map((s) => {
      const cells: (Cell | undefined)[][] = [];
      eachCell(s, (address, value) => {
        const p = parseA1(address)!;
        const f = s.formulas?.[address];
        const cell: Cell = { value: f ? f.value : value };
        if (f) cell.formula = f.formula;
        if (s.numFmts?.[address]) cell.numFmt = s.numFmts[address];
        (cells[p.row] ??= [])[p.col] = cell;
      });
      for (let r = 0; r < cells.length; r++) cells[r] ??= [];
      return makeSheetGrid({ name: s.name, cells, merges: (s.merges ?? []).map(range), hiddenRows: s.hiddenRows, protected: s.protected });
    });
    const doc = memoryDocument({ fileName: '决算.xlsx', sheets: grids });
    sheets.forEach((s, i) => {
      for (const [a, color] of Object.entries(s.fills ?? {})) doc.sheets[i].fills.set(a, { ...NO_FILL, color, pattern: 'Solid' });
      for (const [a, text] of Object.entries(s.notes ?? {})) doc.sheets[i].notes.set(a, text);
    });
    const hosts: MemoryHost[] = [];
    return {
      open: () => {
        const h = new MemoryHost(doc);
        hosts.push(h);
        return h;
      },
      // Cells by address: an empty slot the host left behind in a row array is not a change to the workbook.
      dump: () =>
        JSON.stringify(
          doc.sheets.map((s) => ({
            name: s.grid.name,
            cells: s.grid.cells.flatMap((row, r) => (row ?? []).flatMap((c, col) => (c ? [[a1(r, col), c]] : []))),
            fills: [...s.fills].sort(),
            notes: [...s.notes].sort(),
          })),
        ),
      calls: () => 0,
      select: (sheet, address) => hosts.forEach((h) => (h.selection = { sheet, address })),
    };
  },
};

export const excelFactory: HostFactory = {
  name: 'Excel host over the fake request context',
  make(sheets) {
    const doc = new FakeDocument();
    for (const s of sheets) {
      const sheet = new FakeSheet(s.name);
      eachCell(s, (address, value) => {
        const f = s.formulas?.[address];
        sheet.cells.set(address, { value: f ? f.value : (value ?? ''), ...(f ? { formula: f.formula } : {}), ...(s.numFmts?.[address] ? { numFmt: s.numFmts[address] } : {}) });
      });
      for (const [a, color] of Object.entries(s.fills ?? {})) sheet.ensure(a).fill = { color, pattern: 'Solid', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };
      for (const [a, text] of Object.entries(s.notes ?? {})) doc.notes.set(`${s.name}!${a}`, { content: text });
      sheet.merges.push(...(s.merges ?? []).map(range));
      for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r);
      sheet.protected = !!s.protected;
      doc.sheets.push(sheet);
    }
    const excels: FakeExcel[] = [];
    return {
      open: () => {
        const excel = new FakeExcel(doc);
        excels.push(excel);
        return new ExcelHost({ run: excel.run, isSetSupported: supportsUpTo('1.18') });
      },
      dump: () => JSON.stringify({ names: doc.sheets.map((s) => s.name), cells: dumpExcel(doc) }),
      calls: () => excels.reduce((n, e) => n + e.syncs, 0),
      select: (sheet, address) => (doc.selection = { sheet, address }),
    };
  },
};

export function wpsJson(sheets: ContractSheet[]): JsonSheet[] {
  return sheets.map((s) => {
    const cells: JsonSheet['cells'] = {};
    eachCell(s, (address, value) => {
      const f = s.formulas?.[address];
      cells[address] = { ...(f ? { v: f.value, f: f.formula } : value !== null ? { v: value } : {}), ...(s.numFmts?.[address] ? { fmt: s.numFmts[address] } : {}) };
    });
    for (const [a, color] of Object.entries(s.fills ?? {})) cells[a] = { ...(cells[a] ?? {}), fill: color };
    for (const [a, text] of Object.entries(s.notes ?? {})) cells[a] = { ...(cells[a] ?? {}), comment: text };
    return { name: s.name, cells, merges: s.merges, hiddenRows: s.hiddenRows, protected: s.protected };
  });
}

export function wpsSubject(app: FakeWpsApplication): Subject {
  return {
    open: () => new WpsHost(app),
    dump: () => dumpBook(app.book),
    calls: () => app.calls,
    select: (sheet, address) => {
      app.book.active = app.book.sheets.findIndex((s) => s.name === sheet);
      app.selection = { sheet, address };
    },
  };
}

export const wpsFactory: HostFactory = {
  name: 'WPS host over the fake Application',
  make: (sheets) => wpsSubject(fakeFromJson('决算.xlsx', wpsJson(sheets))),
};
