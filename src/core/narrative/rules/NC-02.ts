/** NC-02 — every rate is recomputed from the amounts of its own sentence (G-INTRA-34; identities.md §2.4). */
import { Finding } from '../../findings';
import { fixed } from '../../numbers';
import { denominatorOf, rateStatements, RateStatement } from '../rates';
import { checkRate, NRule } from './kit';

/** The formula with each input named and its source given: what an accountant needs to redo the sum by hand. */
function formulaText(s: RateStatement): string {
  const a = `${s.a!.label}（${s.a!.source}）`;
  const b = `${s.b!.label}（${s.b!.source}）`;
  if (s.formula === 'growth') return `增减额 ${a} ÷ 上年数（${b} − ${s.a!.figure?.text ?? s.a!.label}）`;
  if (s.formula === 'decline') return `增减额 ${a} ÷ 上年数（${b} + ${s.a!.figure?.text ?? s.a!.label}）`;
  return `分子 ${a} ÷ 分母 ${b}`;
}

const rule: NRule = {
  id: 'NC-02',
  title: '说明中的比率按同句金额重新计算一致',
  family: 'narrative',
  formula: '说明中的比率按同句的金额重算：占比 = 部分 ÷ 整体；增长 = 增加额 ÷（本年 − 增加额）；下降 = 减少额 ÷（本年 + 减少额）；完成预算的 = 决算 ÷ 预算',
  spec: 'narratives.md §4（实现 identities.md G-INTRA-34）',
  severities: ['error', 'rounding', 'info'],
  severityHow: '按印出的小数位四舍五入比较：相等通过；相差 ≤ 0.01 个百分点或输入在末位 ±半个单位内可得为尾数误差；算对但少于 2 位小数为说明；其余为错误',
  messages: ['说明中“{引文}”为 {比率}，按 {分子} ÷ {分母} 应为 {应为}'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    for (const p of ctx.paras) {
      for (const s of rateStatements(ctx, p)) {
        if (s.unchecked) {
          out.push(ctx.finding(p, 'NC-02', 'info', s.pct.text, null, `说明中“${s.pct.quote}”未核对：${s.unchecked}`));
          continue;
        }
        if (!s.a || !s.b || s.directionConflict) continue;
        const den = denominatorOf(s);
        if (!den || den.isZero()) continue; // 0/0 not evaluated; a zero denominator is NC-08
        const c = checkRate(s.pct, s.formula, s.a, s.b);
        if (!c || !c.severity) continue;
        const expected = `${fixed(c.exact, Math.max(2, c.printed))}%`;
        const how = formulaText(s);
        let message: string;
        if (c.precision) message = `说明中“${s.pct.quote}”：按 ${how} 计算为 ${expected}，比率应保留 2 位小数`;
        else if (c.severity === 'rounding') message = `说明中“${s.pct.quote}”：按 ${how} 计算应为 ${expected}（尾数误差）`;
        else message = `说明中“${s.pct.quote}”：按 ${how} 计算应为 ${expected}，即使考虑金额的尾数也得不到 ${s.pct.text}`;
        out.push(ctx.finding(p, 'NC-02', c.severity, s.pct.text, expected, message, {
          difference: `${fixed(s.pct.value.minus(c.exact), Math.max(2, c.printed))} pp`,
        }));
      }
    }
    return out;
  },
};

export default rule;
