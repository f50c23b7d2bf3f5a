import { gRule, GRule, lineSum } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-31',
  title: '统计表：政府采购合计',
  formula: '政府采购合计（行1）= 货物 + 工程 + 服务（行2–4）',
  tables: ['disclosure-stats'],
  kind: 'eq',
  instances: (ctx) => ctx.all('disclosure-stats').flatMap((t) => lineSum(R.id, t, 1, [2, 3, 4], `${t.sheet.name} 政府采购合计（行1）= 货物 + 工程 + 服务（行2–4）`)),
});

export default R;
