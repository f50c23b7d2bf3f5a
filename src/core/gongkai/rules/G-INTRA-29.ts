import { everyRow, GRule, rowIdentity } from './kit';

const R: GRule = {
  id: 'G-INTRA-29',
  title: '本年支出小计（或合计）= 基本支出 + 项目支出，每一行',
  instances: (ctx) =>
    [...ctx.all('gov-fund'), ...ctx.all('state-capital')].flatMap((t) => {
      // 8-column layout: 栏3 小计 = 栏4 + 栏5; 5-column state-capital: 栏1 合计 = 栏2 + 栏3.
      const [stated, basic, project] = t.columns.length >= 6 ? [3, 4, 5] : [1, 2, 3];
      return everyRow(t).flatMap((r) =>
        rowIdentity(R.id, t, r.row, stated, [[basic, 1], [project, 1]], `${t.sheet.name} ${r.label}：本年支出（栏${stated}）= 基本支出 + 项目支出`),
      );
    }),
};

export default R;
