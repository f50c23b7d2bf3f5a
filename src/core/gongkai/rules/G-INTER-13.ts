import { coded, gRule, GRule, identity, term } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-13',
  title: '一般公共预算支出表与基本支出表：小计（16 栏）',
  formula: '一般公共预算财政拨款支出决算表 合计行 小计（栏1）= 支出决算明细表 人员经费合计 + 公用经费合计（金额栏，16 栏明细表）',
  tables: ['general-budget-expenditure', 'basic-expenditure'],
  kind: 'eq',
  instances: (ctx) => {
    const gb = ctx.one('general-budget-expenditure');
    const be = ctx.one('basic-expenditure');
    if (!gb || !be?.be?.hasTotalColumn) return [];
    const { personnel, public: pub } = be.be;
    return identity(R.id, coded(gb, null, 1), [personnel?.total ? term(be, personnel.total) : null, pub?.total ? term(be, pub.total) : null],
      `${gb.sheet.name} 合计行小计 = ${be.sheet.name} 人员经费合计 + 公用经费合计（金额）`);
  },
});

export default R;
