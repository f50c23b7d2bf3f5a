import { gRule, GRule, lineSum, range } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-14',
  title: '财政拨款总表：本年收入合计',
  formula: '财政拨款本年收入合计（行27）= 行1–26 之和',
  tables: ['fiscal-summary'],
  kind: 'eq',
  instances: (ctx) => ctx.all('fiscal-summary').flatMap((t) => lineSum(R.id, t, 27, range(1, 26), `${t.sheet.name} 本年收入合计（行27）= 各项财政拨款收入（行1–26）之和`)),
});

export default R;
