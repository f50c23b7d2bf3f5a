import { gRule, GRule, identity, place, term } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-26',
  title: '基本支出表：基本支出不超过金额',
  formula: '其中：基本支出 ≤ 金额（16 栏明细表）',
  tables: ['basic-expenditure'],
  kind: 'def',
  instances: (ctx) =>
    ctx.all('basic-expenditure').flatMap((t) => {
      const be = t.be!;
      if (!be.hasTotalColumn) return [];
      const rows = [
        ...be.items.map((i) => ({ label: `${i.code} ${i.name}`, basic: i.basic, total: i.total })),
        ...(be.personnel ? [{ label: '人员经费合计', ...be.personnel }] : []),
        ...(be.public ? [{ label: '公用经费合计', ...be.public }] : []),
      ];
      return rows.flatMap((r) =>
        r.basic && r.total
          ? identity(R.id, place(t, r.basic), [term(t, r.total)], `${t.sheet.name} ${r.label}：其中基本支出不应大于金额`, { relation: 'le', strength: 'def' })
          : [],
      );
    }),
});

export default R;
