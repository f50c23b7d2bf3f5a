/**
 * NC-11 — 十三 预算绩效情况 against the loaded 自评表 (narratives.md §4, NT-13): the project count and the per-grade
 * counts are exact and add up (error); the project average at 2 dp (|d| ≤ 0.01 rounding); 涉及资金/自评金额 equals
 * Σ执行, Σ全年 or Σ年初 within 0.01 × tables (else warning). Runs only when the loaded set is complete — the
 * paragraph's project count equals the number of 项目支出绩效自评表 loaded; otherwise one info
 * `无法核对（已载入N张自评表）` per section, and nothing at all when the 十三 section is absent.
 */
import { Finding, Severity } from '../../findings';
import { Decimal, fixed, halfUp, ZERO } from '../../numbers';
import { NarrativeContext, Para } from '../context';
import { gradeOf } from '../drafts/zongshu';
import { NRule } from './kit';
import { inCommonUnit, quotesExactly } from '../units';
import { compactText, dec, decimalsOf, LoadedSelfEval, loadedSelfEvals } from './zs-kit';

const NUM = String.raw`(\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const CENT = new Decimal('0.01');
/** The paragraph's count of self-evaluated projects. */
const PROJECT_COUNT = new RegExp(`(?:进行项目绩效自评|二级项目绩效自评个数|共有)${NUM}个`);
/** Each grade's count; global for matchAll, which works on its own copy, so the shared lastIndex stays 0. */
const GRADE_COUNTS = new RegExp(`${NUM}个项目自评(?:等级)?为[“"]([优良中差])[”"]`, 'g');
const AVERAGE_SCORE = new RegExp(`项目支出绩效进行自评[,，]绩效自评平均得分为${NUM}分|项目绩效自评平均得分为${NUM}分`);
const AMOUNT = new RegExp(`(?:涉及资金|自评金额)${NUM}(万元|元)`);

const UNIT_AVERAGE = new RegExp(`部门整体(?:支出)?绩效自评平均得分为${NUM}分`);
/** How many 部门整体 self-evaluations the paragraph says were done (`对所属6个单位开展部门整体支出绩效自评`). */
const UNIT_COUNT = new RegExp(`${NUM}个(?:部门|单位|预算单位|所属单位|二级单位)[^。；]{0,16}?整体|整体(?:支出)?绩效自评(?:个数|共)?(?:为)?${NUM}个`);

/**
 * 13-2 A's 部门整体绩效自评平均得分 against the mean of the loaded 整体自评表 (stated 总分, recomputed when empty),
 * only when the workbook holds as many of them as the paragraph counts: with fewer or more, or no count in the text,
 * the mean of what is loaded proves nothing. Returns the reason it was not checked (for the section's info), or null.
 */
function departmentAverage(ctx: NarrativeContext, section: Para[], texts: Map<Para, string>, units: LoadedSelfEval[], out: Finding[]): { para: Para; why: string } | null {
  for (const p of section) {
    const t = texts.get(p)!;
    const avg = UNIT_AVERAGE.exec(t);
    if (!avg) continue;
    const count = UNIT_COUNT.exec(t) ?? section.map((q) => UNIT_COUNT.exec(texts.get(q)!)).find(Boolean) ?? null;
    const stated = count ? dec(count[1] ?? count[2]) : null;
    if (units.length === 0) return { para: p, why: '未载入部门整体绩效自评表，整体平均得分未核对' };
    if (stated === null) return { para: p, why: `说明未写明做了部门整体绩效自评的单位个数，无法确认已载入的${units.length}张整体绩效自评表是否齐全，整体平均得分未核对` };
    if (!stated.eq(units.length)) return { para: p, why: `说明所列部门整体绩效自评${stated.toString()}个，已载入${units.length}张整体绩效自评表，整体平均得分未核对` };
    const totals = units.map((x) => x.facts.total);
    if (totals.some((x) => x === null)) return { para: p, why: '有整体绩效自评表的总分无法读取，整体平均得分未核对' };
    const mean = totals.reduce((a, b) => a!.plus(b!), ZERO)!.div(units.length);
    if (halfUp(mean, 2).eq(dec(avg[1]))) return null;
    const d = dec(avg[1]).minus(mean).abs();
    out.push(ctx.finding(p, 'NC-11', d.lte(CENT) ? 'rounding' : 'error', `${avg[1]}分`, `${fixed(halfUp(mean, 2), 2)}分`, `部门整体绩效自评平均得分应为已载入 ${units.length} 张整体绩效自评表总分的平均 ${fixed(halfUp(mean, 2), 2)} 分`));
    return null;
  }
  return null;
}

const rule: NRule = {
  id: 'NC-11',
  title: '预算绩效情况与自评表一致',
  family: 'narrative',
  formula: '十三 预算绩效情况与载入的自评表：项目数、各等级个数完全相等；平均分 2 位小数；涉及资金 = Σ 执行数、Σ 全年或 Σ 年初',
  spec: 'narratives.md §4',
  severities: ['error', 'rounding', 'warning', 'info'],
  severityHow: '个数不符为错误；平均分相差 ≤ 0.01 为尾数误差；涉及资金都对不上为提示；载入的自评表不全时只说明无法核对',
  messages: ['说明称 {项目数} 个项目，载入的自评表为 {载入数} 张', '无法核对（已载入{张数}张自评表）'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    const section = ctx.paras.filter((p) => p.topic === 'performance' && !p.heading);
    if (section.length === 0) return out;
    const loaded = loadedSelfEvals(ctx);
    const projects = loaded.filter((x) => x.kind === 'project-selfeval');
    const units = loaded.filter((x) => x.kind === 'department-selfeval');
    const n = projects.length;
    let complete = false;
    let infoAt = section[0];
    const texts = new Map(section.map((p) => [p, compactText(p.text)]));
    for (const p of section) {
      const m = PROJECT_COUNT.exec(texts.get(p)!);
      if (!m) continue;
      infoAt = p;
      if (n > 0 && dec(m[1]).eq(n)) complete = true;
    }
    const unitNote = departmentAverage(ctx, section, texts, units, out);
    if (!complete) {
      out.push(ctx.finding(infoAt, 'NC-11', 'info', null, null, `预算绩效情况与自评表无法核对（已载入${n}张项目支出绩效自评表${units.length ? `、${units.length}张整体绩效自评表` : ''}；说明所列项目个数与之不同或未列${unitNote ? `；${unitNote.why}` : ''}）`));
      return out;
    }
    if (unitNote) out.push(ctx.finding(unitNote.para, 'NC-11', 'info', null, null, unitNote.why));
    const add = (p: (typeof section)[number], severity: Severity, stated: string, expected: string, message: string) => out.push(ctx.finding(p, 'NC-11', severity, stated, expected, message));
    const grades = new Map<string, number>(['优', '良', '中', '差'].map((g) => [g, 0]));
    for (const x of projects) if (x.facts.total !== null) grades.set(gradeOf(x.facts.total), grades.get(gradeOf(x.facts.total))! + 1);
    for (const p of section) {
      const t = texts.get(p)!;
      // Completeness is per paragraph: one that counts another set of projects is not checked against this one.
      const own = PROJECT_COUNT.exec(t);
      if (own && !dec(own[1]).eq(n)) {
        out.push(ctx.finding(p, 'NC-11', 'info', `${own[1]}个`, `${n}个`, `本段所列 ${own[1]} 个项目与已载入的自评表不是同一组，无法核对（已载入${n}张自评表）`));
        continue;
      }
      // Per-grade counts: exact, and they add up to the stated count.
      const stated = [...t.matchAll(GRADE_COUNTS)];
      for (const g of stated) {
        const want = grades.get(g[2])!;
        if (!dec(g[1]).eq(want)) add(p, 'error', `${g[1]}个`, `${want}个`, `自评为“${g[2]}”的项目，说明写 ${g[1]} 个，已载入的自评表中有 ${want} 个`);
      }
      // That they add up to the stated count is NC-03's, which runs whether or not the tables are loaded.
      // Project average (NT-13 13-2 A).
      const avg = AVERAGE_SCORE.exec(t);
      const totals = projects.map((x) => x.facts.total);
      if (avg && totals.every((x) => x !== null)) {
        const v = avg[1] ?? avg[2];
        const mean = totals.reduce((a, b) => a!.plus(b!), ZERO)!.div(n);
        const d = dec(v).minus(mean).abs();
        if (!halfUp(mean, 2).eq(dec(v))) add(p, d.lte(CENT) ? 'rounding' : 'error', `${v}分`, `${fixed(halfUp(mean, 2), 2)}分`, `项目绩效自评平均得分应为已载入 ${n} 张自评表总分的平均 ${fixed(halfUp(mean, 2), 2)} 分`);
      }
      // 涉及资金 / 自评金额 = Σ执行, Σ全年 or Σ年初.
      const money = AMOUNT.exec(t);
      if (money) {
        const tableUnit = projects[0].facts.unit;
        const sums = (['exec', 'full', 'init'] as const).map((k) => projects.reduce<Decimal | null>((a, x) => (a === null || x.facts[k] === null ? null : a.plus(x.facts[k]!)), ZERO));
        const matches = (sum: Decimal | null) => {
          if (sum === null) return false;
          const both = inCommonUnit(dec(money[1]), money[2], sum, tableUnit);
          return quotesExactly(both.text, decimalsOf(money[1]), both.table) || both.text.minus(both.table).abs().lte(CENT.times(n));
        };
        if (!sums.some(matches)) {
          add(p, 'warning', `${money[1]}${money[2]}`, sums[0] ? `${fixed(sums[0], 2)}${tableUnit}` : '', `涉及资金 ${money[1]}${money[2]} 与已载入自评表的全年执行数、全年预算数、年初预算数之和均不符（执行数合计 ${sums[0] ? fixed(sums[0], 2) : '—'}${tableUnit}）`);
        }
      }
    }
    return out;
  },
};

export default rule;
