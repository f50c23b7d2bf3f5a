import { codedTerm, FUNCTION_CLASSES, gRule, GRule, identity, line } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-10',
  title: '财政拨款总表与政府性基金表',
  formula: '财政拨款收入支出决算总表 政府性基金栏 = 政府性基金预算财政拨款收入支出决算表 合计行及各类',
  tables: ['fiscal-summary', 'gov-fund'],
  kind: 'eq',
  instances: (ctx) => {
    const fs = ctx.one('fiscal-summary');
    const gf = ctx.one('gov-fund');
    if (!fs || !gf) return [];
    const n = gf.sheet.name;
    return [
      ...identity(R.id, line(fs, 59, 4), [codedTerm(gf, null, 3)], `${fs.sheet.name} 政府性基金本年支出合计（行59，栏4）= ${n} 合计行本年支出小计`),
      ...identity(R.id, line(fs, 2), [codedTerm(gf, null, 2)], `${fs.sheet.name} 政府性基金预算财政拨款收入（行2）= ${n} 合计行本年收入`),
      ...identity(R.id, line(fs, 30), [codedTerm(gf, null, 1)], `${fs.sheet.name} 政府性基金年初结转和结余（行30）= ${n} 合计行年初结转和结余`),
      ...identity(R.id, line(fs, 60, 4), [codedTerm(gf, null, 6)], `${fs.sheet.name} 政府性基金年末结转和结余（行60，栏4）= ${n} 合计行年末结转和结余`),
      ...FUNCTION_CLASSES.flatMap((cls, i) =>
        identity(R.id, line(fs, 33 + i, 4), [codedTerm(gf, cls.code, 3)], `${fs.sheet.name} ${cls.name}支出（行${33 + i}，栏4）= ${n} 类 ${cls.code} 本年支出小计`),
      ),
    ];
  },
});

export default R;
