import { gRule, GRule, lineSum, range } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-18',
  title: '财政拨款总表：支出总计',
  formula: '财政拨款支出总计（行64）= 行59 + 行60 + 行61 + 行62 + 行63，栏2–5 各栏',
  tables: ['fiscal-summary'],
  kind: 'eq',
  instances: (ctx) =>
    ctx.all('fiscal-summary').flatMap((t) =>
      [2, 3, 4, 5].flatMap((k) => lineSum(R.id, t, 64, range(59, 63), `${t.sheet.name} 支出总计（行64，栏${k}）= 本年支出合计 + 年末财政拨款结转和结余（行59–63）`, k)),
    ),
});

export default R;
