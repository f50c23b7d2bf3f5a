/**
 * The same sum repeated over many rows (or columns) of one table — every row's `栏1 = 栏2 + … + 栏6`, every 款's
 * `= Σ 项` — kept as cell numbers. A 50 000-row table would otherwise build some 100 000 identity objects only to
 * find nearly all of them hold; here an instance becomes an Identity only when it does not hold exactly, or when a
 * 舍位平衡 proposal or a narrative check asks for the instances a cell is in.
 */
import { CellValues, Identity, Strength } from './identity';
import { GTable } from './model';

export interface BatchOptions {
  relation?: 'eq' | 'le';
  strength?: Strength;
}

export class IdentityBatch {
  readonly relation: 'eq' | 'le';
  readonly strength: Strength;
  private readonly statedRows: number[] = [];
  private readonly statedCols: number[] = [];
  /** Instance i's terms are termRows/termCols/termSigns[termStart[i] … termStart[i + 1]). */
  private readonly termStart: number[] = [0];
  private readonly termRows: number[] = [];
  private readonly termCols: number[] = [];
  private readonly termSigns: (1 | -1)[] = [];

  /** `describe(i)`: the Chinese `what` of instance i, built only for the instances that become identities. */
  constructor(readonly rule: string, readonly table: GTable, private readonly describe: (i: number) => string, options: BatchOptions = {}) {
    this.relation = options.relation ?? 'eq';
    this.strength = options.strength ?? 'eq';
  }

  get size(): number {
    return this.statedRows.length;
  }

  /** Starts an instance whose stated cell is (row, col); its terms follow with `term`. */
  add(row: number, col: number): void {
    if (this.statedRows.length > 0) this.termStart.push(this.termRows.length);
    this.statedRows.push(row);
    this.statedCols.push(col);
  }

  term(row: number, col: number, sign: 1 | -1 = 1): void {
    this.termRows.push(row);
    this.termCols.push(col);
    this.termSigns.push(sign);
  }

  private end(i: number): number {
    return i + 1 < this.termStart.length ? this.termStart[i + 1] : this.termRows.length;
  }

  /** As `holdsExactly` for an Identity: decided on exact integer hundredths; false means "evaluate in full". */
  holdsExactly(i: number, values: CellValues): boolean {
    const sheet = this.table.sheet;
    const stated = values.centsAt(sheet, this.statedRows[i], this.statedCols[i]);
    if (stated === undefined) return false;
    let expected = 0;
    for (let j = this.termStart[i], end = this.end(i); j < end; j++) {
      const c = values.centsAt(sheet, this.termRows[j], this.termCols[j]);
      if (c === undefined) return false;
      expected += this.termSigns[j] * c;
    }
    return this.relation === 'le' ? stated <= expected : stated === expected;
  }

  private built = new Map<number, Identity>();

  /** Instance i as an Identity, the same object each time it is asked for. */
  identity(i: number): Identity {
    let id = this.built.get(i);
    if (!id) this.built.set(i, (id = this.build(i)));
    return id;
  }

  private build(i: number): Identity {
    const table = this.table;
    const terms = [];
    for (let j = this.termStart[i], end = this.end(i); j < end; j++) {
      terms.push({ table, pos: { row: this.termRows[j], col: this.termCols[j] }, sign: this.termSigns[j] });
    }
    return {
      rule: this.rule,
      stated: { table, pos: { row: this.statedRows[i], col: this.statedCols[i] } },
      terms,
      relation: this.relation,
      strength: this.strength,
      what: this.describe(i),
    };
  }

  /** The instances with a cell among `cells` (row × (colCount + 1) + col of this table's sheet). */
  touching(cells: ReadonlySet<number>): number[] {
    const width = this.table.sheet.colCount + 1;
    const found: number[] = [];
    for (let i = 0; i < this.statedRows.length; i++) {
      let hit = cells.has(this.statedRows[i] * width + this.statedCols[i]);
      for (let j = this.termStart[i], end = this.end(i); !hit && j < end; j++) hit = cells.has(this.termRows[j] * width + this.termCols[j]);
      if (hit) found.push(i);
    }
    return found;
  }

  private byStated: Map<number, number[]> | null = null;

  /** The instances stating the cell (row, col). */
  stating(row: number, col: number): number[] {
    const width = this.table.sheet.colCount + 1;
    if (!this.byStated) {
      this.byStated = new Map();
      for (let i = 0; i < this.statedRows.length; i++) {
        const key = this.statedRows[i] * width + this.statedCols[i];
        const list = this.byStated.get(key);
        if (list) list.push(i);
        else this.byStated.set(key, [i]);
      }
    }
    return this.byStated.get(row * width + col) ?? [];
  }
}
