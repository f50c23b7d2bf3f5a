import { gRule, GRule, lineSum, range } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-32',
  title: '统计表：车辆数合计',
  formula: '车辆数合计（行7）= 各类车辆（行8–15）之和',
  tables: ['disclosure-stats'],
  kind: 'count',
  instances: (ctx) => ctx.all('disclosure-stats').flatMap((t) => lineSum(R.id, t, 7, range(8, 15), `${t.sheet.name} 车辆数合计（行7）= 各类车辆（行8–15）之和`, undefined, { strength: 'count' })),
});

export default R;
