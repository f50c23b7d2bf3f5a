/** NC-12 — an amount written with no unit word (Jiaozuo A18 `补贴经费 19.88 也列入此项`): info. */
import { Finding } from '../../findings';
import { NRule } from './kit';

const rule: NRule = {
  id: 'NC-12',
  title: '金额应带单位',
  family: 'narrative',
  formula: '说明中的金额带单位（元、万元）',
  spec: 'narratives.md §4',
  severities: ['info'],
  severityHow: '说明',
  messages: ['说明中的“{金额}”没有单位'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    for (const p of ctx.paras) {
      if (p.heading || !p.topic) continue;
      for (const f of p.figures) {
        if (f.kind !== 'bare') continue;
        out.push(ctx.finding(p, 'NC-12', 'info', f.text, null, `说明中的金额“${f.text}”没有写单位（万元或元）`));
      }
    }
    return out;
  },
};

export default rule;
