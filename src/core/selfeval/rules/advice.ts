/**
 * Scoring advice, selfeval-rules.md §6 (S-ADV-01…06): always `info`, shown under 建议, never a discrepancy.
 * Direction comes from the operator (≤ < 反向, otherwise 正向); suggested scores are capped at 分值, never negative.
 */
import { Decimal, halfUp, ZERO } from '../../numbers';
import { TableCheck } from '../context';
import { parseIndicatorValue, Tier } from '../indicator-values';
import { textAt } from '../sheet';
import { BudgetFacts } from './budget';
import S_ADV_01 from './S-ADV-01';
import S_ADV_02 from './S-ADV-02';
import S_ADV_03 from './S-ADV-03';
import S_ADV_04 from './S-ADV-04';
import S_ADV_05 from './S-ADV-05';

const TIER_RANGE: Record<Tier, { lo: Decimal; hi: Decimal; hiOpen: boolean; words: string }> = {
  met: { lo: new Decimal('0.8'), hi: new Decimal(1), hiOpen: false, words: '达成预期指标，应得分值的 80%–100%' },
  partial: { lo: new Decimal('0.6'), hi: new Decimal('0.8'), hiOpen: true, words: '部分达成并具有一定效果，应得分值的 60%–80%（不含 80%）' },
  fail: { lo: ZERO, hi: new Decimal('0.6'), hiOpen: true, words: '未达成且效果较差，应得分值的 60% 以下' },
};

function matchesSome(score: Decimal, x: Decimal): boolean {
  return [0, 1, 2].some((p) => halfUp(x, p).equals(score));
}

function clamp(x: Decimal, w: Decimal): Decimal {
  return Decimal.max(ZERO, Decimal.min(x, w));
}

function show(d: Decimal): string {
  return halfUp(d, 2).toString();
}

export function checkAdvice(ctx: TableCheck, budget: BudgetFacts | null): void {
  const ind = ctx.table.indicators;
  if (!ind) return;
  const c = ind.cols;
  for (const ir of ind.rows) {
    const w = ctx.num(ir.row, c.weight, 'weight');
    const s = ctx.num(ir.row, c.score, 'score');
    if (w === null || s === null || w.isZero()) continue;
    const cellAt = (col: number | undefined) => (col === undefined ? null : ctx.sheet.cells[ir.row]?.[col]?.value ?? null);
    const adj = cellAt(c.targetAdj);
    const targetRaw = adj !== null && String(adj).trim() !== '' ? adj : cellAt(c.target) ?? cellAt(c.targetInit);
    const target = parseIndicatorValue(targetRaw);
    const actual = parseIndicatorValue(cellAt(c.actual));
    const name = textAt(ctx.sheet, ir.row, c.l3 ?? c.l2 ?? 0).trim() || `第${ir.row + 1}行指标`;
    const at = { row: ir.row, col: c.score! };

    // S-ADV-05 (henan): an indicator repeating a budget fact.
    if (ctx.table.variant === 'henan-2021' && budget && actual.kind === 'quantity') {
      const key = ir.name;
      let fact: Decimal | null = null;
      if (/^预算执行率/.test(key)) fact = budget.rate;
      else if (/^预算调整率/.test(key) && budget.full && budget.init && !budget.init.isZero()) fact = budget.full.minus(budget.init).abs().dividedBy(budget.init).times(100);
      if (fact && actual.value.minus(fact).abs().gt('0.01')) {
        ctx.add(S_ADV_05, 'info', { row: ir.row, col: c.actual! }, `建议：“${name}”完成值 ${actual.value.toString()} 与预算执行情况栏计算的 ${show(fact)} 不一致，请核对`, {
          stated: actual.value.toString(),
          expected: show(fact),
        });
      }
    }

    // S-ADV-04: a qualitative result outside its tier.
    if (actual.kind === 'tier') {
      const r = s.dividedBy(w);
      const t = TIER_RANGE[actual.tier];
      const inside = r.gte(t.lo) && (t.hiOpen ? r.lt(t.hi) : r.lte(t.hi));
      if (!inside) {
        ctx.add(S_ADV_04, 'info', at, `建议：“${name}”完成情况为“${actual.text}”，属${t.words}，即 ${show(w.times(t.lo))}–${show(w.times(t.hi))} 分；现为 ${s.toString()} 分`, {
          stated: s.toString(),
          expected: `${show(w.times(t.lo))}–${show(w.times(t.hi))}`,
        });
      }
      continue;
    }

    if (target.kind !== 'quantity' || actual.kind !== 'quantity') continue;
    // S-ADV-06: 成本指标 without an explicit operator gets no advice.
    if (/成本/.test(ir.l2) && target.op === null) continue;
    const reverse = target.op === '≤' || target.op === '<';
    const met = reverse ? actual.value.lte(target.value) : actual.value.gte(target.value);
    if (met) continue;
    if (reverse ? actual.value.isZero() : target.value.isZero()) continue;
    const suggested = clamp(reverse ? w.times(target.value).dividedBy(actual.value) : w.times(actual.value).dividedBy(target.value), w);
    if (s.equals(w)) {
      ctx.add(S_ADV_03, 'info', at, `建议：“${name}”完成值 ${actual.value.toString()}${actual.unit} 未达到指标值 ${target.op ?? ''}${target.value.toString()}${target.unit}，却得满分 ${w.toString()}；按完成比例约为 ${show(suggested)} 分`, {
        stated: s.toString(),
        expected: show(suggested),
      });
    } else if (!matchesSome(s, suggested)) {
      const rule = reverse ? S_ADV_02 : S_ADV_01;
      const how = reverse ? '分值×指标值÷完成值' : '分值×完成值÷指标值';
      ctx.add(rule, 'info', at, `建议：“${name}”未达到指标值，按${how}建议得分 ${show(suggested)}，现为 ${s.toString()}`, {
        stated: s.toString(),
        expected: show(suggested),
      });
    }
  }
}
