import { gRule, GRule, lineSum, range } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-01',
  title: '总表：本年收入合计',
  formula: '本年收入合计（行27）= 行1–26 之和',
  tables: ['income-expenditure-summary'],
  kind: 'eq',
  instances: (ctx) => ctx.all('income-expenditure-summary').flatMap((t) => lineSum(R.id, t, 27, range(1, 26), `${t.sheet.name} 本年收入合计（行27）= 各项收入（行1–26）之和`)),
});

export default R;
