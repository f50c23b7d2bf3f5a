import { GRule, identity, place, term } from './kit';
import { columnOf } from '../model';

const R: GRule = {
  id: 'G-INTRA-27',
  title: '“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费小计 + 公务接待费（预算数、决算数）',
  instances: (ctx) =>
    ctx.all('three-public').flatMap((t) => {
      if (t.dataRow === null) return [];
      const at = (k: number) => {
        const c = columnOf(t.columns, k);
        return c ? { row: t.dataRow!, col: c.col } : null;
      };
      return ([[1, 2, 3, 6, '预算数'], [7, 8, 9, 12, '决算数']] as const).flatMap(([total, abroad, cars, reception, side]) => {
        const s = at(total);
        return identity(R.id, s && place(t, s), [abroad, cars, reception].map((k) => {
          const p = at(k);
          return p && term(t, p);
        }), `${t.sheet.name} ${side}：合计（栏${total}）= 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费（栏${abroad}、${cars}、${reception}）`);
      });
    }),
};

export default R;
