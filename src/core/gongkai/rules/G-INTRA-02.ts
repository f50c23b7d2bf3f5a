import { gRule, GRule, lineSum, range } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-02',
  title: '总表：本年支出合计',
  formula: '本年支出合计（行58）= 各功能分类支出（行32–57）之和',
  tables: ['income-expenditure-summary'],
  kind: 'eq',
  instances: (ctx) => ctx.all('income-expenditure-summary').flatMap((t) => lineSum(R.id, t, 58, range(32, 57), `${t.sheet.name} 本年支出合计（行58）= 各功能分类支出（行32–57）之和`)),
});

export default R;
