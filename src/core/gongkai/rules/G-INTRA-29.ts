import { gRule, GRule, rowSums } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-29',
  title: '基金/国资表：本年支出小计',
  formula: '本年支出小计（或合计）= 基本支出 + 项目支出，每一行',
  tables: ['gov-fund', 'state-capital'],
  kind: 'eq',
  batches: (ctx) =>
    [...ctx.all('gov-fund'), ...ctx.all('state-capital')].flatMap((t) => {
      // 8-column layout: 栏3 小计 = 栏4 + 栏5; 5-column state-capital: 栏1 合计 = 栏2 + 栏3.
      const [stated, basic, project] = t.columns.length >= 6 ? [3, 4, 5] : [1, 2, 3];
      return rowSums(R.id, t, stated, [[basic, 1], [project, 1]], (label) => `${t.sheet.name} ${label}：本年支出（栏${stated}）= 基本支出 + 项目支出`);
    }),
});

export default R;
