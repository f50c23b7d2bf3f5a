/**
 * The same sum repeated over many rows (or columns) of one table — every row's `栏1 = 栏2 + … + 栏6`, every 款's
 * `= Σ 项` — kept as cell numbers. A 50 000-row table would otherwise build some 100 000 identity objects only to
 * find nearly all of them hold; here an instance becomes an Identity only when it does not hold exactly, or when a
 * 舍位平衡 proposal or a narrative check asks for the instances a cell is in.
 */
import { cellNumber, CellValues, Identity, rowOfCellNumber } from './identity';
import { GTable } from './model';

/** Equalities only (`stated = Σ ± terms`, an error beyond tolerance): every repeated sum of identities.md is one. */
export class IdentityBatch {
  private count = 0;
  private readonly statedRows: Int32Array;
  private readonly statedCols: Int32Array;
  /** Instance i's terms are termRows/termCols/termSigns[termStart[i] … termStart[i + 1]). */
  private readonly termStart: Int32Array;
  private termCount = 0;
  private readonly termRows: Int32Array;
  private readonly termCols: Int32Array;
  private readonly termSigns: Int8Array;

  /**
   * Room for `size.instances` instances with `size.terms` terms in all, added with `add` and `term`.
   * `describe(i)`: the Chinese `what` of instance i, built only for the instances that become identities.
   */
  constructor(readonly rule: string, readonly table: GTable, size: { instances: number; terms: number }, private readonly describe: (i: number) => string) {
    this.statedRows = new Int32Array(size.instances);
    this.statedCols = new Int32Array(size.instances);
    this.termStart = new Int32Array(size.instances + 1);
    this.termRows = new Int32Array(size.terms);
    this.termCols = new Int32Array(size.terms);
    this.termSigns = new Int8Array(size.terms);
  }

  get size(): number {
    return this.count;
  }

  /** Starts an instance whose stated cell is (row, col); its terms follow with `term`. */
  add(row: number, col: number): void {
    if (this.count === this.statedRows.length) throw new RangeError(`${this.rule}: more instances than the room asked for`);
    this.statedRows[this.count] = row;
    this.statedCols[this.count] = col;
    this.count++;
    this.termStart[this.count] = this.termCount;
  }

  term(row: number, col: number, sign: 1 | -1 = 1): void {
    if (this.termCount === this.termRows.length) throw new RangeError(`${this.rule}: more terms than the room asked for`);
    this.termRows[this.termCount] = row;
    this.termCols[this.termCount] = col;
    this.termSigns[this.termCount] = sign;
    this.termCount++;
    this.termStart[this.count] = this.termCount;
  }

  private end(i: number): number {
    return this.termStart[i + 1];
  }

  /** As `holdsExactly` for an Identity: decided on exact integer hundredths; false means "evaluate in full". */
  holdsExactly(i: number, values: CellValues): boolean {
    const sheet = values.of(this.table.sheet);
    const stated = sheet.centsAt(this.statedRows[i], this.statedCols[i]);
    if (stated === undefined) return false;
    let expected = 0;
    for (let j = this.termStart[i], end = this.end(i); j < end; j++) {
      const c = sheet.centsAt(this.termRows[j], this.termCols[j]);
      if (c === undefined) return false;
      expected += this.termSigns[j] * c;
    }
    return stated === expected;
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
      terms.push({ table, pos: { row: this.termRows[j], col: this.termCols[j] }, sign: this.termSigns[j] as 1 | -1 });
    }
    return {
      rule: this.rule,
      stated: { table, pos: { row: this.statedRows[i], col: this.statedCols[i] } },
      terms,
      relation: 'eq',
      strength: 'eq',
      what: this.describe(i),
    };
  }

  /** The instances with a cell among `cells` (keyed by cellNumber on this table's sheet). */
  touching(cells: ReadonlyMap<number, unknown>): number[] {
    // Rows first: a typed-array test turns away nearly every cell before a map lookup.
    const rows = new Uint8Array(this.table.sheet.rowCount + 1);
    for (const key of cells.keys()) rows[rowOfCellNumber(key)] = 1;
    const hits = (row: number, col: number) => rows[row] === 1 && cells.has(cellNumber(row, col));
    const found: number[] = [];
    for (let i = 0; i < this.count; i++) {
      let hit = hits(this.statedRows[i], this.statedCols[i]);
      for (let j = this.termStart[i], end = this.end(i); !hit && j < end; j++) hit = hits(this.termRows[j], this.termCols[j]);
      if (hit) found.push(i);
    }
    return found;
  }

  private byStated: Map<number, number[]> | null = null;

  /** The instances stating the cell (row, col). */
  stating(row: number, col: number): number[] {
    if (!this.byStated) {
      this.byStated = new Map();
      for (let i = 0; i < this.count; i++) {
        const key = cellNumber(this.statedRows[i], this.statedCols[i]);
        const list = this.byStated.get(key);
        if (list) list.push(i);
        else this.byStated.set(key, [i]);
      }
    }
    return this.byStated.get(cellNumber(row, col)) ?? [];
  }
}
