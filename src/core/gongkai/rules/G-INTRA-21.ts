import { FUNDS, gRule, GRule, identity, line, lineTerm } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-21',
  title: '财政拨款总表：分资金来源收支平衡',
  formula: '分资金来源：支出总计（行64）= 本年收入（行1–3）+ 年初结转和结余（行29–31）',
  tables: ['fiscal-summary'],
  kind: 'eq',
  instances: (ctx) =>
    ctx.all('fiscal-summary').flatMap((t) =>
      FUNDS.flatMap(([lanci, income, carried, fund]) =>
        identity(R.id, line(t, 64, lanci), [lineTerm(t, income), lineTerm(t, carried)], `${t.sheet.name} ${fund}：支出总计（行64，栏${lanci}）= 本年收入（行${income}）+ 年初结转和结余（行${carried}）`),
      ),
    ),
});

export default R;
