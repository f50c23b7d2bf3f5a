import { codedTerm, gRule, GRule, identity, line } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-01',
  title: '总表与收入表：本年收入合计',
  formula: '收入支出决算总表 本年收入合计（行27）= 收入决算表 合计行 本年收入合计（栏1）',
  tables: ['income-expenditure-summary', 'income'],
  kind: 'eq',
  instances: (ctx) => {
    const ie = ctx.one('income-expenditure-summary');
    const inc = ctx.one('income');
    if (!ie || !inc) return [];
    return identity(R.id, line(ie, 27), [codedTerm(inc, null, 1)], `${ie.sheet.name} 本年收入合计（行27）= ${inc.sheet.name} 合计行本年收入合计`);
  },
});

export default R;
