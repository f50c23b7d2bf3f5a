import { asTerm, gRule, GRule, identity, place, threePublic } from './kit';

const PAIRS: [string, number, string][] = [
  ['30212', 8, '因公出国（境）费用'], ['30217', 12, '公务接待费'], ['30231', 11, '公务用车运行维护费'], ['31013', 10, '公务用车购置'],
];

/** Plausibility: the basic-spending part of a 三公 item cannot exceed the item's 决算 (which adds 项目支出). */
const R: GRule = gRule({
  id: 'G-INTER-16',
  title: '“三公”明细科目不超过“三公”经费表',
  formula: '基本支出表 30212/30217/30231/31013 ≤ “三公”经费表 对应决算数',
  tables: ['basic-expenditure', 'three-public'],
  kind: 'plaus',
  instances: (ctx) => {
    const be = ctx.one('basic-expenditure');
    const tp = ctx.one('three-public');
    if (!be?.be || !tp) return [];
    const model = be.be;
    return PAIRS.flatMap(([code, lanci, name]) => {
      const item = model.items.find((i) => i.code === code);
      const pos = item ? (model.hasTotalColumn ? item.total : item.basic) : null;
      return identity(R.id, pos && place(be, pos), [asTerm(threePublic(tp, lanci))],
        `${be.sheet.name} ${code} ${name} 不应大于 ${tp.sheet.name} 决算数栏${lanci}`, { relation: 'le', strength: 'plaus' });
    });
  },
});

export default R;
