import { BE_COLUMN_LABEL, beColumns, classesOf, posOf } from './be';
import { gRule, GRule, identity, place, term } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-23',
  title: '基本支出表：经济分类 类 = 款之和',
  formula: '经济分类：每个类 = 其下各款之和（款可接续到下一栏块）',
  tables: ['basic-expenditure'],
  kind: 'eq',
  instances: (ctx) =>
    ctx.all('basic-expenditure').flatMap((t) => {
      const be = t.be!;
      return classesOf(be.items).flatMap((cls) => {
        const kids = be.items.filter((i) => i.code.length === 5 && i.code.startsWith(cls.code));
        if (kids.length === 0) return [];
        return beColumns(be.hasTotalColumn).flatMap((column) => {
          const stated = posOf(cls, column);
          return identity(R.id, stated && place(t, stated), kids.map((k) => {
            const p = posOf(k, column);
            return p && term(t, p);
          }), `${t.sheet.name} ${cls.code} ${cls.name}（${BE_COLUMN_LABEL[column]}）= 其下各款之和`);
        });
      });
    }),
});

export default R;
