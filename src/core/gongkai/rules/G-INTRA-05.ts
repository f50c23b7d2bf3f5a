import { gRule, GRule, lineSum } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-05',
  title: '总表：收支总计相等',
  formula: '支出总计（行62）= 收入总计（行31）',
  tables: ['income-expenditure-summary'],
  kind: 'eq',
  instances: (ctx) => ctx.all('income-expenditure-summary').flatMap((t) => lineSum(R.id, t, 62, [31], `${t.sheet.name} 支出总计（行62）= 收入总计（行31）`)),
});

export default R;
