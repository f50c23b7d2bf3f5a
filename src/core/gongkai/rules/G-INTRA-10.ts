import { brokenAncestors, codedTables, liveColumns } from './coded';
import { gRule, GRule, treeSums } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-10',
  title: '合计行 = 各类之和',
  formula: '合计行 = 各类（3 位科目编码）之和，每一金额栏',
  tables: ['income', 'expenditure', 'general-budget-expenditure', 'gov-fund', 'state-capital'],
  kind: 'eq',
  batches: (ctx) =>
    codedTables(ctx).flatMap((t) => {
      if (t.totalRow === null || brokenAncestors(t).has('合计')) return [];
      const classes = t.codeRows.filter((r) => r.code.length === 3).map((r) => r.row);
      return treeSums(R.id, t, [{ parent: null, row: t.totalRow, children: classes }], liveColumns(ctx, t), (_, c) => `${t.sheet.name} 合计行（${c.header || `栏${c.lanci}`}）= 各类科目之和`);
    }),
});

export default R;
