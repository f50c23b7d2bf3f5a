import { brokenAncestors, codedTables, liveColumns } from './coded';
import { coded, codedTerm, GRule, identity } from './kit';

const R: GRule = {
  id: 'G-INTRA-10',
  title: '合计行 = 各类（3 位科目编码）之和，每一金额栏',
  instances: (ctx) =>
    codedTables(ctx).flatMap((t) => {
      if (brokenAncestors(t).has('合计')) return [];
      const classes = t.codeRows.filter((r) => r.code.length === 3);
      return liveColumns(ctx, t).flatMap((c) =>
        identity(R.id, coded(t, null, c.lanci), classes.map((r) => codedTerm(t, r.code, c.lanci)), `${t.sheet.name} 合计行（${c.header || `栏${c.lanci}`}）= 各类科目之和`),
      );
    }),
};

export default R;
