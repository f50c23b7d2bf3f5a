/**
 * Total and grade, selfeval-rules.md §4: S-TOT-01/02, S-GRD-01/02, S-GRD-03 (an empty grade, once reported under
 * S-GRD-01 with the wrong grade: two checks, two ids), and the cascaded 总分/等级 edits.
 */
import { Decimal, fixed, halfUp } from '../../numbers';
import { cmpScore, grade } from '../compare';
import { TableCheck } from '../context';
import { normAt } from '../sheet';
import { GRADES } from '../vocab';
import { BudgetFacts } from './budget';
import { IndicatorFacts } from './indicators';
import { proposeNumber } from './edit';
import S_GRD_01 from './S-GRD-01';
import S_GRD_02 from './S-GRD-02';
import S_GRD_03 from './S-GRD-03';
import S_TOT_01 from './S-TOT-01';
import S_TOT_02 from './S-TOT-02';

function atPrecision(d: Decimal, p: number): string {
  return d.decimalPlaces() <= p ? fixed(d, p) : d.toString();
}

export function checkTotal(ctx: TableCheck, budget: BudgetFacts | null, ind: IndicatorFacts | null): void {
  const t = ctx.table.total;
  if (!t || !ind || ind.scoreSum === null) return;
  const budgetScore = ctx.table.budget ? budget?.scoreForTotal ?? null : new Decimal(0);
  if (budgetScore === null) return;
  const recomputed = ind.scoreSum.plus(budgetScore);
  const corrected = ind.scoreSum.plus(ctx.table.budget ? budget?.correctedScore ?? budgetScore : 0);
  const stated = ctx.read(t.row, t.scoreCol, 'score', '总分');
  if (stated.kind === 'unknown' || stated.kind === 'unreadable') return;
  let totError = false;
  if (stated.kind === 'empty') {
    const f = ctx.add(S_TOT_02, 'warning', { row: t.row, col: t.scoreCol }, `总分未填写；各项得分合计应为 ${recomputed.toString()}`, {
      stated: '',
      expected: recomputed.toString(),
    });
    f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: corrected.toString() };
    proposeNumber(ctx, t.row, t.scoreCol, corrected, Math.min(2, Math.max(0, corrected.decimalPlaces())), false, S_TOT_02.id);
  } else {
    const p = stated.decimals;
    const outcome = cmpScore(stated.value, recomputed);
    if (outcome !== 'ok') {
      totError = outcome === 'error';
      const expected = atPrecision(recomputed, p);
      const f = ctx.add(
        S_TOT_01,
        outcome,
        { row: t.row, col: t.scoreCol },
        `总分应为各项指标得分 ${ind.scoreSum.toString()} 加预算执行得分 ${budgetScore.toString()} = ${recomputed.toString()}${outcome === 'rounding' ? '（尾数误差）' : ''}`,
        { stated: ctx.shown(t.row, t.scoreCol), expected, difference: stated.value.minus(recomputed).toString() },
      );
      f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: atPrecision(corrected, p) };
    }
    if (!stated.value.equals(corrected)) {
      proposeNumber(ctx, t.row, t.scoreCol, corrected, Math.max(p, Math.min(4, corrected.decimalPlaces())), false, S_TOT_01.id);
    }
  }

  // Grades.
  if (t.gradeCol === undefined || t.gradeRow === undefined) return;
  const statedGrade = normAt(ctx.sheet, t.gradeRow, t.gradeCol);
  const at = { row: t.gradeRow, col: t.gradeCol };
  if (!(GRADES as readonly string[]).includes(statedGrade)) {
    if (statedGrade === '') {
      ctx.add(S_GRD_03, 'warning', at, `自评等级未填写；按总分应为“${grade(corrected)}”`, { stated: '', expected: grade(corrected) });
      ctx.edit(t.gradeRow, t.gradeCol, grade(corrected), grade(corrected), S_GRD_03.id);
    }
    return;
  }
  let flagged = false;
  if (stated.kind === 'number') {
    const g = grade(stated.value);
    if (g !== statedGrade) {
      flagged = true;
      const f = ctx.add(S_GRD_01, 'error', at, `总分 ${ctx.shown(t.row, t.scoreCol)} 对应的等级应为“${g}”（90分及以上为优，80–90分为良，60–80分为中，60分以下为差），表中填“${statedGrade}”`, {
        stated: statedGrade,
        expected: g,
      });
      f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: grade(corrected) };
    }
  }
  if (!flagged && totError && grade(recomputed) !== statedGrade) {
    const f = ctx.add(S_GRD_02, 'error', at, `按重新计算的总分 ${recomputed.toString()}，等级应为“${grade(recomputed)}”，所填“${statedGrade}”并非由表中数据得出（见总分的错误）`, {
      stated: statedGrade,
      expected: grade(recomputed),
      derived: true,
    });
    f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: grade(corrected) };
  }
  if (grade(corrected) !== statedGrade) ctx.edit(t.gradeRow, t.gradeCol, grade(corrected), grade(corrected), S_GRD_01.id);
  void halfUp;
}
