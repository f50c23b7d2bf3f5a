/**
 * NC-10 — a 绩效自评综述 against its 自评表, matched by normalised name (narratives.md §4): 得分 = the printed 总分,
 * 等级 = the stated one or S-GRD-00, 全年/执行 = the 资金 total row (NC-01 tolerance), 执行率 from the sentence's own
 * figures (NC-02). The NT-ZS-R sentence: 指标得分 = Σ 得分, 总分 = 执行 + 指标 (S-TOT-01 tolerance), 等级 by S-GRD-01.
 */
import { Finding, Severity } from '../../findings';
import { Decimal, fixed, halfUp } from '../../numbers';
import { gradeOf, sameName, scoreText } from '../drafts/zongshu';
import { NRule } from './kit';
import { inCommonUnit, quotesExactly } from '../units';
import { compactText, dec, decimalsOf, loadedSelfEvals } from './zs-kit';

const CENT = new Decimal('0.01');
const NUM = String.raw`(\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
// The figures a 综述 paragraph states, compiled once rather than for every paragraph.
const INDICATOR_SCORE = new RegExp(`指标完成情况得分${NUM}分`);
const BUDGET_SCORE = new RegExp(`预算执行情况得分${NUM}分`);
const TOTAL_SCORE = new RegExp(`总得分${NUM}分`);
const PROJECT_SCORE = new RegExp(`项目?绩效自评得分(?:为)?${NUM}分`);
const UNIT_SCORE = new RegExp(`整体绩效自评得分为${NUM}分`);
const FULL_BUDGET = new RegExp(`全年预算数为${NUM}(万元|元)`);
const EXECUTED = new RegExp(`执行数为${NUM}(万元|元)`);
const EXECUTION_RATE = new RegExp(`执行率为${NUM}%`);

/** Scores and sums: equal OK, within 0.01 rounding, else error. */
function scoreSeverity(stated: Decimal, exact: Decimal): Severity | null {
  const d = stated.minus(exact).abs();
  return d.isZero() ? null : d.lte(CENT) ? 'rounding' : 'error';
}

const rule: NRule = {
  id: 'NC-10',
  title: '绩效自评综述与自评表一致',
  family: 'narrative',
  formula: '绩效自评综述与同名自评表：得分 = 总分，等级 = 所填或按总分的等级，全年预算数、执行数 = 资金总额行，执行率按句中数字重算',
  spec: 'narratives.md §4',
  severities: ['error', 'rounding', 'info'],
  severityHow: '得分、等级不符为错误；金额、比率按 NC-01、NC-02；找不到对应自评表为说明',
  messages: ['综述“{项目}”写得分 {填报数}，自评表总分为 {应为}'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    const loaded = loadedSelfEvals(ctx);
    for (const p of ctx.paras) {
      if (p.heading) continue;
      const t = compactText(p.text);
      // As published: `“X”项目绩效自评综述：`, also with a comma, or the name straight before 根据年初设定的绩效目标.
      const project = /^[“"](.+?)[”"](?:项目绩效自评综述[:：,，]|(?=根据年初设定的绩效目标))/.exec(t);
      const unit = /^(.+?)部门\(单位\)整体支出绩效自评综述[:：]/.exec(t);
      const result = /最终评分结果[:：](.+?)项目绩效自评价结果为/.exec(t);
      const name = project?.[1] ?? unit?.[1] ?? result?.[1];
      if (!name) continue;
      const kind = unit ? 'department-selfeval' : 'project-selfeval';
      const table = loaded.find((x) => x.kind === kind && sameName(x.facts.name, name));
      if (!table) {
        out.push(ctx.finding(p, 'NC-10', 'info', name, null, `未载入名称为“${name}”的${kind === 'project-selfeval' ? '项目支出' : '部门（单位）整体'}绩效自评表，综述无法核对`));
        continue;
      }
      const f = table.facts;
      const at = `（${table.sheet}）`;
      const add = (severity: Severity, stated: string, expected: string, message: string) => out.push(ctx.finding(p, 'NC-10', severity, stated, expected, message));

      if (result) {
        const ind = INDICATOR_SCORE.exec(t);
        const exe = BUDGET_SCORE.exec(t);
        const tot = TOTAL_SCORE.exec(t);
        const grade = /属于[“"]([优良中差])[”"]/.exec(t);
        if (ind) {
          const s = scoreSeverity(dec(ind[1]), f.indicatorScore);
          if (s) add(s, ind[1], scoreText(f.indicatorScore), `综述的指标完成情况得分 ${ind[1]} 与自评表${at}各项指标得分之和 ${scoreText(f.indicatorScore)} 不符`);
        }
        if (ind && exe && tot) {
          const sum = dec(exe[1]).plus(dec(ind[1]));
          const s = scoreSeverity(dec(tot[1]), sum);
          if (s) add(s, tot[1], scoreText(sum), `综述的总得分 ${tot[1]} 不等于预算执行情况得分 ${exe[1]} 加指标完成情况得分 ${ind[1]}（${scoreText(sum)}）`);
        }
        if (tot && grade && gradeOf(dec(tot[1])) !== grade[1]) add('error', grade[1], gradeOf(dec(tot[1])), `总得分 ${tot[1]} 分对应等级“${gradeOf(dec(tot[1]))}”，综述写作“${grade[1]}”`);
        continue;
      }

      const score = (kind === 'project-selfeval' ? PROJECT_SCORE : UNIT_SCORE).exec(t);
      if (score && f.total !== null && !dec(score[1]).eq(f.total)) {
        add('error', score[1], f.totalText ?? '', `综述的自评得分 ${score[1]} 与自评表${at}${f.totalStated ? '所列总分' : '重算的总分'} ${f.totalText} 不符`);
      }
      const grade = /自评等级为[“"]([优良中差])[”"]/.exec(t);
      if (grade && f.grade && grade[1] !== f.grade) add('error', grade[1], f.grade, `综述的自评等级“${grade[1]}”与自评表${at}的等级“${f.grade}”不符`);
      const full = FULL_BUDGET.exec(t);
      const exec = EXECUTED.exec(t);
      for (const [m, tableValue, label] of [[full, f.full, '全年预算数'], [exec, f.exec, '全年执行数']] as const) {
        if (!m || tableValue === null) continue;
        // One conversion for text and table, whichever is in 元 (units.ts); the check's reading of the cell.
        const both = inCommonUnit(dec(m[1]), m[2], tableValue, f.unit);
        if (quotesExactly(both.text, decimalsOf(m[1]), both.table)) continue;
        const d = both.text.minus(both.table).abs();
        const expected = `${fixed(both.table, 2)}${both.unit}`;
        const converted = both.unit !== f.unit ? `（表中 ${fixed(tableValue, 2)}${f.unit}）` : '';
        add(d.lte(CENT) ? 'rounding' : 'error', `${m[1]}${m[2]}`, expected, `综述的${label} ${m[1]}${m[2]} 与自评表${at}资金总额行的 ${expected}${converted} 不符`);
      }
      const rate = EXECUTION_RATE.exec(t);
      if (rate && full && exec) {
        const den = dec(full[1]);
        if (!den.isZero()) {
          const exact = dec(exec[1]).div(den).times(100);
          const shown = halfUp(exact, decimalsOf(rate[1]));
          const d = dec(rate[1]).minus(shown).abs();
          if (!d.isZero()) {
            add(dec(rate[1]).minus(exact).abs().lte(CENT) ? 'rounding' : 'error', `${rate[1]}%`, `${fixed(halfUp(exact, 2), 2)}%`, `综述的执行率 ${rate[1]}% 按其执行数 ${exec[1]} ÷ 全年预算数 ${full[1]} 应为 ${fixed(halfUp(exact, 2), 2)}%`);
          }
        }
      }
    }
    return out;
  },
};

export default rule;
