import { FUNCTION_CLASSES, gRule, GRule, identity, line, lineTerm } from './kit';

/** Fiscal money is part of all money: FS ≤ IE (identities.md G-INTER-15; equality only under G-INTER-18). */
const R: GRule = gRule({
  id: 'G-INTER-15',
  title: '财政拨款收支不超过全部收支',
  formula: '财政拨款收入支出决算总表 各类支出、本年支出合计、年初/年末结转和结余 ≤ 收入支出决算总表 对应数',
  tables: ['fiscal-summary', 'income-expenditure-summary'],
  kind: 'def',
  instances: (ctx) => {
    const fs = ctx.one('fiscal-summary');
    const ie = ctx.one('income-expenditure-summary');
    if (!fs || !ie) return [];
    const le = { relation: 'le' as const, strength: 'def' as const };
    const f = fs.sheet.name;
    const i = ie.sheet.name;
    return [
      ...FUNCTION_CLASSES.flatMap((cls, k) =>
        identity(R.id, line(fs, 33 + k, 2), [lineTerm(ie, 32 + k)], `${f} ${cls.name}支出（行${33 + k}）不应大于 ${i} 行${32 + k}`, le),
      ),
      ...identity(R.id, line(fs, 59, 2), [lineTerm(ie, 58)], `${f} 本年支出合计（行59）不应大于 ${i} 本年支出合计（行58）`, le),
      ...identity(R.id, line(fs, 28), [lineTerm(ie, 29)], `${f} 年初财政拨款结转和结余（行28）不应大于 ${i} 年初结转和结余（行29）`, le),
      ...identity(R.id, line(fs, 60, 2), [lineTerm(ie, 60)], `${f} 年末财政拨款结转和结余（行60）不应大于 ${i} 年末结转和结余（行60）`, le),
    ];
  },
});

export default R;
