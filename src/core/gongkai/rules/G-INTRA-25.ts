import { BE_COLUMN_LABEL, beColumns, classesOf, posOf } from './be';
import { gRule, GRule, identity, place, term } from './kit';

const PERSONNEL = new Set(['301', '303']);

const R: GRule = gRule({
  id: 'G-INTRA-25',
  title: '基本支出表：公用经费合计',
  formula: '公用经费合计 = 其余各类（302、307、309、310、311、312、313、399 等）之和',
  tables: ['basic-expenditure'],
  kind: 'eq',
  instances: (ctx) =>
    ctx.all('basic-expenditure').flatMap((t) => {
      const be = t.be!;
      const parts = classesOf(be.items).filter((i) => !PERSONNEL.has(i.code));
      return beColumns(be.hasTotalColumn).flatMap((column) => {
        const stated = posOf(be.public, column);
        return identity(R.id, stated && place(t, stated), parts.map((i) => {
          const p = posOf(i, column);
          return p && term(t, p);
        }), `${t.sheet.name} 公用经费合计（${BE_COLUMN_LABEL[column]}）= ${parts.map((p) => p.code).join('、') || '各类'} 之和`);
      });
    }),
});

export default R;
