import { everyRow, GRule, rowIdentity } from './kit';

const R: GRule = {
  id: 'G-INTRA-09',
  title: '小计（栏1）= 基本支出 + 项目支出（栏2–3）',
  instances: (ctx) =>
    ctx.all('general-budget-expenditure').flatMap((t) =>
      everyRow(t).flatMap((r) => rowIdentity(R.id, t, r.row, 1, [[2, 1], [3, 1]], `${t.sheet.name} ${r.label}：小计（栏1）= 基本支出 + 项目支出`)),
    ),
};

export default R;
