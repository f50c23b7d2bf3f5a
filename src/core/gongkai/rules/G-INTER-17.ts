import { gRule, GRule, identity, line, lineTerm, term } from './kit';

/** Plausibility: 机关运行经费 is a part of 公用经费 (equal only for purely 行政/参公 departments, N-10). */
const R: GRule = gRule({
  id: 'G-INTER-17',
  title: '机关运行经费不超过公用经费',
  formula: '统计表 机关运行经费（行5 + 行6）≤ 基本支出表 公用经费合计',
  tables: ['disclosure-stats', 'basic-expenditure'],
  kind: 'plaus',
  instances: (ctx) => {
    const ds = ctx.one('disclosure-stats');
    const be = ctx.one('basic-expenditure');
    const pub = be?.be?.public?.basic;
    if (!ds || !be || !pub) return [];
    return identity(R.id, line(ds, 5), [term(be, pub), lineTerm(ds, 6, undefined, -1)],
      `${ds.sheet.name} 机关运行经费（行5 + 行6）不应大于 ${be.sheet.name} 公用经费合计`, { relation: 'le', strength: 'plaus' });
  },
});

export default R;
