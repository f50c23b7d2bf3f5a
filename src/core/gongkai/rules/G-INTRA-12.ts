import { codedTables, liveColumns } from './coded';
import { childrenOf } from '../model';
import { coded, codedTerm, GRule, identity } from './kit';

const R: GRule = {
  id: 'G-INTRA-12',
  title: '每个款 = 其下各项之和，每一金额栏',
  instances: (ctx) =>
    codedTables(ctx).flatMap((t) =>
      t.codeRows
        .filter((r) => r.code.length === 5)
        .flatMap((r) => {
          const kids = childrenOf(t, r.code);
          if (kids.length === 0) return [];
          return liveColumns(ctx, t).flatMap((c) =>
            identity(R.id, coded(t, r.code, c.lanci), kids.map((k) => codedTerm(t, k.code, c.lanci)), `${t.sheet.name} 款 ${r.code} ${r.name}（${c.header || `栏${c.lanci}`}）= 其下各项之和`),
          );
        }),
    ),
};

export default R;
