import { BE_COLUMN_LABEL, beColumns, posOf } from './be';
import { gRule, GRule, identity, place, term } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-24',
  title: '基本支出表：人员经费合计',
  formula: '人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助',
  tables: ['basic-expenditure'],
  kind: 'eq',
  instances: (ctx) =>
    ctx.all('basic-expenditure').flatMap((t) => {
      const be = t.be!;
      return beColumns(be.hasTotalColumn).flatMap((column) => {
        const stated = posOf(be.personnel, column);
        const parts = be.items.filter((i) => i.code === '301' || i.code === '303');
        return identity(R.id, stated && place(t, stated), parts.map((i) => {
          const p = posOf(i, column);
          return p && term(t, p);
        }), `${t.sheet.name} 人员经费合计（${BE_COLUMN_LABEL[column]}）= 301 + 303`);
      });
    }),
});

export default R;
