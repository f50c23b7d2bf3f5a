import { coded, gRule, GRule, identity, term } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-12',
  title: '一般公共预算支出表与基本支出表：基本支出',
  formula: '一般公共预算财政拨款支出决算表 合计行 基本支出（栏2）= 基本支出表 人员经费合计 + 公用经费合计',
  tables: ['general-budget-expenditure', 'basic-expenditure'],
  kind: 'eq',
  instances: (ctx) => {
    const gb = ctx.one('general-budget-expenditure');
    const be = ctx.one('basic-expenditure');
    if (!gb || !be?.be) return [];
    const { personnel, public: pub } = be.be;
    return identity(R.id, coded(gb, null, 2), [personnel?.basic ? term(be, personnel.basic) : null, pub?.basic ? term(be, pub.basic) : null],
      `${gb.sheet.name} 合计行基本支出 = ${be.sheet.name} 人员经费合计 + 公用经费合计`);
  },
});

export default R;
