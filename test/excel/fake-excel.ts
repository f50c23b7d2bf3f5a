/**
 * A fake Excel RequestContext: enough of the Office.js object model for src/excel, with the batching semantics
 * that matter — loads and writes are queued and only happen on sync(), properties read before their sync throw —
 * plus what office-addin-mock lacks: collections, a sync counter, per-request payload sizes, Excel's limits
 * (5 MB per request/response on the web, counted in UTF-8 bytes; values null beyond the cell limit; at most 512
 * merged areas per getMergedAreasOrNullObject) and a document that persists settings, notes and comments across
 * contexts (i.e. across closing and reopening). Every sync is logged, a refused one too, so tests can assert that
 * none was refused.
 */
import { a1, parseA1 } from '../../src/core/address';
import { CellRange } from '../../src/core/grid';
import { FillState } from '../../src/host/journal';

export const DEFAULT_FILL: Required<FillState> = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numFmt?: string;
  fill?: FillState;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  merges: CellRange[] = [];
  protected = false;
  constructor(public name: string) {}

  static fromRows(name: string, rows: (string | number | null)[][]): FakeSheet {
    const s = new FakeSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && s.cells.set(a1(r, c), { value: v })));
    return s;
  }
  get(address: string): FakeCell | undefined {
    return this.cells.get(address);
  }
  ensure(address: string): FakeCell {
    let c = this.cells.get(address);
    if (!c) this.cells.set(address, (c = { value: '' }));
    return c;
  }
  isInsideMergeNotAnchor(r: number, c: number): boolean {
    return this.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && !(r === m.top && c === m.left));
  }
  usedBox(): CellRange | null {
    let box: CellRange | null = null;
    for (const [addr, cell] of this.cells) {
      if (cell.value === '' && !cell.formula) continue;
      const p = parseA1(addr)!;
      if (!box) box = { top: p.row, left: p.col, bottom: p.row, right: p.col };
      else {
        box.top = Math.min(box.top, p.row);
        box.left = Math.min(box.left, p.col);
        box.bottom = Math.max(box.bottom, p.row);
        box.right = Math.max(box.right, p.col);
      }
    }
    return box;
  }
}

export interface FakeNote {
  content: string;
}
export interface FakeComment {
  id: string;
  sheet: string;
  address: string;
  content: string;
}

/** The workbook as stored: survives contexts, like a saved file. */
export class FakeDocument {
  sheets: FakeSheet[] = [];
  settings = new Map<string, string>();
  notes = new Map<string, FakeNote>(); // key: `sheet!A1`
  comments: FakeComment[] = [];
  nextCommentId = 1;
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  /** Every cell write in the order Excel applied it, so tests can check that a format went in before a value. */
  cellWrites: { sheet: string; address: string; via: 'values' | 'formulas' | 'numberFormat'; value: unknown }[] = [];
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw fakeError('ItemNotFound', `sheet ${name}`);
    return s;
  }
}

export interface FakeLimits {
  /** Bytes per request and per response; Excel on the web: 5 MB. */
  maxPayloadBytes?: number;
  /** Cells per range read; beyond it values come back null. */
  maxCellsPerRead?: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  /** The error code Excel answered with, when it refused or failed the batch. */
  refused?: string;
  /** Ranges whose values, text, formats and formulas came back null because they were over the cell limit. */
  nullValues: number;
}

/** The worksheet grid: rows 1–1048576, columns A–XFD. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Range.getMergedAreasOrNullObject "will fail to return the result" beyond this many areas (ExcelApi reference). */
export const MAX_MERGED_AREAS = 512;

/** Payload sizes are bytes on the wire: JSON in UTF-8, so a Chinese character counts three. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function fakeError(code: string, message: string): Error {
  const e = new Error(`${code}: ${message}`) as Error & { code: string };
  e.code = code;
  return e;
}

/** What Excel makes of a value entered into a cell (through `values` or `formulas` alike). */
function enter(cell: FakeCell, x: FakeCell['value']): void {
  delete cell.formula;
  if (typeof x !== 'string' || cell.numFmt === '@' || !/^[=+-]/.test(x)) {
    cell.value = x;
  } else if (x.startsWith('=')) {
    cell.formula = x.slice(1);
    cell.value = 0;
  } else if (/^[+-]\d+(\.\d+)?$/.test(x)) {
    cell.value = Number(x);
  } else {
    cell.formula = x;
    cell.value = 0;
  }
}

type Op = { kind: 'write'; bytes: number; apply: () => void } | { kind: 'load'; apply: () => unknown };

function unquote(sheetPart: string): string {
  return sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
}
function qualify(sheet: string, local: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? `${sheet}!${local}` : `'${sheet.replace(/'/g, "''")}'!${local}`;
}
function splitQualified(address: string, defaultSheet?: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: defaultSheet!, local: address };
  return { sheet: unquote(address.slice(0, bang)), local: address.slice(bang + 1) };
}
/** `B2:C5`, `B2`, whole rows `1:300` and whole columns `A:C`, as Worksheet.getRange accepts them. */
function parseBox(local: string): CellRange {
  const [s, e] = local.replace(/\$/g, '').split(':');
  if (e !== undefined && /^\d+$/.test(s) && /^\d+$/.test(e)) {
    const top = Number(s) - 1;
    const bottom = Number(e) - 1;
    if (top < 0 || bottom < top || bottom >= MAX_ROWS) throw fakeError('InvalidArgument', `address ${local}`);
    return { top, left: 0, bottom, right: MAX_COLS - 1 };
  }
  if (e !== undefined && /^[A-Z]+$/i.test(s) && /^[A-Z]+$/i.test(e)) {
    const left = parseA1(`${s}1`)?.col;
    const right = parseA1(`${e}1`)?.col;
    if (left === undefined || right === undefined || right < left) throw fakeError('InvalidArgument', `address ${local}`);
    return { top: 0, left, bottom: MAX_ROWS - 1, right };
  }
  const p = parseA1(s);
  const q = parseA1(e ?? s);
  if (!p || !q) throw fakeError('InvalidArgument', `address ${local}`);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}
function intersect(a: CellRange | null, b: CellRange | null): CellRange | null {
  if (!a || !b) return null;
  const out = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return out.top <= out.bottom && out.left <= out.right ? out : null;
}
function boxAddress(b: CellRange): string {
  const s = a1(b.top, b.left);
  const e = a1(b.bottom, b.right);
  return s === e ? s : `${s}:${e}`;
}

/** Base of all proxies: loaded properties live in `data`; reading one not loaded throws like Office.js. */
class Proxy {
  protected data: Record<string, unknown> = {};
  protected loaded = new Set<string>();
  constructor(protected ctx: FakeContext) {}
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw fakeError('PropertyNotLoaded', prop);
    return this.data[prop] as T;
  }
  protected queueLoad(props: string[], read: () => Record<string, unknown>): void {
    this.ctx.queue({
      kind: 'load',
      apply: () => {
        const values = read();
        const out: Record<string, unknown> = {};
        for (const p of props) {
          this.data[p] = values[p];
          this.loaded.add(p);
          out[p] = values[p];
        }
        return out;
      },
    });
  }
}

function propList(arg: string | string[] | undefined): string[] {
  if (!arg) return [];
  return (Array.isArray(arg) ? arg : arg.split(',')).map((s) => s.trim()).filter(Boolean);
}

export class FakeRange extends Proxy {
  readonly format: { fill: { clear: () => void }; font: { bold: boolean }; autofitColumns: () => void; columnWidth: number };
  private nullObject = false;
  constructor(
    ctx: FakeContext,
    private sheetName: string,
    private box: () => CellRange | null,
  ) {
    super(ctx);
    const self = this;
    this.format = {
      fill: {
        clear: () =>
          self.guardedWrite(8, () => {
            const b = self.resolve();
            self.each(b, (addr) => {
              const c = self.sheet().get(addr);
              if (c) delete c.fill;
            });
          }),
      },
      font: {
        set bold(_v: boolean) {
          ctx.write(8, () => undefined);
        },
        get bold() {
          return true;
        },
      },
      autofitColumns: () => ctx.write(8, () => undefined),
      set columnWidth(_v: number) {
        ctx.write(8, () => undefined);
      },
      get columnWidth() {
        return 64;
      },
    };
  }
  /** Merges the range (across = false): the non-anchor cells lose their content, as in Excel. */
  merge(_across?: boolean): void {
    this.guardedWrite(8, () => {
      const b = this.resolve();
      this.sheet().merges.push({ ...b });
      this.each(b, (addr, r, c) => {
        if (r !== b.top || c !== b.left) this.sheet().cells.delete(addr);
      });
    });
  }
  /** Excel refuses to change a cell of a protected sheet (AccessDenied), failing the whole batch. */
  private guardedWrite(bytes: number, apply: () => void): void {
    this.ctx.write(bytes, () => {
      if (this.sheet().protected) throw fakeError('AccessDenied', `sheet ${this.sheetName} is protected`);
      apply();
    });
  }
  private sheet(): FakeSheet {
    return this.ctx.doc.sheet(this.sheetName);
  }
  private resolve(): CellRange {
    const b = this.box();
    if (!b) throw fakeError('InvalidReference', 'null range');
    return b;
  }
  private each(b: CellRange, fn: (addr: string, r: number, c: number) => void): void {
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) fn(a1(r, c), r, c);
  }
  private matrix<T>(fn: (addr: string, r: number, c: number) => T): T[][] {
    const b = this.resolve();
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(fn(a1(r, c), r, c));
      out.push(row);
    }
    return out;
  }
  load(arg?: string | string[]): this {
    const props = propList(arg);
    this.queueLoad(props, () => {
      const b = this.box();
      this.nullObject = b === null;
      if (!b) return Object.fromEntries(props.map((p) => [p, undefined]));
      const cellCount = (b.bottom - b.top + 1) * (b.right - b.left + 1);
      const tooBig = cellCount > (this.ctx.limits.maxCellsPerRead ?? Infinity);
      if (tooBig && props.some((p) => ['values', 'text', 'numberFormat', 'formulas'].includes(p))) this.ctx.nullValues++;
      const sh = this.sheet();
      // The cells are looked up once however many of values/text/numberFormat/formulas are asked for.
      let grid: (FakeCell | undefined)[][] | null = null;
      const cells = () => (grid ??= this.matrix((a, r, c) => (sh.isInsideMergeNotAnchor(r, c) ? undefined : sh.get(a))));
      const each = <T>(fn: (cell: FakeCell | undefined) => T) => cells().map((row) => row.map(fn));
      const all: Record<string, () => unknown> = {
        address: () => qualify(this.sheetName, boxAddress(b)),
        rowIndex: () => b.top,
        columnIndex: () => b.left,
        rowCount: () => b.bottom - b.top + 1,
        columnCount: () => b.right - b.left + 1,
        values: () => (tooBig ? null : each((cell) => cell?.value ?? '')),
        text: () => (tooBig ? null : each((cell) => String(cell?.value ?? ''))),
        numberFormat: () => (tooBig ? null : each((cell) => cell?.numFmt ?? 'General')),
        formulas: () => (tooBig ? null : each((cell) => (cell?.formula ? `=${cell.formula}` : (cell?.value ?? '')))),
      };
      return Object.fromEntries(props.map((p) => [p, all[p] ? all[p]() : undefined]));
    });
    return this;
  }
  get isNullObject(): boolean {
    if (!this.ctx.syncedSince(this)) throw fakeError('PropertyNotLoaded', 'isNullObject');
    return this.nullObject;
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  /**
   * As Office.js: null leaves a cell unchanged; in a cell not formatted as text (`@`) a string starting with = is
   * entered as a formula, one starting with + or - as a number when it reads as one, else as a formula.
   */
  set values(v: unknown[][]) {
    this.guardedWrite(utf8Bytes(JSON.stringify(v)), () =>
      this.each(this.resolve(), (addr, r, c) => {
        const x = v[r - this.resolve().top][c - this.resolve().left] as FakeCell['value'] | null;
        if (x === null) return;
        this.ctx.doc.cellWrites.push({ sheet: this.sheetName, address: addr, via: 'values', value: x });
        enter(this.sheet().ensure(addr), x);
      }),
    );
  }
  get text(): string[][] {
    return this.get('text');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.guardedWrite(utf8Bytes(JSON.stringify(v)), () =>
      this.each(this.resolve(), (addr, r, c) => {
        const f = v[r - this.resolve().top][c - this.resolve().left];
        if (f === null) return;
        this.ctx.doc.cellWrites.push({ sheet: this.sheetName, address: addr, via: 'numberFormat', value: f });
        this.sheet().ensure(addr).numFmt = f;
      }),
    );
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.guardedWrite(utf8Bytes(JSON.stringify(v)), () =>
      this.each(this.resolve(), (addr, r, c) => {
        const x = v[r - this.resolve().top][c - this.resolve().left] as FakeCell['value'] | null;
        if (x === null) return;
        this.ctx.doc.cellWrites.push({ sheet: this.sheetName, address: addr, via: 'formulas', value: x });
        enter(this.sheet().ensure(addr), x);
      }),
    );
  }
  getCellProperties(_opts: unknown): { value: { format: { fill: FillState } }[][] } {
    const result = { value: undefined as unknown as { format: { fill: FillState } }[][] };
    this.ctx.queue({
      kind: 'load',
      apply: () => {
        result.value = this.matrix((addr) => ({ format: { fill: { ...DEFAULT_FILL, ...(this.sheet().get(addr)?.fill ?? {}) } } }));
        return result.value;
      },
    });
    return result;
  }
  setCellProperties(props: { format?: { fill?: FillState } }[][]): void {
    this.guardedWrite(utf8Bytes(JSON.stringify(props)), () => {
      const b = this.resolve();
      this.each(b, (addr, r, c) => {
        const fill = props[r - b.top][c - b.left].format?.fill;
        if (!fill) return;
        const cell = this.sheet().ensure(addr);
        // Excel: setting a colour on an unfilled cell makes it solid; other keys keep their values.
        const base = { ...DEFAULT_FILL, ...(cell.fill ?? {}) };
        if (fill.color !== undefined && fill.pattern === undefined && base.pattern === 'None') base.pattern = 'Solid';
        cell.fill = { ...base, ...fill };
      });
    });
  }
  getRowProperties(_opts: unknown): { value: { rowIndex: number; rowHidden: boolean }[] } {
    const result = { value: [] as { rowIndex: number; rowHidden: boolean }[] };
    this.ctx.queue({
      kind: 'load',
      apply: () => {
        const b = this.box();
        result.value = [];
        if (b) for (let r = b.top; r <= b.bottom; r++) result.value.push({ rowIndex: r, rowHidden: this.sheet().hiddenRows.has(r) });
        return result.value;
      },
    });
    return result;
  }
  getColumnProperties(_opts: unknown): { value: { columnIndex: number; columnHidden: boolean }[] } {
    const result = { value: [] as { columnIndex: number; columnHidden: boolean }[] };
    this.ctx.queue({
      kind: 'load',
      apply: () => {
        const b = this.box();
        result.value = [];
        if (b) for (let c = b.left; c <= b.right; c++) result.value.push({ columnIndex: c, columnHidden: this.sheet().hiddenCols.has(c) });
        return result.value;
      },
    });
    return result;
  }
  /**
   * Excel reports the merged areas whose top-left cell lies in this range, whole, wherever their other cells are
   * (office-js#3611), and fails the batch beyond 512 of them; the error code is not documented, so the fake's
   * is generic and the host must not depend on it.
   */
  getMergedAreasOrNullObject(): { load: (p: string) => void; readonly isNullObject: boolean; readonly address: string } {
    const res = { loaded: false, isNull: true, address: '' };
    const ctx = this.ctx;
    const handle = {
      load: (_p: string) =>
        ctx.queue({
          kind: 'load',
          apply: () => {
            const b = this.box();
            const ms = b ? this.sheet().merges.filter((m) => m.top >= b.top && m.top <= b.bottom && m.left >= b.left && m.left <= b.right) : [];
            if (ms.length > MAX_MERGED_AREAS) throw fakeError('GeneralException', `${ms.length} merged areas in ${boxAddress(b!)}`);
            res.loaded = true;
            res.isNull = ms.length === 0;
            res.address = ms.map((m) => qualify(this.sheetName, boxAddress(m))).join(', ');
            return res.address;
          },
        }),
      get isNullObject() {
        if (!res.loaded) throw fakeError('PropertyNotLoaded', 'isNullObject');
        return res.isNull;
      },
      get address() {
        if (!res.loaded) throw fakeError('PropertyNotLoaded', 'address');
        return res.address;
      },
    };
    return handle;
  }
  /** The rectangle both ranges cover, a null object when they do not meet (or either is one); resolved at sync. */
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    const otherBox = typeof other === 'string' ? (() => parseBox(splitQualified(other).local)) : () => other.box();
    return new FakeRange(this.ctx, this.sheetName, () => intersect(this.box(), otherBox()));
  }
  select(): void {
    this.ctx.write(8, () => (this.ctx.doc.selection = { sheet: this.sheetName, address: boxAddress(this.resolve()) }));
  }
}

class FakeWorksheet extends Proxy {
  readonly protection: { load: (p: string) => void; readonly protected: boolean };
  private missing = false;
  constructor(
    ctx: FakeContext,
    private sheetName: string,
    private orNull = false,
  ) {
    super(ctx);
    const res = { value: false };
    this.protection = {
      load: () => ctx.queue({ kind: 'load', apply: () => (res.value = ctx.doc.sheet(sheetName).protected) }),
      get protected() {
        return res.value;
      },
    };
    if (orNull) ctx.queue({ kind: 'load', apply: () => (this.missing = !ctx.doc.sheets.some((s) => s.name === sheetName)) });
  }
  get name(): string {
    return this.sheetName;
  }
  get isNullObject(): boolean {
    return this.missing;
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, () => (this.missing ? null : this.ctx.usedBox(this.sheetName)));
  }
  getRange(address: string): FakeRange {
    const box = parseBox(address);
    return new FakeRange(this.ctx, this.sheetName, () => box);
  }
  activate(): void {
    this.ctx.write(8, () => (this.ctx.doc.activeSheet = this.sheetName));
  }
  delete(): void {
    this.ctx.write(8, () => (this.ctx.doc.sheets = this.ctx.doc.sheets.filter((s) => s.name !== this.sheetName)));
  }
}

class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(private ctx: FakeContext) {}
  load(_p?: string): this {
    this.ctx.queue({
      kind: 'load',
      apply: () => {
        this.loadedItems = this.ctx.doc.sheets.map((s) => new FakeWorksheet(this.ctx, s.name));
        return this.ctx.doc.sheets.map((s) => s.name);
      },
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw fakeError('PropertyNotLoaded', 'items');
    return this.loadedItems;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.write(utf8Bytes(name), () => {
      if (this.ctx.doc.sheets.some((s) => s.name === name)) throw fakeError('ItemAlreadyExists', name);
      this.ctx.doc.sheets.push(new FakeSheet(name));
    });
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeSettings {
  constructor(private ctx: FakeContext) {}
  getItemOrNullObject(key: string) {
    const res = { loaded: false, value: undefined as string | undefined };
    const ctx = this.ctx;
    return {
      load: (_p: string) => ctx.queue({ kind: 'load', apply: () => ((res.loaded = true), (res.value = ctx.doc.settings.get(key))) }),
      get isNullObject() {
        return res.value === undefined;
      },
      get value() {
        if (!res.loaded) throw fakeError('PropertyNotLoaded', 'value');
        return res.value;
      },
    };
  }
  add(key: string, value: string): void {
    this.ctx.write(utf8Bytes(key + value), () => this.ctx.doc.settings.set(key, value));
  }
}

class FakeNotes {
  constructor(private ctx: FakeContext) {}
  private key(address: string): string {
    const { sheet, local } = splitQualified(address);
    return `${sheet}!${local}`;
  }
  getItemOrNullObject(address: string) {
    const key = this.key(address);
    const res = { value: undefined as FakeNote | undefined };
    const ctx = this.ctx;
    return {
      load: (_p: string) => ctx.queue({ kind: 'load', apply: () => (res.value = ctx.doc.notes.get(key)) }),
      get isNullObject() {
        return res.value === undefined;
      },
      get content() {
        return res.value!.content;
      },
    };
  }
  getItem(address: string) {
    const key = this.key(address);
    const ctx = this.ctx;
    const note = () => {
      const n = ctx.doc.notes.get(key);
      if (!n) throw fakeError('ItemNotFound', `note ${key}`);
      return n;
    };
    return {
      set content(v: string) {
        ctx.write(utf8Bytes(v), () => (note().content = v));
      },
      delete: () => ctx.write(8, () => (note(), ctx.doc.notes.delete(key))),
    };
  }
  add(range: FakeRange | string, content: string): void {
    const target = typeof range === 'string' ? range : (range as unknown as { sheetName: string; box: () => CellRange });
    this.ctx.write(utf8Bytes(content), () => {
      const key =
        typeof target === 'string' ? this.key(target) : `${target.sheetName}!${a1(target.box()!.top, target.box()!.left)}`;
      if (this.ctx.doc.notes.has(key)) throw fakeError('InvalidArgument', `note exists at ${key}`);
      this.ctx.doc.notes.set(key, { content });
    });
  }
}

class FakeComments {
  private loadedItems: FakeComment[] | null = null;
  constructor(private ctx: FakeContext) {}
  load(_p?: string): this {
    this.ctx.queue({ kind: 'load', apply: () => (this.loadedItems = this.ctx.doc.comments.map((c) => ({ ...c }))) });
    return this;
  }
  get items() {
    if (!this.loadedItems) throw fakeError('PropertyNotLoaded', 'items');
    return this.loadedItems.map((c) => ({
      id: c.id,
      content: c.content,
      getLocation: () => {
        const r = new FakeRange(this.ctx, c.sheet, () => parseBox(c.address));
        return r;
      },
    }));
  }
  getItem(id: string) {
    const ctx = this.ctx;
    const find = () => {
      const c = ctx.doc.comments.find((x) => x.id === id);
      if (!c) throw fakeError('ItemNotFound', `comment ${id}`);
      return c;
    };
    return {
      set content(v: string) {
        ctx.write(utf8Bytes(v), () => (find().content = v));
      },
      delete: () => ctx.write(8, () => (find(), (ctx.doc.comments = ctx.doc.comments.filter((x) => x.id !== id)))),
    };
  }
  add(address: string, content: string): void {
    this.ctx.write(utf8Bytes(content), () => {
      const { sheet, local } = splitQualified(address);
      if (this.ctx.doc.comments.some((c) => c.sheet === sheet && c.address === local)) throw fakeError('InvalidArgument', 'comment exists');
      this.ctx.doc.comments.push({ id: `c${this.ctx.doc.nextCommentId++}`, sheet, address: local, content });
    });
  }
}

export class FakeContext {
  readonly workbook: {
    worksheets: FakeWorksheetCollection;
    settings: FakeSettings;
    notes: FakeNotes;
    comments: FakeComments;
    getSelectedRange: () => FakeRange;
  };
  readonly application = { suspendScreenUpdatingUntilNextSync: () => (this.suspended += 1) };
  suspended = 0;
  private ops: Op[] = [];
  private syncGeneration = 0;
  /** Ranges of the batch being run whose values were withheld for the cell limit. */
  nullValues = 0;
  /** Used ranges of the batch being run; a write may change them, so every write forgets them. */
  private usedBoxes = new Map<string, CellRange | null>();
  usedBox(sheet: string): CellRange | null {
    if (!this.usedBoxes.has(sheet)) this.usedBoxes.set(sheet, this.doc.sheet(sheet).usedBox());
    return this.usedBoxes.get(sheet)!;
  }
  constructor(
    readonly doc: FakeDocument,
    readonly limits: FakeLimits,
    readonly log: SyncRecord[],
  ) {
    this.workbook = {
      worksheets: new FakeWorksheetCollection(this),
      settings: new FakeSettings(this),
      notes: new FakeNotes(this),
      comments: new FakeComments(this),
      getSelectedRange: () => {
        const sel = () => doc.selection ?? { sheet: doc.activeSheet ?? doc.sheets[0]?.name ?? '', address: 'A1' };
        return new FakeRange(this, sel().sheet, () => parseBox(sel().address));
      },
    };
  }
  queue(op: Op): void {
    this.ops.push(op);
  }
  write(bytes: number, apply: () => void): void {
    this.ops.push({ kind: 'write', bytes, apply });
  }
  syncedSince(_p: unknown): boolean {
    return this.syncGeneration > 0;
  }
  /** Runs the queued batch in order; all-or-nothing on payload limits like the real service. */
  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.nullValues = 0;
    this.usedBoxes.clear();
    const requestBytes = ops.reduce((n, op) => n + (op.kind === 'write' ? op.bytes : 16), 0);
    const max = this.limits.maxPayloadBytes ?? Infinity;
    const record: SyncRecord = { requestBytes, responseBytes: 0, ops: ops.length, nullValues: 0 };
    this.log.push(record);
    const refuse = (e: Error & { code?: string }) => {
      record.refused = e.code ?? 'Error';
      return e;
    };
    if (requestBytes > max) throw refuse(fakeError('RequestPayloadSizeLimitExceeded', `${requestBytes} bytes`));
    // Writes and loads run in order; a response over the limit fails the call after the fact, as on the web.
    try {
      for (const op of ops) {
        const out = op.apply();
        if (op.kind === 'write') this.usedBoxes.clear();
        if (op.kind === 'load') record.responseBytes += utf8Bytes(JSON.stringify(out ?? null));
      }
    } catch (e) {
      throw refuse(e as Error & { code?: string });
    } finally {
      record.nullValues = this.nullValues;
    }
    this.syncGeneration++;
    if (record.responseBytes > max) throw refuse(fakeError('ResponsePayloadSizeLimitExceeded', `${record.responseBytes} bytes`));
  }
}

/** A stand-in for Excel.run over one document; counts syncs across runs. */
export class FakeExcel {
  readonly log: SyncRecord[] = [];
  readonly contexts: FakeContext[] = [];
  constructor(
    readonly doc: FakeDocument,
    readonly limits: FakeLimits = {},
  ) {}
  get syncs(): number {
    return this.log.length;
  }
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this.doc, this.limits, this.log);
    this.contexts.push(ctx);
    return batch(ctx as unknown as Excel.RequestContext);
  };
}

/** isSetSupported for a host that supports ExcelApi up to `max` (e.g. '1.18'). */
export function supportsUpTo(max: string): (name: string, version: string) => boolean {
  const [M, m] = max.split('.').map(Number);
  return (name, version) => {
    if (name !== 'ExcelApi') return false;
    const [a, b] = version.split('.').map(Number);
    return a < M || (a === M && b <= m);
  };
}
