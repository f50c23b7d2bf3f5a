/** NC-08 — a rate stated over a zero or absent denominator (完成…预算的 x% with 预算 0, 执行率 with 全年 0). */
import { Finding } from '../../findings';
import { denominatorOf, rateStatements } from '../rates';
import { NRule } from './kit';

const rule: NRule = {
  id: 'NC-08',
  title: '分母为零时不应列示比率',
  family: 'narrative',
  formula: '分母为 0 或没有分母时不列示比率（“完成…预算的 x%”、执行率）',
  spec: 'narratives.md §4',
  severities: ['warning'],
  severityHow: '列示即提示',
  messages: ['{说明}的分母为 0，不应列示比率“{比率}”'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    for (const p of ctx.paras) {
      for (const s of rateStatements(ctx, p)) {
        if (s.kind !== 'completion' && s.kind !== 'execution') continue;
        const den = denominatorOf(s);
        if (!den || !den.isZero()) continue;
        const what = s.kind === 'execution' ? '全年预算数' : '预算数';
        out.push(ctx.finding(p, 'NC-08', 'warning', s.pct.text, null, `说明中“${s.pct.quote}”的${what}为 0（${s.b?.label ?? '0'}），比率无从计算，应删去该比率`));
      }
    }
    return out;
  },
};

export default rule;
