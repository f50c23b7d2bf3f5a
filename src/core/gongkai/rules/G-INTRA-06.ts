import { gRule, GRule, identity, line, lineTerm } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-06',
  title: '总表：年末结转和结余（推导）',
  formula: '年末结转和结余（行60）= 行29 + 行27 + 行28 − 行58 − 行59',
  tables: ['income-expenditure-summary'],
  kind: 'eq',
  derived: true,
  instances: (ctx) => ctx.all('income-expenditure-summary').flatMap((t) => identity(R.id, line(t, 60), [lineTerm(t, 29), lineTerm(t, 27), lineTerm(t, 28), lineTerm(t, 58, undefined, -1), lineTerm(t, 59, undefined, -1)], `${t.sheet.name} 年末结转和结余（行60）= 年初结转和结余 + 本年收入合计 + 使用非财政拨款结余 − 本年支出合计 − 结余分配`, { derived: true })),
});

export default R;
