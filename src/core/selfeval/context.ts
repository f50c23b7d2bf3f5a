/**
 * One table being checked: where findings and proposed edits are collected, and where every cell is read once
 * (with its S-PARSE / R- reading note emitted once).
 */
import { a1 } from '../address';
import { Finding, ProposedEdit, TemplateId, Unit } from '../findings';
import { SheetGrid } from '../grid';
import { Decimal, fixed, Reading } from '../numbers';
import { SelfEvalTable } from './model';
import { readCellNumber, shownText } from './parse';
import R_PREC from '../reading/R-PREC';
import S_PARSE_01 from './rules/S-PARSE-01';
import S_PARSE_02 from './rules/S-PARSE-02';
import S_IND_02 from './rules/S-IND-02';
import R_TEXT from '../reading/R-TEXT';
import type { RuleDefinition } from '../rules/definition';

export type FieldKind = 'amount' | 'rate' | 'score' | 'weight';

const FIELD_WORD: Record<FieldKind, string> = { amount: '金额', rate: '执行率', score: '得分', weight: '分值' };

export class TableCheck {
  readonly findings: Finding[] = [];
  readonly edits: ProposedEdit[] = [];
  private readonly cache = new Map<string, Reading>();

  constructor(
    readonly sheet: SheetGrid,
    readonly table: SelfEvalTable,
    readonly unit: Unit | null,
  ) {}

  get template(): TemplateId {
    return this.table.kind;
  }

  addr(row: number, col: number): string {
    return a1(row, col);
  }

  /** Records a finding of `rule`; the severity must be one the rule declares. */
  add<S extends Finding['severity']>(
    rule: RuleDefinition<S>,
    severity: NoInfer<S>,
    at: { row: number; col: number } | null,
    message: string,
    extra: Partial<Omit<Finding, 'sheet' | 'cell' | 'rule' | 'severity' | 'message'>> = {},
  ): Finding {
    const f: Finding = {
      sheet: this.sheet.name,
      cell: at ? a1(at.row, at.col) : null,
      rule: rule.id,
      severity,
      stated: extra.stated ?? null,
      expected: extra.expected ?? null,
      message,
      ...extra,
    };
    this.findings.push(f);
    return f;
  }

  /** A recomputed value to write: `proposed` is what the cell should show. */
  edit(row: number, col: number, proposed: string, value: number | string, rule: string, numFmt?: string): void {
    const cell = a1(row, col);
    if (this.edits.some((e) => e.cell === cell)) return;
    const current = this.shown(row, col);
    this.edits.push({ sheet: this.sheet.name, cell, current: current === '' ? null : current, proposed, value, rule, ...(numFmt ? { numFmt } : {}) });
  }

  shown(row: number, col: number): string {
    return shownText(this.sheet.cells[row]?.[col], this.cache.get(`${row}:${col}`));
  }

  /** Sets the reading of a cell decided elsewhere (S-PARSE-03 decimal comma). */
  setReading(row: number, col: number, r: Reading): void {
    this.cache.set(`${row}:${col}`, r);
  }

  /**
   * The reading the check settled on for a cell (S-PARSE-03 decimal comma, S-PARSE-05 fraction), or a fresh one that
   * emits nothing: for the 综述 checks and drafts, which quote the table after it was checked.
   */
  settled(row: number, col: number | undefined): Reading {
    if (col === undefined) return { kind: 'empty', dash: false };
    return this.cache.get(`${row}:${col}`) ?? readCellNumber(this.sheet.cells[row]?.[col]);
  }

  hasReading(row: number, col: number): boolean {
    return this.cache.has(`${row}:${col}`);
  }

  /** Reads a cell once, emitting how it was read (S-PARSE-01/02, R-PREC) or why it cannot be (S-IND-02, R-TEXT). */
  read(row: number, col: number | undefined, kind: FieldKind, what?: string): Reading {
    if (col === undefined) return { kind: 'empty', dash: false };
    const key = `${row}:${col}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const cell = this.sheet.cells[row]?.[col];
    const r = readCellNumber(cell);
    this.cache.set(key, r);
    const at = { row, col };
    const label = what ?? FIELD_WORD[kind];
    if (r.kind === 'number' && r.fromText) {
      const raw = r.text ?? '';
      const shownValue = r.percent ? `${r.value.toString()}%` : r.value.toString();
      let how = `“${raw}”为文本，按 ${shownValue} 读取`;
      if (r.unitWord === '分') how = `${label}“${raw}”带单位“分”，为文本，按 ${shownValue} 读取`;
      else if (r.unitWord) how = `${label}“${raw}”带单位“${r.unitWord}”，为文本，按 ${shownValue} 读取${this.unit ? `（表头已注明${this.unit}）` : ''}`;
      else if (raw !== raw.trim()) how = `${label}单元格“${raw}”为带空格的文本，按 ${shownValue} 读取`;
      this.add(S_PARSE_02, 'info', at, how, { stated: raw, expected: shownValue });
    } else if (r.kind === 'number' && r.storedValue) {
      this.add(R_PREC, 'info', at, `存储值 ${r.storedValue.toString()} 多于显示的小数位，按显示的 ${fixed(r.value, r.decimals)} 核对`, {
        stated: fixed(r.value, r.decimals) + (r.percent ? '%' : ''),
        expected: null,
      });
    } else if (r.kind === 'unknown') {
      this.add(S_PARSE_01, 'info', at, `${label}为公式但没有计算结果，需要它的计算均已跳过（不按 0 处理）`);
    } else if (r.kind === 'unreadable') {
      const rule = kind === 'score' || kind === 'weight' ? S_IND_02 : R_TEXT;
      this.add(rule, 'warning', at, `${label}“${r.text}”无法识别为数字，未计入合计和核对`, { stated: r.text, expected: null });
    }
    return r;
  }

  num(row: number, col: number | undefined, kind: FieldKind, what?: string): Decimal | null {
    const r = this.read(row, col, kind, what);
    return r.kind === 'number' ? r.value : null;
  }
}
