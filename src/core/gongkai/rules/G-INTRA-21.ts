import { GRule, identity, line, lineTerm } from './kit';

const FUNDS: [number, number, number, string][] = [
  [3, 1, 29, '一般公共预算财政拨款'],
  [4, 2, 30, '政府性基金预算财政拨款'],
  [5, 3, 31, '国有资本经营预算财政拨款'],
];

const R: GRule = {
  id: 'G-INTRA-21',
  title: '分资金来源：支出总计（行64）= 本年收入（行1–3）+ 年初结转和结余（行29–31）',
  instances: (ctx) =>
    ctx.all('fiscal-summary').flatMap((t) =>
      FUNDS.flatMap(([lanci, income, carried, fund]) =>
        identity(R.id, line(t, 64, lanci), [lineTerm(t, income), lineTerm(t, carried)], `${t.sheet.name} ${fund}：支出总计（行64，栏${lanci}）= 本年收入（行${income}）+ 年初结转和结余（行${carried}）`),
      ),
    ),
};

export default R;
