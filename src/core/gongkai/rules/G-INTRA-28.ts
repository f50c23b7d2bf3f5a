import { asTerm, gRule, GRule, identity, threePublic } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-28',
  title: '“三公”表：公务用车小计',
  formula: '公务用车购置及运行费小计 = 购置费 + 运行（维护）费（预算数、决算数）',
  tables: ['three-public'],
  kind: 'eq',
  instances: (ctx) =>
    ctx.all('three-public').flatMap((t) =>
      ([[3, 4, 5, '预算数'], [9, 10, 11, '决算数']] as const).flatMap(([subtotal, buy, run, side]) =>
        identity(R.id, threePublic(t, subtotal), [buy, run].map((k) => asTerm(threePublic(t, k))),
          `${t.sheet.name} ${side}：公务用车小计（栏${subtotal}）= 购置费 + 运行（维护）费（栏${buy}、${run}）`),
      ),
    ),
});

export default R;
