import { gRule, GRule, rowSums } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-09',
  title: '一般公共预算支出表：小计（逐行）',
  formula: '小计（栏1）= 基本支出 + 项目支出（栏2–3）',
  tables: ['general-budget-expenditure'],
  kind: 'eq',
  batches: (ctx) =>
    ctx.all('general-budget-expenditure').flatMap((t) =>
      rowSums(R.id, t, 1, [[2, 1], [3, 1]], (label) => `${t.sheet.name} ${label}：小计（栏1）= 基本支出 + 项目支出`),
    ),
});

export default R;
