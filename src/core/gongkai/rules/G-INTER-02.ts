import { coded, gRule, GRule, identity, lineTerm } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-02',
  title: '收入表与总表：财政拨款收入',
  formula: '收入决算表 合计行 财政拨款收入（栏2）= 收入支出决算总表 行1 + 行2 + 行3',
  tables: ['income', 'income-expenditure-summary'],
  kind: 'eq',
  instances: (ctx) => {
    const ie = ctx.one('income-expenditure-summary');
    const inc = ctx.one('income');
    if (!ie || !inc) return [];
    return identity(R.id, coded(inc, null, 2), [lineTerm(ie, 1), lineTerm(ie, 2), lineTerm(ie, 3)], `${inc.sheet.name} 合计行财政拨款收入（栏2）= ${ie.sheet.name} 三项财政拨款收入（行1–3）之和`);
  },
});

export default R;
