import { brokenAncestors, codedTables, liveColumns } from './coded';
import { childrenOf } from '../model';
import { gRule, GRule, treeSums } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-11',
  title: '类 = 其下各款之和',
  formula: '每个类 = 其下各款之和，每一金额栏',
  tables: ['income', 'expenditure', 'general-budget-expenditure', 'gov-fund', 'state-capital'],
  kind: 'eq',
  batches: (ctx) =>
    codedTables(ctx).flatMap((t) => {
      const broken = brokenAncestors(t);
      const parents = t.codeRows
        .filter((r) => r.code.length === 3 && !broken.has(r.code))
        .map((r) => ({ parent: r, row: r.row, children: childrenOf(t, r.code).map((k) => k.row) }))
        .filter((p) => p.children.length > 0);
      return treeSums(R.id, t, parents, liveColumns(ctx, t), (r, c) => `${t.sheet.name} 类 ${r.code} ${r.name}（${c.header || `栏${c.lanci}`}）= 其下各款之和`);
    }),
});

export default R;
