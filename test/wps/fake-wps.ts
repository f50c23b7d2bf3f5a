/**
 * A fake WPS 表格 `Application`: exactly the members src/wps/wps-api.ts lists, behaving like the VBA-shaped ET object
 * model where it matters for the host — 1-based collection indices; Value2/Formula a scalar for one cell and a
 * 2-D array for several; NumberFormat/Text/MergeCells/Hidden null when the cells of a range differ; merge areas;
 * Interior.Color as a BGR integer with "no fill" its own state (reads as white, ColorIndex xlColorIndexNone);
 * one comment per cell (AddComment on a cell that has one fails); text typed into a cell converted to a number or
 * formula as WPS does unless it starts with an apostrophe; protected sheets refusing writes; deleting a sheet with
 * DisplayAlerts on blocking (a dialog). It does not calculate: a formula written back gets the result the cell
 * showed when the fake was built. Every member access is counted (`calls`, `byMember`).
 *
 * Self-contained on purpose (type-only imports): the Chromium test transpiles this file and runs it in the page.
 */
import type { WpsApplication, WpsComment, WpsComments, WpsCount, WpsFont, WpsHidable, WpsInterior, WpsRange, WpsSheets, WpsWorkbook, WpsWorksheet } from '../../src/wps/wps-api';

const XL_NONE = -4142;
const WHITE = 16777215;

export interface FakeFill {
  color: number;
  pattern: number;
  patternColor: number;
  tintAndShade: number;
  patternTintAndShade: number;
}

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  numFmt?: string;
  fill?: FakeFill;
  comment?: string;
  /** Typed with a leading apostrophe: text that would otherwise read as a number. */
  prefix?: boolean;
  bold?: boolean;
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function addr(r: number, c: number): string {
  return `${letters(c)}${r + 1}`;
}
function parseCell(a: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a.trim());
  if (!m) throw new Error(`fake WPS: bad address ${a}`);
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]) - 1, c: c - 1 };
}
export function parseBox(a: string): Box {
  const [s, e] = a.split(':');
  const p = parseCell(s);
  const q = parseCell(e ?? s);
  return { top: Math.min(p.r, q.r), left: Math.min(p.c, q.c), bottom: Math.max(p.r, q.r), right: Math.max(p.c, q.c) };
}
const inside = (b: Box, r: number, c: number) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;

/** What typing `v` into a cell gives (WPS's conversion of typed text). */
function typed(v: unknown): FakeCell {
  if (v === null || v === undefined || v === '') return {};
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1), prefix: true };
  if (s.startsWith('=')) return { formula: s.slice(1) };
  if (/^[-+]?(\d+\.?\d*|\.\d+)(E[-+]?\d+)?$/i.test(s.trim())) return { value: Number(s) };
  if (/^(TRUE|FALSE)$/i.test(s.trim())) return { value: s.trim().toUpperCase() === 'TRUE' };
  return { value: s };
}

function group(n: number, decimals: number): string {
  const [i, f] = Math.abs(n).toFixed(decimals).split('.');
  return `${n < 0 ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f ? `.${f}` : ''}`;
}

/** The text a cell shows for the formats the tests use. */
export function shown(value: unknown, numFmt = 'General'): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number' || numFmt === '@') return String(value);
  const errors: Record<number, string> = { [-2146826281]: '#DIV/0!', [-2146826265]: '#REF!', [-2146826246]: '#N/A', [-2146826273]: '#VALUE!' };
  if (errors[value]) return errors[value];
  const pct = /^0(\.0+)?%$/.exec(numFmt);
  if (pct) return `${(value * 100).toFixed(pct[1] ? pct[1].length - 1 : 0)}%`;
  const m = /^(#,##)?0(\.(0+))?(_\))?$/.exec(numFmt.replace(/;.*$/, ''));
  if (m) return m[1] ? group(value, m[3]?.length ?? 0) : value.toFixed(m[3]?.length ?? 0);
  return String(value);
}

export class FakeWpsSheet {
  cells = new Map<string, FakeCell>();
  merges: Box[] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  protectContents = false;
  visible = -1;
  widths = new Map<number, number>();
  constructor(public name: string) {}

  get(a: string): FakeCell | undefined {
    return this.cells.get(a);
  }
  ensure(a: string): FakeCell {
    let c = this.cells.get(a);
    if (!c) this.cells.set(a, (c = {}));
    return c;
  }
  mergeAt(r: number, c: number): Box | undefined {
    return this.merges.find((m) => inside(m, r, c));
  }
  usedBox(): Box {
    let box: Box | null = null;
    for (const [a, cell] of this.cells) {
      if (cell.value === undefined && !cell.formula && !cell.numFmt && !cell.fill && cell.comment === undefined && !cell.bold) continue;
      const { r, c } = parseCell(a);
      box = box ? { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) } : { top: r, left: c, bottom: r, right: c };
    }
    for (const m of this.merges) box = box ? { top: Math.min(box.top, m.top), left: Math.min(box.left, m.left), bottom: Math.max(box.bottom, m.bottom), right: Math.max(box.right, m.right) } : { ...m };
    return box ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }
}

export class FakeWpsBook {
  sheets: FakeWpsSheet[] = [];
  active = 0;
  protectStructure = false;
  constructor(public name = '决算.xlsx') {}
  sheet(name: string): FakeWpsSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake WPS: no sheet ${name}`);
    return s;
  }
}

/** Plain data for a whole workbook, to compare before and after byte for byte. */
export function dumpBook(book: FakeWpsBook): string {
  return JSON.stringify(
    book.sheets.map((s) => ({
      name: s.name,
      visible: s.visible,
      merges: s.merges,
      hiddenRows: [...s.hiddenRows].sort(),
      cells: [...s.cells]
        .filter(([, c]) => c.value !== undefined || c.formula || c.numFmt || c.fill || c.comment !== undefined || c.bold)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([a, c]) => [a, { value: c.value ?? null, formula: c.formula ?? null, numFmt: c.numFmt ?? 'General', fill: c.fill ?? 'none', comment: c.comment ?? null, prefix: !!c.prefix, bold: !!c.bold }]),
    })),
  );
}

class Counter {
  calls = 0;
  byMember: Record<string, number> = {};
  tick(member: string): void {
    this.calls++;
    this.byMember[member] = (this.byMember[member] ?? 0) + 1;
  }
}

export class FakeWpsApplication implements WpsApplication {
  readonly counter = new Counter();
  private alerts = true;
  private screen = true;
  /** Top-left cell of the selection, per the active sheet. */
  selection: { sheet: string; address: string } | null = null;
  /** Results formulas showed when the fake was built: a formula written back shows its result again. */
  readonly results = new Map<string, string | number | boolean | undefined>();
  /** Dialogs the add-in would have raised (deleting a sheet with alerts on). */
  dialogs = 0;
  open = true;
  /** Answer Formula for a block with its first cell's text, as the typings (`Formula: string`) would allow. */
  formulaOfBlockAsText = false;

  constructor(readonly book: FakeWpsBook) {
    for (const s of book.sheets) for (const [a, c] of s.cells) if (c.formula) this.results.set(`${s.name}!${a}=${c.formula}`, c.value);
  }

  get calls(): number {
    return this.counter.calls;
  }
  get ActiveWorkbook(): WpsWorkbook | null {
    this.counter.tick('Application.ActiveWorkbook');
    return this.open ? new FakeWorkbook(this) : null;
  }
  get ActiveCell(): WpsRange | null {
    this.counter.tick('Application.ActiveCell');
    const sheet = this.book.sheets[this.book.active];
    const at = this.selection && this.selection.sheet === sheet.name ? this.selection.address : 'A1';
    return new FakeRange(this, sheet, parseBox(at));
  }
  get DisplayAlerts(): boolean {
    this.counter.tick('Application.DisplayAlerts');
    return this.alerts;
  }
  set DisplayAlerts(v: boolean) {
    this.counter.tick('Application.DisplayAlerts=');
    this.alerts = v;
  }
  get ScreenUpdating(): boolean {
    this.counter.tick('Application.ScreenUpdating');
    return this.screen;
  }
  set ScreenUpdating(v: boolean) {
    this.counter.tick('Application.ScreenUpdating=');
    this.screen = v;
  }
  get Build(): string {
    this.counter.tick('Application.Build');
    return '12.1.0.16910';
  }
}

class FakeWorkbook implements WpsWorkbook {
  constructor(private readonly app: FakeWpsApplication) {}
  get Name(): string {
    this.app.counter.tick('Workbook.Name');
    return this.app.book.name;
  }
  get Worksheets(): WpsSheets {
    this.app.counter.tick('Workbook.Worksheets');
    return new FakeSheets(this.app);
  }
  get ProtectStructure(): boolean {
    this.app.counter.tick('Workbook.ProtectStructure');
    return this.app.book.protectStructure;
  }
  get ActiveSheet(): WpsWorksheet {
    this.app.counter.tick('Workbook.ActiveSheet');
    return new FakeWorksheet(this.app, this.app.book.sheets[this.app.book.active]);
  }
}

class FakeSheets implements WpsSheets {
  constructor(private readonly app: FakeWpsApplication) {}
  get Count(): number {
    this.app.counter.tick('Worksheets.Count');
    return this.app.book.sheets.length;
  }
  Item(index: string | number): WpsWorksheet | WpsCount {
    this.app.counter.tick('Worksheets.Item');
    const sheets = this.app.book.sheets;
    const s = typeof index === 'number' ? sheets[index - 1] : sheets.find((x) => x.name.toLowerCase() === index.toLowerCase());
    if (!s || (typeof index === 'number' && index < 1)) throw new Error('下标越界');
    return new FakeWorksheet(this.app, s);
  }
  Add(before?: WpsWorksheet, after?: WpsWorksheet): WpsWorksheet {
    this.app.counter.tick('Worksheets.Add');
    if (this.app.book.protectStructure) throw new Error('工作簿受保护');
    const book = this.app.book;
    let n = book.sheets.length + 1;
    while (book.sheets.some((s) => s.name === `Sheet${n}`)) n++;
    const sheet = new FakeWpsSheet(`Sheet${n}`);
    const ref = (after ?? before) as FakeWorksheet | undefined;
    const at = ref ? book.sheets.indexOf(ref.sheet) + (after ? 1 : 0) : book.active;
    book.sheets.splice(at, 0, sheet);
    book.active = at;
    return new FakeWorksheet(this.app, sheet);
  }
}

class FakeComments implements WpsComments {
  constructor(
    private readonly app: FakeWpsApplication,
    private readonly sheet: FakeWpsSheet,
  ) {}
  private list(): string[] {
    return [...this.sheet.cells].filter(([, c]) => c.comment !== undefined).map(([a]) => a);
  }
  get Count(): number {
    this.app.counter.tick('Comments.Count');
    return this.list().length;
  }
  Item(i: number): WpsComment {
    this.app.counter.tick('Comments.Item');
    const a = this.list()[i - 1];
    if (!a) throw new Error('下标越界');
    return new FakeComment(this.app, this.sheet, a);
  }
}

class FakeWorksheet implements WpsWorksheet {
  constructor(
    private readonly app: FakeWpsApplication,
    readonly sheet: FakeWpsSheet,
  ) {}
  private alive(): FakeWpsSheet {
    if (!this.app.book.sheets.includes(this.sheet)) throw new Error('对象已被删除');
    return this.sheet;
  }
  get Name(): string {
    this.app.counter.tick('Worksheet.Name');
    return this.alive().name;
  }
  set Name(v: string) {
    this.app.counter.tick('Worksheet.Name=');
    if (v.length > 31 || /[[\]:*?/\\]/.test(v)) throw new Error('工作表名称无效');
    if (this.app.book.sheets.some((s) => s !== this.sheet && s.name.toLowerCase() === v.toLowerCase())) throw new Error('工作表名称重复');
    this.alive().name = v;
  }
  get Visible(): Et.XlSheetVisibility {
    this.app.counter.tick('Worksheet.Visible');
    return this.alive().visible as Et.XlSheetVisibility;
  }
  set Visible(v: Et.XlSheetVisibility) {
    this.app.counter.tick('Worksheet.Visible=');
    if (v !== -1 && this.app.book.sheets.filter((s) => s.visible === -1 && s !== this.sheet).length === 0) throw new Error('至少保留一个可见工作表');
    this.alive().visible = v;
  }
  get ProtectContents(): boolean {
    this.app.counter.tick('Worksheet.ProtectContents');
    return this.alive().protectContents;
  }
  get UsedRange(): WpsRange {
    this.app.counter.tick('Worksheet.UsedRange');
    return new FakeRange(this.app, this.alive(), this.sheet.usedBox());
  }
  get Comments(): WpsComments {
    this.app.counter.tick('Worksheet.Comments');
    return new FakeComments(this.app, this.alive());
  }
  Range(a: string): WpsRange {
    this.app.counter.tick('Worksheet.Range');
    return new FakeRange(this.app, this.alive(), parseBox(a));
  }
  Activate(): void {
    this.app.counter.tick('Worksheet.Activate');
    if (this.alive().visible !== -1) throw new Error('不能激活隐藏的工作表');
    this.app.book.active = this.app.book.sheets.indexOf(this.sheet);
  }
  Delete(): void {
    this.app.counter.tick('Worksheet.Delete');
    if (this.app.DisplayAlerts) {
      this.app.dialogs++;
      throw new Error('fake WPS: deleting a sheet with DisplayAlerts on opens a confirmation dialog');
    }
    const book = this.app.book;
    if (book.protectStructure) throw new Error('工作簿受保护');
    const activeSheet = book.sheets[book.active];
    book.sheets = book.sheets.filter((s) => s !== this.sheet);
    book.active = Math.max(0, book.sheets.indexOf(activeSheet === this.sheet ? book.sheets[0] : activeSheet));
  }
}

class FakeComment implements WpsComment {
  constructor(
    private readonly app: FakeWpsApplication,
    private readonly sheet: FakeWpsSheet,
    private readonly at: string,
  ) {}
  Text(text?: string): string {
    this.app.counter.tick('Comment.Text');
    const cell = this.sheet.get(this.at);
    if (!cell || cell.comment === undefined) throw new Error('批注已删除');
    if (text !== undefined) {
      if (this.sheet.protectContents) throw new Error('工作表受保护');
      cell.comment = text;
    }
    return cell.comment;
  }
  Delete(): void {
    this.app.counter.tick('Comment.Delete');
    if (this.sheet.protectContents) throw new Error('工作表受保护');
    const cell = this.sheet.get(this.at);
    if (cell) delete cell.comment;
  }
}

class FakeInterior implements WpsInterior {
  constructor(private readonly range: FakeRange) {}
  /** A property of every cell's fill: the common value, or null when the cells of the range differ (VBA). */
  private read(fn: (f: FakeFill | undefined) => number): number {
    return this.range.common((c) => fn(c?.fill)) as number;
  }
  private set(update: (f: FakeFill | undefined) => FakeFill | undefined, member: string): void {
    this.range.tick(`Interior.${member}=`);
    this.range.writeEach((cell) => {
      const next = update(cell.fill ? { ...cell.fill } : undefined);
      if (next) cell.fill = next;
      else delete cell.fill;
    });
  }
  private static fresh(): FakeFill {
    return { color: WHITE, pattern: 1, patternColor: 0, tintAndShade: 0, patternTintAndShade: 0 };
  }
  get Color(): number {
    this.range.tick('Interior.Color');
    return this.read((f) => f?.color ?? WHITE);
  }
  set Color(v: number) {
    this.set((f) => ({ ...(f ?? FakeInterior.fresh()), color: v }), 'Color');
  }
  get ColorIndex(): number {
    this.range.tick('Interior.ColorIndex');
    return this.read((f) => (f ? 2 : XL_NONE));
  }
  set ColorIndex(v: number) {
    this.set((f) => (v === XL_NONE ? undefined : f ?? FakeInterior.fresh()), 'ColorIndex');
  }
  get Pattern(): number {
    this.range.tick('Interior.Pattern');
    return this.read((f) => f?.pattern ?? XL_NONE);
  }
  set Pattern(v: number) {
    this.set((f) => (v === XL_NONE ? undefined : { ...(f ?? FakeInterior.fresh()), pattern: v }), 'Pattern');
  }
  get PatternColor(): number {
    this.range.tick('Interior.PatternColor');
    return this.read((f) => f?.patternColor ?? 0);
  }
  set PatternColor(v: number) {
    this.set((f) => ({ ...(f ?? FakeInterior.fresh()), patternColor: v }), 'PatternColor');
  }
  get TintAndShade(): number {
    this.range.tick('Interior.TintAndShade');
    return this.read((f) => f?.tintAndShade ?? 0);
  }
  set TintAndShade(v: number) {
    this.set((f) => ({ ...(f ?? FakeInterior.fresh()), tintAndShade: v }), 'TintAndShade');
  }
  get PatternTintAndShade(): number {
    this.range.tick('Interior.PatternTintAndShade');
    return this.read((f) => f?.patternTintAndShade ?? 0);
  }
  set PatternTintAndShade(v: number) {
    this.set((f) => ({ ...(f ?? FakeInterior.fresh()), patternTintAndShade: v }), 'PatternTintAndShade');
  }
}

class FakeLine implements WpsHidable {
  constructor(
    private readonly range: FakeRange,
    private readonly rows: boolean,
  ) {}
  get Hidden(): boolean | null {
    this.range.tick(this.rows ? 'EntireRow.Hidden' : 'EntireColumn.Hidden');
    const b = this.range.box;
    const set = this.rows ? this.range.sheet.hiddenRows : this.range.sheet.hiddenCols;
    const [from, to] = this.rows ? [b.top, b.bottom] : [b.left, b.right];
    let hidden = 0;
    for (let i = from; i <= to; i++) if (set.has(i)) hidden++;
    return hidden === 0 ? false : hidden === to - from + 1 ? true : null;
  }
  set Hidden(_v: boolean | null) {
    throw new Error('fake WPS: the host never hides rows or columns');
  }
}

class FakeRange implements WpsRange {
  constructor(
    private readonly app: FakeWpsApplication,
    readonly sheet: FakeWpsSheet,
    readonly box: Box,
  ) {}
  tick(member: string): void {
    this.app.counter.tick(`Range.${member}`);
  }
  private get single(): boolean {
    return this.box.top === this.box.bottom && this.box.left === this.box.right;
  }
  cellAt(i: number, j: number): FakeCell | undefined {
    return this.sheet.get(addr(this.box.top + i, this.box.left + j));
  }
  private grid<T>(fn: (cell: FakeCell | undefined, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.box.top; r <= this.box.bottom; r++) {
      const row: T[] = [];
      for (let c = this.box.left; c <= this.box.right; c++) row.push(fn(this.sheet.get(addr(r, c)), r, c));
      out.push(row);
    }
    return out;
  }
  common<T>(fn: (cell: FakeCell | undefined) => T): T | null {
    const all = this.grid(fn).flat();
    return all.every((v) => v === all[0]) ? all[0] : null;
  }
  writeEach(fn: (cell: FakeCell, r: number, c: number) => void): void {
    if (this.sheet.protectContents) throw new Error('您试图更改的单元格或图表受保护');
    for (let r = this.box.top; r <= this.box.bottom; r++) for (let c = this.box.left; c <= this.box.right; c++) fn(this.sheet.ensure(addr(r, c)), r, c);
  }
  private assign(v: unknown): void {
    const values = Array.isArray(v) ? v : null;
    this.writeEach((cell, r, c) => {
      const x = values ? values[r - this.box.top]?.[c - this.box.left] : v;
      // A cell formatted as text keeps what is typed, as typed.
      const t = cell.numFmt === '@' && typeof x === 'string' && x !== '' ? { value: x } : typed(x);
      delete cell.value;
      delete cell.formula;
      delete cell.prefix;
      if (t.formula !== undefined) {
        cell.formula = t.formula;
        const known = this.app.results.get(`${this.sheet.name}!${addr(r, c)}=${t.formula}`);
        if (known !== undefined) cell.value = known;
      } else if (t.value !== undefined) {
        cell.value = t.value;
        if (t.prefix) cell.prefix = true;
      }
    });
  }
  get Value2(): unknown {
    this.tick('Value2');
    const v = this.grid((c) => c?.value);
    return this.single ? v[0][0] : v;
  }
  set Value2(v: unknown) {
    this.tick('Value2=');
    this.assign(v);
  }
  get Formula(): unknown {
    this.tick('Formula');
    const f = this.grid((c) => (c?.formula ? `=${c.formula}` : c?.value === undefined ? '' : typeof c.value === 'boolean' ? (c.value ? 'TRUE' : 'FALSE') : String(c.value)));
    return this.single || this.app.formulaOfBlockAsText ? f[0][0] : f;
  }
  set Formula(v: unknown) {
    this.tick('Formula=');
    this.assign(v);
  }
  get NumberFormat(): string | null {
    this.tick('NumberFormat');
    return this.common((c) => c?.numFmt ?? 'General');
  }
  set NumberFormat(v: string | null) {
    this.tick('NumberFormat=');
    this.writeEach((cell) => {
      if (!v || v === 'General') delete cell.numFmt;
      else cell.numFmt = v;
    });
  }
  get Text(): string | null {
    this.tick('Text');
    return this.common((c) => shown(c?.value, c?.numFmt));
  }
  get Row(): number {
    this.tick('Row');
    return this.box.top + 1;
  }
  get Column(): number {
    this.tick('Column');
    return this.box.left + 1;
  }
  get Rows(): WpsCount {
    this.tick('Rows');
    return { Count: this.box.bottom - this.box.top + 1 };
  }
  get Columns(): WpsCount {
    this.tick('Columns');
    return { Count: this.box.right - this.box.left + 1 };
  }
  get MergeCells(): boolean | null {
    this.tick('MergeCells');
    const states = this.grid((_c, r, c) => !!this.sheet.mergeAt(r, c)).flat();
    return states.every((s) => s) ? true : states.every((s) => !s) ? false : null;
  }
  set MergeCells(_v: boolean | null) {
    throw new Error('fake WPS: use Merge()');
  }
  get MergeArea(): WpsRange {
    this.tick('MergeArea');
    const m = this.sheet.mergeAt(this.box.top, this.box.left);
    return new FakeRange(this.app, this.sheet, m ?? { top: this.box.top, left: this.box.left, bottom: this.box.top, right: this.box.left });
  }
  get EntireRow(): WpsHidable {
    this.tick('EntireRow');
    return new FakeLine(this, true);
  }
  get EntireColumn(): WpsHidable {
    this.tick('EntireColumn');
    return new FakeLine(this, false);
  }
  get Interior(): WpsInterior {
    this.tick('Interior');
    return new FakeInterior(this);
  }
  get Comment(): WpsComment | null {
    this.tick('Comment');
    const a = addr(this.box.top, this.box.left);
    return this.sheet.get(a)?.comment !== undefined ? new FakeComment(this.app, this.sheet, a) : null;
  }
  AddComment(text?: string): WpsComment {
    this.tick('AddComment');
    const a = addr(this.box.top, this.box.left);
    if (this.sheet.protectContents) throw new Error('工作表受保护');
    const cell = this.sheet.ensure(a);
    if (cell.comment !== undefined) throw new Error('该单元格已有批注');
    cell.comment = text ?? '';
    return new FakeComment(this.app, this.sheet, a);
  }
  get Worksheet(): WpsWorksheet {
    this.tick('Worksheet');
    return new FakeWorksheet(this.app, this.sheet);
  }
  get Font(): WpsFont {
    this.tick('Font');
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const range = this;
    return {
      get Bold() {
        return range.cellAt(0, 0)?.bold ?? false;
      },
      set Bold(v: boolean) {
        range.writeEach((cell) => {
          if (v) cell.bold = true;
          else delete cell.bold;
        });
      },
    };
  }
  get ColumnWidth(): number {
    this.tick('ColumnWidth');
    return this.sheet.widths.get(this.box.left) ?? 8.38;
  }
  set ColumnWidth(v: number) {
    this.tick('ColumnWidth=');
    for (let c = this.box.left; c <= this.box.right; c++) this.sheet.widths.set(c, v);
  }
  Address(_rowAbsolute?: boolean, _colAbsolute?: boolean): string {
    this.tick('Address');
    const s = addr(this.box.top, this.box.left);
    return this.single ? s : `${s}:${addr(this.box.bottom, this.box.right)}`;
  }
  Select(): boolean {
    this.tick('Select');
    if (this.app.book.sheets[this.app.book.active] !== this.sheet) throw new Error('只能选择活动工作表上的单元格');
    this.app.selection = { sheet: this.sheet.name, address: addr(this.box.top, this.box.left) };
    return true;
  }
  Merge(_across?: boolean): void {
    this.tick('Merge');
    if (this.sheet.protectContents) throw new Error('工作表受保护');
    this.sheet.merges.push({ ...this.box });
  }
}

export interface JsonCell {
  v?: string | number | boolean;
  f?: string;
  fmt?: string;
  /** Fill colour as #RRGGBB. */
  fill?: string;
  comment?: string;
}

export interface JsonSheet {
  name: string;
  cells: Record<string, JsonCell>;
  merges?: string[];
  hiddenRows?: number[];
  protected?: boolean;
}

/** A fake from plain data (what the Chromium test hands the page). */
export function fakeFromJson(name: string, sheets: JsonSheet[]): FakeWpsApplication {
  const book = new FakeWpsBook(name);
  for (const s of sheets) {
    const sheet = new FakeWpsSheet(s.name);
    for (const [a, c] of Object.entries(s.cells)) {
      const cell: FakeCell = {};
      if (c.v !== undefined) cell.value = c.v;
      if (c.f) cell.formula = c.f;
      if (c.fmt && c.fmt !== 'General') cell.numFmt = c.fmt;
      if (c.comment !== undefined) cell.comment = c.comment;
      if (c.fill) {
        const h = c.fill.replace('#', '');
        const bgr = (parseInt(h.slice(4, 6), 16) << 16) | (parseInt(h.slice(2, 4), 16) << 8) | parseInt(h.slice(0, 2), 16);
        cell.fill = { color: bgr, pattern: 1, patternColor: 0, tintAndShade: 0, patternTintAndShade: 0 };
      }
      sheet.cells.set(a, cell);
    }
    sheet.merges = (s.merges ?? []).map(parseBox);
    for (const r of s.hiddenRows ?? []) sheet.hiddenRows.add(r);
    sheet.protectContents = !!s.protected;
    book.sheets.push(sheet);
  }
  return new FakeWpsApplication(book);
}
