import { codedTerm, FUNCTION_CLASSES, gRule, GRule, identity, line } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-11',
  title: '财政拨款总表与国有资本经营表',
  formula: '财政拨款收入支出决算总表 国有资本经营栏 = 国有资本经营预算财政拨款支出决算表 合计行及各类',
  tables: ['fiscal-summary', 'state-capital'],
  kind: 'eq',
  instances: (ctx) => {
    const fs = ctx.one('fiscal-summary');
    const sc = ctx.one('state-capital');
    if (!fs || !sc) return [];
    const n = sc.sheet.name;
    const eight = sc.columns.length >= 6;
    const spending = eight ? 3 : 1;
    return [
      ...identity(R.id, line(fs, 59, 5), [codedTerm(sc, null, spending)], `${fs.sheet.name} 国有资本经营本年支出合计（行59，栏5）= ${n} 合计行本年支出`),
      ...FUNCTION_CLASSES.flatMap((cls, i) =>
        identity(R.id, line(fs, 33 + i, 5), [codedTerm(sc, cls.code, spending)], `${fs.sheet.name} ${cls.name}支出（行${33 + i}，栏5）= ${n} 类 ${cls.code} 本年支出`),
      ),
      ...(eight
        ? [
            ...identity(R.id, line(fs, 3), [codedTerm(sc, null, 2)], `${fs.sheet.name} 国有资本经营预算财政拨款收入（行3）= ${n} 合计行本年收入`),
            ...identity(R.id, line(fs, 31), [codedTerm(sc, null, 1)], `${fs.sheet.name} 国有资本经营年初结转和结余（行31）= ${n} 合计行年初结转和结余`),
            ...identity(R.id, line(fs, 60, 5), [codedTerm(sc, null, 6)], `${fs.sheet.name} 国有资本经营年末结转和结余（行60，栏5）= ${n} 合计行年末结转和结余`),
          ]
        : []),
    ];
  },
});

export default R;
