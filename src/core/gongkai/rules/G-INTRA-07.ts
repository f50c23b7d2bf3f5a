import { gRule, GRule, rowSums } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-07',
  title: '收入表：本年收入合计（逐行）',
  formula: '本年收入合计（栏1）= 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入（栏2–7）',
  tables: ['income'],
  kind: 'eq',
  batches: (ctx) =>
    ctx.all('income').flatMap((t) =>
      rowSums(R.id, t, 1, [[2, 1], [3, 1], [4, 1], [5, 1], [6, 1], [7, 1]], (label) => `${t.sheet.name} ${label}：本年收入合计（栏1）= 栏2–7 各项收入之和`),
    ),
});

export default R;
