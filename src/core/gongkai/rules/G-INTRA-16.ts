import { gRule, GRule, lineSum } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-16',
  title: '财政拨款总表：收入总计',
  formula: '收入总计（行32）= 行27 + 行28',
  tables: ['fiscal-summary'],
  kind: 'eq',
  instances: (ctx) => ctx.all('fiscal-summary').flatMap((t) => lineSum(R.id, t, 32, [27, 28], `${t.sheet.name} 收入总计（行32）= 本年收入合计 + 年初财政拨款结转和结余（行27–28）`)),
});

export default R;
