import { GRule, identity, line, lineSum, lineTerm, range } from './kit';

const R: GRule = {
  id: 'G-INTRA-05',
  title: '支出总计（行62）= 收入总计（行31）',
  instances: (ctx) => ctx.all('income-expenditure-summary').flatMap((t) => lineSum(R.id, t, 62, [31], `${t.sheet.name} 支出总计（行62）= 收入总计（行31）`)),
};

export default R;
