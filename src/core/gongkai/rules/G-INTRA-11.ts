import { brokenAncestors, codedTables, liveColumns } from './coded';
import { childrenOf } from '../model';
import { coded, codedTerm, GRule, identity } from './kit';

const R: GRule = {
  id: 'G-INTRA-11',
  title: '每个类 = 其下各款之和，每一金额栏',
  instances: (ctx) =>
    codedTables(ctx).flatMap((t) => {
      const broken = brokenAncestors(t);
      return t.codeRows
        .filter((r) => r.code.length === 3 && !broken.has(r.code))
        .flatMap((r) => {
          const kids = childrenOf(t, r.code);
          if (kids.length === 0) return [];
          return liveColumns(ctx, t).flatMap((c) =>
            identity(R.id, coded(t, r.code, c.lanci), kids.map((k) => codedTerm(t, k.code, c.lanci)), `${t.sheet.name} 类 ${r.code} ${r.name}（${c.header || `栏${c.lanci}`}）= 其下各款之和`),
          );
        });
    }),
};

export default R;
