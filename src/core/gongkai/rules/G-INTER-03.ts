import { codedTerm, gRule, GRule, identity, line } from './kit';

const PAIRS: [number, number, string][] = [
  [4, 3, '上级补助收入'], [5, 4, '事业收入'], [6, 5, '经营收入'], [7, 6, '附属单位上缴收入'], [8, 7, '其他收入'],
];

const R: GRule = gRule({
  id: 'G-INTER-03',
  title: '总表与收入表：其他各项收入',
  formula: '收入支出决算总表 行4–8 = 收入决算表 合计行 栏3–7',
  tables: ['income-expenditure-summary', 'income'],
  kind: 'eq',
  instances: (ctx) => {
    const ie = ctx.one('income-expenditure-summary');
    const inc = ctx.one('income');
    if (!ie || !inc) return [];
    return PAIRS.flatMap(([k, lanci, name]) =>
      identity(R.id, line(ie, k), [codedTerm(inc, null, lanci)], `${ie.sheet.name} ${name}（行${k}）= ${inc.sheet.name} 合计行${name}（栏${lanci}）`),
    );
  },
});

export default R;
