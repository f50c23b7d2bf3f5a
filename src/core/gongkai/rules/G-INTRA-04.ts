import { gRule, GRule, lineSum } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-04',
  title: '总表：支出总计',
  formula: '支出总计（行62）= 行58 + 行59 + 行60 + 行61',
  tables: ['income-expenditure-summary'],
  kind: 'eq',
  instances: (ctx) => ctx.all('income-expenditure-summary').flatMap((t) => lineSum(R.id, t, 62, [58, 59, 60, 61], `${t.sheet.name} 支出总计（行62）= 本年支出合计 + 结余分配 + 年末结转和结余（行58–61）`)),
});

export default R;
