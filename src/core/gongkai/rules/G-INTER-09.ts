import { codedTerm, FUNCTION_CLASSES, gRule, GRule, identity, line } from './kit';

const R: GRule = gRule({
  id: 'G-INTER-09',
  title: '财政拨款总表与一般公共预算支出表：各功能分类支出',
  formula: '财政拨款收入支出决算总表 各功能分类（行33–58，栏3）= 一般公共预算财政拨款支出决算表 对应类小计；没有该类记为 0',
  tables: ['fiscal-summary', 'general-budget-expenditure'],
  kind: 'eq',
  instances: (ctx) => {
    const fs = ctx.one('fiscal-summary');
    const gb = ctx.one('general-budget-expenditure');
    if (!fs || !gb) return [];
    return FUNCTION_CLASSES.flatMap((cls, i) =>
      identity(R.id, line(fs, 33 + i, 3), [codedTerm(gb, cls.code, 1)], `${fs.sheet.name} ${cls.name}支出（行${33 + i}，栏3）= ${gb.sheet.name} 类 ${cls.code} 小计`),
    );
  },
});

export default R;
