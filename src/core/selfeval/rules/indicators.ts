/**
 * Indicators and weights, selfeval-rules.md §3 and §5: S-IND-01/02, S-WGT-01…03, S-RSN-01, and the S-PARSE-04 note
 * for an empty 得分 beside a 分值.
 */
import { Decimal, ZERO } from '../../numbers';
import { TableCheck } from '../context';
import { weightOfLabel } from '../recognize';
import { textAt } from '../sheet';
import { norm } from '../../text';
import S_IND_01 from './S-IND-01';
import S_PARSE_04 from './S-PARSE-04';
import S_RSN_01 from './S-RSN-01';
import S_WGT_01 from './S-WGT-01';
import S_WGT_02 from './S-WGT-02';
import S_WGT_03 from './S-WGT-03';

export interface IndicatorFacts {
  weightSum: Decimal;
  /** Σ 得分, an empty 得分 beside a 分值 counted 0; null when a 得分 is unknown or unreadable. */
  scoreSum: Decimal | null;
  weightsKnown: boolean;
  rowCount: number;
}

function displayName(ctx: TableCheck, row: number): string {
  const ind = ctx.table.indicators!;
  for (const f of ['l3', 'l2'] as const) {
    const col = ind.cols[f];
    if (col === undefined) continue;
    const t = textAt(ctx.sheet, row, col).replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return `第${row + 1}行指标`;
}

export function checkIndicators(ctx: TableCheck, budgetWeight: Decimal | null): IndicatorFacts | null {
  const ind = ctx.table.indicators;
  if (!ind) return null;
  const wc = ind.cols.weight;
  const sc = ind.cols.score;
  const rc = ind.cols.reason;
  const reasonHeader = rc !== undefined ? norm(textAt(ctx.sheet, ind.headerRows[0], rc)) || '偏差原因分析及改进措施' : '';
  let weightSum = ZERO;
  let scoreSum: Decimal | null = ZERO;
  let weightsKnown = true;
  const weights = new Map<number, Decimal | null>();
  for (const ir of ind.rows) {
    const name = displayName(ctx, ir.row);
    const w = ctx.read(ir.row, wc, 'weight', `“${name}”分值`);
    const s = ctx.read(ir.row, sc, 'score', `“${name}”得分`);
    if (w.kind === 'number') {
      weightSum = weightSum.plus(w.value);
      weights.set(ir.row, w.value);
    } else if (w.kind === 'empty') {
      weights.set(ir.row, ZERO);
    } else {
      weightsKnown = false;
      weights.set(ir.row, null);
    }
    if (s.kind === 'number') {
      if (scoreSum) scoreSum = scoreSum.plus(s.value);
    } else if (s.kind === 'empty') {
      if (w.kind === 'number' && sc !== undefined) {
        ctx.add(S_PARSE_04, 'info', { row: ir.row, col: sc }, `“${name}”得分为空，按 0 分计入总分`, { stated: '', expected: '0' });
      }
    } else {
      scoreSum = null;
    }
    // S-IND-01: 得分 ≤ 分值.
    if (w.kind === 'number' && s.kind === 'number' && s.value.gt(w.value)) {
      ctx.add(S_IND_01, 'error', { row: ir.row, col: sc! }, `“${name}”得分 ${s.value.toString()} 高于分值 ${w.value.toString()}`, {
        stated: ctx.shown(ir.row, sc!),
        expected: `≤${w.value.toString()}`,
        difference: s.value.minus(w.value).toString(),
      });
    }
    // S-RSN-01: 得分 < 分值 needs a reason.
    if (rc !== undefined && w.kind === 'number' && (s.kind === 'number' || s.kind === 'empty')) {
      const got = s.kind === 'number' ? s.value : ZERO;
      const reason = textAt(ctx.sheet, ir.row, rc).trim();
      if (got.lt(w.value) && !reason) {
        ctx.add(S_RSN_01, 'warning', { row: ir.row, col: rc }, `“${name}”得分 ${got.toString()} 低于分值 ${w.value.toString()}，未填写${reasonHeader}`, {
          stated: '',
          expected: '偏差原因',
        });
      }
    }
  }

  // S-WGT-01: a 一级 label's weight equals Σ 分值 under it.
  for (const block of ind.blocks) {
    const stated = weightOfLabel(block.label);
    if (stated === null) continue;
    const ws = block.rows.map((r) => weights.get(r));
    if (ws.some((w) => w === null || w === undefined)) continue;
    const sum = ws.reduce<Decimal>((a, w) => a.plus(w!), ZERO);
    if (!sum.equals(stated)) {
      ctx.add(S_WGT_01, 'error', { row: block.row, col: block.col }, `一级指标“${textAt(ctx.sheet, block.row, block.col).trim()}”标明 ${stated} 分，其下各指标分值合计为 ${sum.toString()}`, {
        stated,
        expected: sum.toString(),
        difference: new Decimal(stated).minus(sum).toString(),
      });
    }
  }

  // S-WGT-02: Σ 指标分值 + 预算执行分值 = 100.
  if (weightsKnown && ind.rows.length > 0 && budgetWeight !== null) {
    const all = weightSum.plus(budgetWeight);
    if (!all.equals(100)) {
      const t = ctx.table.total;
      ctx.add(
        S_WGT_02,
        'error',
        t ? { row: t.row, col: ctx.sheet.cells[t.row]?.findIndex((c) => c && c.value !== null && c.value !== '') ?? 0 } : null,
        `各项指标分值合计 ${weightSum.toString()} 加预算执行分值 ${budgetWeight.toString()} 为 ${all.toString()}，不等于 100`,
        { stated: all.toString(), expected: '100', difference: all.minus(100).toString() },
      );
    }
  }

  // S-WGT-03: a stated Σ分值 cell.
  const t = ctx.table.total;
  if (t && t.weightCol !== undefined && weightsKnown && budgetWeight !== null) {
    const stated = ctx.read(t.row, t.weightCol, 'weight', '分值合计');
    const all = weightSum.plus(budgetWeight);
    if (stated.kind === 'number' && !stated.value.equals(all)) {
      ctx.add(S_WGT_03, 'error', { row: t.row, col: t.weightCol }, `总分行的分值合计 ${stated.value.toString()} 与各项分值之和（含预算执行 ${budgetWeight.toString()}）${all.toString()} 不符`, {
        stated: ctx.shown(t.row, t.weightCol),
        expected: all.toString(),
        difference: stated.value.minus(all).toString(),
      });
    }
  }
  return { weightSum, scoreSum, weightsKnown, rowCount: ind.rows.length };
}
