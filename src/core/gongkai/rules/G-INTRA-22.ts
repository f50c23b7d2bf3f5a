import { FUNDS, gRule, GRule, identity, line, lineTerm } from './kit';

/** Derived: the year-end balance restates G-INTRA-16/18/21 from the other side. */
const R: GRule = gRule({
  id: 'G-INTRA-22',
  title: '财政拨款总表：年末结转和结余（推导）',
  formula: '年末财政拨款结转和结余（行60）= 年初结转和结余 + 本年收入 − 本年支出',
  tables: ['fiscal-summary'],
  kind: 'eq',
  derived: true,
  instances: (ctx) =>
    ctx.all('fiscal-summary').flatMap((t) => [
      ...identity(R.id, line(t, 60, 2), [lineTerm(t, 28), lineTerm(t, 27), lineTerm(t, 59, 2, -1)],
        `${t.sheet.name} 年末财政拨款结转和结余（行60，合计栏）= 年初结转和结余（行28）+ 本年收入合计（行27）− 本年支出合计（行59）`, { derived: true }),
      ...FUNDS.flatMap(([lanci, income, carried, fund]) =>
        identity(R.id, line(t, 60, lanci), [lineTerm(t, carried), lineTerm(t, income), lineTerm(t, 59, lanci, -1)],
          `${t.sheet.name} ${fund}：年末结转和结余（行60，栏${lanci}）= 年初（行${carried}）+ 本年收入（行${income}）− 本年支出（行59）`, { derived: true }),
      ),
    ]),
});

export default R;
