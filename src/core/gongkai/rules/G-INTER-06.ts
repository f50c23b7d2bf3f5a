import { gRule, GRule, identity, line, lineTerm } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-06',
  title: '财政拨款总表与总表：财政拨款收入',
  formula: '财政拨款收入支出决算总表 行1–3 = 收入支出决算总表 行1–3',
  tables: ['fiscal-summary', 'income-expenditure-summary'],
  kind: 'eq',
  instances: (ctx) => {
    const fs = ctx.one('fiscal-summary');
    const ie = ctx.one('income-expenditure-summary');
    if (!fs || !ie) return [];
    const names = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];
    return [1, 2, 3].flatMap((k) =>
      identity(R.id, line(fs, k), [lineTerm(ie, k)], `${fs.sheet.name} ${names[k - 1]}（行${k}）= ${ie.sheet.name} 行${k}`),
    );
  },
});

export default R;
