import { gRule, GRule, rowSums } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-08',
  title: '支出表：本年支出合计（逐行）',
  formula: '本年支出合计（栏1）= 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出（栏2–6）',
  tables: ['expenditure'],
  kind: 'eq',
  batches: (ctx) =>
    ctx.all('expenditure').flatMap((t) =>
      rowSums(R.id, t, 1, [[2, 1], [3, 1], [4, 1], [5, 1], [6, 1]], (label) => `${t.sheet.name} ${label}：本年支出合计（栏1）= 栏2–6 各项支出之和`),
    ),
});

export default R;
