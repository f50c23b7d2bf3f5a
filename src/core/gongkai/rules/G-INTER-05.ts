import { codedTerm, FUNCTION_CLASSES, gRule, GRule, identity, line } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-05',
  title: '总表与支出表：各功能分类支出',
  formula: '收入支出决算总表 各功能分类支出（行32–57）= 支出决算表 对应类（3 位科目）本年支出合计；表中没有该类记为 0',
  tables: ['income-expenditure-summary', 'expenditure'],
  kind: 'eq',
  instances: (ctx) => {
    const ie = ctx.one('income-expenditure-summary');
    const exp = ctx.one('expenditure');
    if (!ie || !exp) return [];
    return FUNCTION_CLASSES.flatMap((cls, i) =>
      identity(R.id, line(ie, 32 + i), [codedTerm(exp, cls.code, 1)], `${ie.sheet.name} ${cls.name}支出（行${32 + i}）= ${exp.sheet.name} 类 ${cls.code} 本年支出合计`),
    );
  },
});

export default R;
