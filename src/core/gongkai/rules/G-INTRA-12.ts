import { codedTables, liveColumns } from './coded';
import { childrenOf } from '../model';
import { gRule, GRule, treeSums } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-12',
  title: '款 = 其下各项之和',
  formula: '每个款 = 其下各项之和，每一金额栏',
  tables: ['income', 'expenditure', 'general-budget-expenditure', 'gov-fund', 'state-capital'],
  kind: 'eq',
  batches: (ctx) =>
    codedTables(ctx).flatMap((t) => {
      const parents = t.codeRows
        .filter((r) => r.code.length === 5)
        .map((r) => ({ parent: r, row: r.row, children: childrenOf(t, r.code).map((k) => k.row) }))
        .filter((p) => p.children.length > 0);
      return treeSums(R.id, t, parents, liveColumns(ctx, t), (r, c) => `${t.sheet.name} 款 ${r.code} ${r.name}（${c.header || `栏${c.lanci}`}）= 其下各项之和`);
    }),
});

export default R;
