import { asTerm, gRule, GRule, identity, threePublic } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-27',
  title: '“三公”表：“三公”经费合计',
  formula: '“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费小计 + 公务接待费（预算数、决算数）',
  tables: ['three-public'],
  kind: 'eq',
  instances: (ctx) =>
    ctx.all('three-public').flatMap((t) =>
      ([[1, 2, 3, 6, '预算数'], [7, 8, 9, 12, '决算数']] as const).flatMap(([total, abroad, cars, reception, side]) =>
        identity(R.id, threePublic(t, total), [abroad, cars, reception].map((k) => asTerm(threePublic(t, k))),
          `${t.sheet.name} ${side}：合计（栏${total}）= 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费（栏${abroad}、${cars}、${reception}）`),
      ),
    ),
});

export default R;
