import { coded, GRule, identity, term } from './kit';

const R: GRule = {
  id: 'G-INTER-12',
  title: '一般公共预算财政拨款支出决算表 合计行 基本支出（栏2）= 基本支出表 人员经费合计 + 公用经费合计',
  instances: (ctx) => {
    const gb = ctx.one('general-budget-expenditure');
    const be = ctx.one('basic-expenditure');
    if (!gb || !be?.be) return [];
    const { personnel, public: pub } = be.be;
    return identity(R.id, coded(gb, null, 2), [personnel?.basic ? term(be, personnel.basic) : null, pub?.basic ? term(be, pub.basic) : null],
      `${gb.sheet.name} 合计行基本支出 = ${be.sheet.name} 人员经费合计 + 公用经费合计`);
  },
};

export default R;
