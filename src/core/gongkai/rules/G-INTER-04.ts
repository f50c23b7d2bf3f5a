import { codedTerm, gRule, GRule, identity, line } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-04',
  title: '总表与支出表：本年支出合计',
  formula: '收入支出决算总表 本年支出合计（行58）= 支出决算表 合计行 本年支出合计（栏1）',
  tables: ['income-expenditure-summary', 'expenditure'],
  kind: 'eq',
  instances: (ctx) => {
    const ie = ctx.one('income-expenditure-summary');
    const exp = ctx.one('expenditure');
    if (!ie || !exp) return [];
    return identity(R.id, line(ie, 58), [codedTerm(exp, null, 1)], `${ie.sheet.name} 本年支出合计（行58）= ${exp.sheet.name} 合计行本年支出合计`);
  },
});

export default R;
