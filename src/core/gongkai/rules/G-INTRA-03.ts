import { gRule, GRule, lineSum } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-03',
  title: '总表：收入总计',
  formula: '收入总计（行31）= 行27 + 行28 + 行29 + 行30',
  tables: ['income-expenditure-summary'],
  kind: 'eq',
  instances: (ctx) => ctx.all('income-expenditure-summary').flatMap((t) => lineSum(R.id, t, 31, [27, 28, 29, 30], `${t.sheet.name} 收入总计（行31）= 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余（行27–30）`)),
});

export default R;
