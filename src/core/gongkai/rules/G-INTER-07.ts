import { codedTerm, gRule, GRule, identity, line } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-07',
  title: '财政拨款总表与收入表：财政拨款本年收入',
  formula: '财政拨款收入支出决算总表 本年收入合计（行27）= 收入决算表 合计行 财政拨款收入（栏2）',
  tables: ['fiscal-summary', 'income'],
  kind: 'eq',
  instances: (ctx) => {
    const fs = ctx.one('fiscal-summary');
    const inc = ctx.one('income');
    if (!fs || !inc) return [];
    return identity(R.id, line(fs, 27), [codedTerm(inc, null, 2)], `${fs.sheet.name} 本年收入合计（行27）= ${inc.sheet.name} 合计行财政拨款收入`);
  },
});

export default R;
