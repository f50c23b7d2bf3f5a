/** NC-04 — direction wording: 增加 with 下降, 减少 with 增长, 持平 with a change, or a signed rate (warning). */
import { Finding } from '../../findings';
import { norm } from '../../text';
import { amountRole, deltaDirection } from '../context';
import { rateStatements } from '../rates';
import { NRule } from './kit';

const rule: NRule = {
  id: 'NC-04',
  title: '增减用语前后一致',
  family: 'narrative',
  formula: '同一句中“增加”配“增长”、“减少”配“下降”；“持平”时变动额为 0；比率不带正负号',
  spec: 'narratives.md §4',
  severities: ['warning'],
  severityHow: '不一致即提示',
  messages: ['说明中“{引文}”用“{增减}”，而其比率“{比率}”用“{增长/下降}”，增减方向前后矛盾'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    for (const p of ctx.paras) {
      for (const s of rateStatements(ctx, p)) {
        if (s.directionConflict && s.a?.figure) {
          const dir = deltaDirection(s.a.figure, p) === 1 ? '增加' : '减少';
          out.push(ctx.finding(p, 'NC-04', 'warning', s.pct.text, null, `说明中“${s.a.figure.quote}”用“${dir}”，而其比率“${s.pct.quote}”用“${s.kind === 'growth' ? '增长' : '下降'}”，增减方向前后矛盾`));
        }
      }
      for (const f of p.figures) {
        if (f.kind === 'percent' && f.signed) {
          out.push(ctx.finding(p, 'NC-04', 'warning', f.text, null, `说明中“${f.quote}”带有正负号：增减应写作“增长/下降 x%”，不用符号`));
        }
      }
      // 持平/相同 in a clause that quotes a non-zero change.
      const clauses = p.text.split(/[。；;]/);
      let offset = 0;
      for (const clause of clauses) {
        const n = norm(clause);
        if (/持平|与上年相同|与上年度相同/.test(n)) {
          const deltas = p.figures.filter((f) => f.kind === 'amount' && f.start >= offset && f.start < offset + clause.length && amountRole(f, p) === 'delta' && !f.value.isZero());
          for (const d of deltas) out.push(ctx.finding(p, 'NC-04', 'warning', d.text, '0.00', `说明称“持平”，但同句写有变动额“${d.quote}”`));
        }
        offset += clause.length + 1;
      }
    }
    return out;
  },
};

export default rule;
