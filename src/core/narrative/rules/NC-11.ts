/**
 * NC-11 — 十三 预算绩效情况 against the loaded 自评表 (narratives.md §4, NT-13): the project count and the per-grade
 * counts are exact and add up (error); the project average at 2 dp (|d| ≤ 0.01 rounding); 涉及资金/自评金额 equals
 * Σ执行, Σ全年 or Σ年初 within 0.01 × tables (else warning). Runs only when the loaded set is complete — the
 * paragraph's project count equals the number of 项目支出绩效自评表 loaded; otherwise one info
 * `无法核对（已载入N张自评表）` per section, and nothing at all when the 十三 section is absent.
 */
import { Finding, Severity } from '../../findings';
import { Decimal, fixed, halfUp, ZERO } from '../../numbers';
import { gradeOf } from '../drafts/zongshu';
import { NRule } from './kit';
import { compactText, dec, inUnit, loadedSelfEvals } from './zs-kit';

const NUM = String.raw`(\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const CENT = new Decimal('0.01');
/** The paragraph's count of self-evaluated projects. */
const PROJECT_COUNT = new RegExp(`(?:进行项目绩效自评|二级项目绩效自评个数|共有)${NUM}个`);
/** Each grade's count; global for matchAll, which works on its own copy, so the shared lastIndex stays 0. */
const GRADE_COUNTS = new RegExp(`${NUM}个项目自评为[“"]([优良中差])[”"]`, 'g');
const AVERAGE_SCORE = new RegExp(`项目支出绩效进行自评[,，]绩效自评平均得分为${NUM}分|项目绩效自评平均得分为${NUM}分`);
const AMOUNT = new RegExp(`(?:涉及资金|自评金额)${NUM}(万元|元)`);

const rule: NRule = {
  id: 'NC-11',
  title: '预算绩效情况与自评表一致',
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
    if (!complete) {
      out.push(ctx.finding(infoAt, 'NC-11', 'info', null, null, `预算绩效情况与自评表无法核对（已载入${n}张项目支出绩效自评表${units.length ? `、${units.length}张整体绩效自评表` : ''}；说明所列项目个数与之不同或未列）`));
      return out;
    }
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
      if (stated.length && own) {
        const sum = stated.reduce((a, g) => a.plus(dec(g[1])), ZERO);
        if (!sum.eq(dec(own[1]))) add(p, 'error', `${sum.toString()}个`, `${own[1]}个`, `各等级项目个数之和 ${sum.toString()} 不等于自评项目个数 ${own[1]}`);
      }
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
        const unit = projects[0].facts.unit;
        const v = inUnit(dec(money[1]), money[2], unit);
        const sums = (['exec', 'full', 'init'] as const).map((k) => projects.reduce<Decimal | null>((a, x) => (a === null || x.facts[k] === null ? null : a.plus(x.facts[k]!)), ZERO));
        if (!sums.some((s) => s !== null && v.minus(s).abs().lte(CENT.times(n)))) {
          add(p, 'warning', `${money[1]}${money[2]}`, sums[0] ? `${fixed(sums[0], 2)}${unit}` : '', `涉及资金 ${money[1]}${money[2]} 与已载入自评表的全年执行数、全年预算数、年初预算数之和均不符（执行数合计 ${sums[0] ? fixed(sums[0], 2) : '—'}${unit}）`);
        }
      }
    }
    return out;
  },
};

export default rule;
