import { gRule, GRule, lineSum } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-15',
  title: '财政拨款总表：年初结转和结余',
  formula: '年初财政拨款结转和结余（行28）= 行29 + 行30 + 行31',
  tables: ['fiscal-summary'],
  kind: 'eq',
  instances: (ctx) => ctx.all('fiscal-summary').flatMap((t) => lineSum(R.id, t, 28, [29, 30, 31], `${t.sheet.name} 年初财政拨款结转和结余（行28）= 分资金来源的结转和结余（行29–31）之和`)),
});

export default R;
