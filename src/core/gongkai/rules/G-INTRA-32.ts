import { GRule, identity, line, lineSum, lineTerm, range } from './kit';

const R: GRule = {
  id: 'G-INTRA-32',
  title: '车辆数合计（行7）= 各类车辆（行8–15）之和',
  instances: (ctx) => ctx.all('disclosure-stats').flatMap((t) => lineSum(R.id, t, 7, range(8, 15), `${t.sheet.name} 车辆数合计（行7）= 各类车辆（行8–15）之和`, undefined, { strength: 'count' })),
};

export default R;
