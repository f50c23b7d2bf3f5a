import { codedTerm, gRule, GRule, identity, line } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-08',
  title: '财政拨款总表与一般公共预算支出表：本年支出合计',
  formula: '财政拨款收入支出决算总表 本年支出合计（行59，栏3）= 一般公共预算财政拨款支出决算表 合计行 小计',
  tables: ['fiscal-summary', 'general-budget-expenditure'],
  kind: 'eq',
  instances: (ctx) => {
    const fs = ctx.one('fiscal-summary');
    const gb = ctx.one('general-budget-expenditure');
    if (!fs || !gb) return [];
    return identity(R.id, line(fs, 59, 3), [codedTerm(gb, null, 1)], `${fs.sheet.name} 一般公共预算财政拨款本年支出合计（行59，栏3）= ${gb.sheet.name} 合计行小计`);
  },
});

export default R;
