import { GRule, identity, place, term } from './kit';
import { columnOf } from '../model';

const R: GRule = {
  id: 'G-INTRA-28',
  title: '公务用车购置及运行费小计 = 购置费 + 运行（维护）费（预算数、决算数）',
  instances: (ctx) =>
    ctx.all('three-public').flatMap((t) => {
      if (t.dataRow === null) return [];
      const at = (k: number) => {
        const c = columnOf(t.columns, k);
        return c ? { row: t.dataRow!, col: c.col } : null;
      };
      return ([[3, 4, 5, '预算数'], [9, 10, 11, '决算数']] as const).flatMap(([subtotal, buy, run, side]) => {
        const s = at(subtotal);
        return identity(R.id, s && place(t, s), [buy, run].map((k) => {
          const p = at(k);
          return p && term(t, p);
        }), `${t.sheet.name} ${side}：公务用车小计（栏${subtotal}）= 购置费 + 运行（维护）费（栏${buy}、${run}）`);
      });
    }),
};

export default R;
