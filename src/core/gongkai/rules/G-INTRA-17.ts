import { gRule, GRule, lineSum, range } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-17',
  title: '财政拨款总表：本年支出合计',
  formula: '财政拨款本年支出合计（行59）= 各功能分类支出（行33–58）之和，栏2–5 各栏',
  tables: ['fiscal-summary'],
  kind: 'eq',
  instances: (ctx) =>
    ctx.all('fiscal-summary').flatMap((t) =>
      [2, 3, 4, 5].flatMap((k) => lineSum(R.id, t, 59, range(33, 58), `${t.sheet.name} 本年支出合计（行59，栏${k}）= 各功能分类支出（行33–58）之和`, k)),
    ),
});

export default R;
