/**
 * A template as data: a sheet of cells (values, number formats, formulas), merges and column widths. Formulas are
 * kept as structures — a sum, a difference, a Σ of the 3-digit code rows, a ratio, a score, a grade — so that the
 * same object gives the Excel formula text and, for a file written outside Excel, its computed result (the same
 * identity the formula expresses). The pane inserts this description through Office.js; the CLI writes it with
 * exceljs (builder.ts).
 */
import { a1, parseA1 } from '../address';
import { TemplateId } from '../findings';
import { Decimal, halfUp, readNumberText, ZERO } from '../numbers';

export type Formula =
  /**
   * Σ refs − Σ minus; "" when every input is empty. Refs may be ranges (`C8:C33`). `defaults` gives a value for a
   * single-cell ref left empty (the implied budget 分值 10), added only when another input is filled.
   */
  | { kind: 'sum'; refs: string[]; minus?: string[]; defaults?: Record<string, number> }
  /** Σ of `values` on the rows whose code (text) has 3 digits: the 类 rows. */
  | { kind: 'sumClass'; codes: string[]; values: string[] }
  /** num ÷ den (× scale); "" when den is 0 or empty. */
  | { kind: 'ratio'; num: string; den: string; scale?: number; dp?: number }
  /** weight × num ÷ den, capped at weight, rounded to dp; "" when den is 0 or empty. An empty weight cell counts `defaultWeight`. */
  | { kind: 'score'; weight: string | number; num: string; den: string; dp: number; defaultWeight?: number }
  /** 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差; "" when empty. */
  | { kind: 'grade'; ref: string };

export interface TemplateCell {
  value?: string | number | null;
  formula?: Formula;
  numFmt?: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** A cell the user fills in (inputs are left unlocked). */
  input?: boolean;
}

export interface TemplateSheet {
  /** The engine's template id the sheet is recognised as. */
  template: TemplateId;
  variant: string;
  /** Suggested sheet name (the marker or the title). */
  name: string;
  title: string;
  cells: Map<string, TemplateCell>;
  merges: string[];
  widths: number[];
}

export class SheetBuilder {
  readonly cells = new Map<string, TemplateCell>();
  readonly merges: string[] = [];
  widths: number[] = [];

  set(addr: string, value: string | number | null, extra: Partial<TemplateCell> = {}): this {
    this.cells.set(addr, { ...(this.cells.get(addr) ?? {}), value, ...extra });
    return this;
  }

  formula(addr: string, formula: Formula, numFmt?: string): this {
    this.cells.set(addr, { ...(this.cells.get(addr) ?? {}), formula, numFmt });
    return this;
  }

  input(addr: string, numFmt?: string): this {
    this.cells.set(addr, { ...(this.cells.get(addr) ?? {}), input: true, numFmt });
    return this;
  }

  merge(range: string, value?: string | number | null, extra: Partial<TemplateCell> = {}): this {
    if (range.includes(':')) this.merges.push(range);
    if (value !== undefined) this.set(range.split(':')[0], value, extra);
    return this;
  }

  sheet(template: TemplateId, variant: string, name: string, title: string): TemplateSheet {
    return { template, variant, name, title, cells: this.cells, merges: this.merges, widths: this.widths };
  }
}

export function col(n: number): string {
  return a1(0, n).replace(/\d+$/, '');
}

export function addr(row: number, column: number): string {
  return a1(row - 1, column);
}

/** Every address of a ref or range (`C8`, `C8:C33`, `A8:B9`). */
export function expand(ref: string): string[] {
  const [from, to] = ref.split(':');
  const a = parseA1(from)!;
  const b = to ? parseA1(to)! : a;
  const out: string[] = [];
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
    for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push(a1(r, c));
  }
  return out;
}

/** The Excel formula text (without `=`). Empty inputs give "" so an empty template stays empty. */
export function formulaText(f: Formula): string {
  switch (f.kind) {
    case 'sum': {
      const all = [...f.refs, ...(f.minus ?? [])].join(',');
      const plus = f.refs.map((r) => (f.defaults?.[r] !== undefined ? `IF(ISNUMBER(${r}),${r},${f.defaults[r]})` : r));
      const body = f.minus?.length ? `SUM(${plus.join(',')})-SUM(${f.minus.join(',')})` : `SUM(${plus.join(',')})`;
      const counted = f.defaults ? [...f.refs, ...(f.minus ?? [])].filter((r) => f.defaults![r] === undefined).join(',') : all;
      return `IF(COUNT(${counted || all})=0,"",${body})`;
    }
    case 'sumClass':
      return `IF(COUNT(${f.values.join(',')})=0,"",${f.codes.map((c, i) => `SUMIF(${c},"???",${f.values[i]})`).join('+')})`;
    case 'ratio': {
      const expr = f.scale ? `${f.num}/${f.den}*${f.scale}` : `${f.num}/${f.den}`;
      return `IF(N(${f.den})=0,"",${f.dp !== undefined ? `ROUND(${expr},${f.dp})` : expr})`;
    }
    case 'score': {
      const w = typeof f.weight === 'number' ? String(f.weight) : f.defaultWeight !== undefined ? `IF(ISNUMBER(${f.weight}),${f.weight},${f.defaultWeight})` : f.weight;
      return `IF(N(${f.den})=0,"",ROUND(MIN(${w},${w}*${f.num}/${f.den}),${f.dp}))`;
    }
    case 'grade':
      return `IF(${f.ref}="","",IF(${f.ref}>=90,"优",IF(${f.ref}>=80,"良",IF(${f.ref}>=60,"中","差"))))`;
  }
}

export type Computed = number | string;

/** Computes every formula's result from the inputs, exactly (decimal.js), in dependency order. */
export function computeResults(sheet: TemplateSheet, inputs: Map<string, string | number> = new Map()): Map<string, Computed> {
  const results = new Map<string, Computed>();
  const visiting = new Set<string>();
  const num = (address: string): Decimal | null => {
    const v = valueAt(address);
    if (v === '' || v === null || v === undefined) return null;
    if (typeof v === 'number') return new Decimal(String(v));
    const r = readNumberText(String(v));
    return r.kind === 'number' ? r.value : null;
  };
  const valueAt = (address: string): Computed | null => {
    const cell = sheet.cells.get(address);
    if (cell?.formula) return evaluate(address, cell.formula);
    if (inputs.has(address)) return inputs.get(address)!;
    const v = cell?.value;
    return v === undefined || v === null ? null : v;
  };
  const evaluate = (address: string, f: Formula): Computed => {
    const known = results.get(address);
    if (known !== undefined) return known;
    if (visiting.has(address)) throw new Error(`模板公式循环引用：${address}`);
    visiting.add(address);
    let out: Computed = '';
    switch (f.kind) {
      case 'sum': {
        const plus = f.refs.flatMap(expand).map(num);
        const minus = (f.minus ?? []).flatMap(expand).map(num);
        const counted = [...f.refs, ...(f.minus ?? [])].filter((r) => f.defaults?.[r] === undefined).flatMap(expand).map(num);
        for (const [r, d] of Object.entries(f.defaults ?? {})) if (num(r) === null) plus.push(new Decimal(d));
        if (counted.some((v) => v !== null)) {
          const s = plus.reduce<Decimal>((a, v) => (v ? a.plus(v) : a), ZERO);
          out = minus.reduce<Decimal>((a, v) => (v ? a.minus(v) : a), s).toNumber();
        }
        break;
      }
      case 'sumClass': {
        const codes = f.codes.flatMap((c) => expand(c.replace(/\$/g, '')));
        const values = f.values.flatMap(expand);
        const vs = values.map(num);
        if (vs.some((v) => v !== null)) {
          let s = ZERO;
          codes.forEach((c, i) => {
            const code = valueAt(c);
            if (typeof code === 'string' && code.trim().length === 3 && vs[i]) s = s.plus(vs[i]!);
          });
          out = s.toNumber();
        }
        break;
      }
      case 'ratio': {
        const n = num(f.num) ?? ZERO;
        const d = num(f.den);
        if (d && !d.isZero()) {
          let r = n.div(d).times(f.scale ?? 1);
          if (f.dp !== undefined) r = halfUp(r, f.dp);
          out = r.toNumber();
        }
        break;
      }
      case 'score': {
        const w = typeof f.weight === 'number' ? new Decimal(f.weight) : num(f.weight) ?? (f.defaultWeight !== undefined ? new Decimal(f.defaultWeight) : ZERO);
        const n = num(f.num) ?? ZERO;
        const d = num(f.den);
        if (d && !d.isZero()) {
          const s = Decimal.min(w, w.times(n).div(d));
          out = halfUp(s, f.dp).toNumber();
        }
        break;
      }
      case 'grade': {
        const v = num(f.ref);
        if (v) out = v.gte(90) ? '优' : v.gte(80) ? '良' : v.gte(60) ? '中' : '差';
        break;
      }
    }
    visiting.delete(address);
    results.set(address, out);
    return out;
  };
  for (const [address, cell] of sheet.cells) if (cell.formula) evaluate(address, cell.formula);
  return results;
}

/** The cells as rows of values (formulas as their results) — what the pane previews. */
export function previewRows(sheet: TemplateSheet, inputs?: Map<string, string | number>): (string | number | null)[][] {
  const results = computeResults(sheet, inputs);
  const rows: (string | number | null)[][] = [];
  for (const [address, cell] of sheet.cells) {
    const p = parseA1(address)!;
    while (rows.length <= p.row) rows.push([]);
    const v = cell.formula ? results.get(address) ?? '' : inputs?.get(address) ?? cell.value ?? null;
    rows[p.row][p.col] = v;
  }
  return rows;
}

/** A cell as a host inserts it: the constant, or the formula text with the result it shows (for hosts that do not calculate). */
export interface PlacedCell {
  value: string | number | null;
  formula?: string;
  numFmt?: string;
  bold?: boolean;
}

/**
 * The sheet as rows from A1 for a host's insertSheet (pane and playground): every formula with its computed result,
 * plus the merges and column widths. Structurally the Host's InsertCell rows and InsertSheetOptions.
 */
export function placedRows(sheet: TemplateSheet, inputs?: Map<string, string | number>): { rows: (PlacedCell | null)[][]; merges: string[]; widths: number[] } {
  const results = computeResults(sheet, inputs);
  const rows: (PlacedCell | null)[][] = [];
  for (const [address, cell] of sheet.cells) {
    const p = parseA1(address)!;
    while (rows.length <= p.row) rows.push([]);
    const row = rows[p.row];
    while (row.length < p.col) row.push(null);
    const placed: PlacedCell = cell.formula
      ? { value: results.get(address) ?? '', formula: formulaText(cell.formula) }
      : { value: inputs?.get(address) ?? cell.value ?? null };
    if (placed.value === '') placed.value = null;
    if (cell.numFmt) placed.numFmt = cell.numFmt;
    if (cell.bold) placed.bold = true;
    row[p.col] = placed;
  }
  return { rows: rows.map((r) => r.map((c) => c ?? null)), merges: sheet.merges.slice(), widths: sheet.widths.slice() };
}
