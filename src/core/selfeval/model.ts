/** What recognition finds in one 绩效自评表 (one stacked table of a sheet); checks read cells through it. */
import type { Unit } from '../findings';
import type { BudgetField, Form, IndicatorField, Variant } from './vocab';

export type SelfEvalKind = 'project-selfeval' | 'department-selfeval';

export interface BudgetBlock {
  headerRows: number[];
  /** 0-based column of each field found in the header. */
  cols: Partial<Record<BudgetField, number>>;
  rows: number[];
  totalRow: number;
  partRows: number[];
  /** Row label as printed (for messages). */
  labels: Map<number, string>;
}

export interface IndicatorRow {
  row: number;
  name: string;
  l1: string;
  l2: string;
}

export interface WeightBlock {
  /** The 一级 label cell carrying the weight. */
  row: number;
  col: number;
  label: string;
  rows: number[];
}

export interface IndicatorBlock {
  headerRows: number[];
  cols: Partial<Record<IndicatorField, number>>;
  rows: IndicatorRow[];
  blocks: WeightBlock[];
}

export interface TotalRow {
  row: number;
  /** The 总分 cell (may be empty). */
  scoreCol: number;
  /** A stated Σ分值 cell (national G). */
  weightCol?: number;
  /** A stated 等级 cell. */
  gradeCol?: number;
  gradeRow?: number;
}

export interface SelfEvalTable {
  kind: SelfEvalKind;
  variant: Variant;
  form?: Form;
  top: number;
  bottom: number;
  left: number;
  right: number;
  titleRow: number | null;
  title: string;
  unit: Unit | null;
  budget: BudgetBlock | null;
  indicators: IndicatorBlock | null;
  total: TotalRow | null;
  /** Zones not found (S-STR-01). */
  missing: string[];
  /** Title and header signature disagree (S-STR-02). */
  kindConflict?: string;
  /** Which recognition cues named the kind: the title, the header signature (§5 steps 1–2). */
  byTitle?: boolean;
  bySignature?: boolean;
}

export interface SelfEvalModel {
  tables: SelfEvalTable[];
}
