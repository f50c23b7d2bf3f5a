import { GRule, identity, line, lineSum, lineTerm, range } from './kit';

const R: GRule = {
  id: 'G-INTRA-15',
  title: '年初财政拨款结转和结余（行28）= 行29 + 行30 + 行31',
  instances: (ctx) => ctx.all('fiscal-summary').flatMap((t) => lineSum(R.id, t, 28, [29, 30, 31], `${t.sheet.name} 年初财政拨款结转和结余（行28）= 分资金来源的结转和结余（行29–31）之和`)),
};

export default R;
