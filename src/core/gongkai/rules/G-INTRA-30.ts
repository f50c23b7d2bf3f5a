import { gRule, GRule, rowSums } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-30',
  title: '基金/国资表：年末结转和结余',
  formula: '年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出小计，每一行',
  tables: ['gov-fund', 'state-capital'],
  kind: 'eq',
  batches: (ctx) =>
    [...ctx.all('gov-fund'), ...ctx.all('state-capital')]
      .filter((t) => t.columns.length >= 6)
      .flatMap((t) =>
        rowSums(R.id, t, 6, [[1, 1], [2, 1], [3, -1]], (label) => `${t.sheet.name} ${label}：年末结转和结余（栏6）= 年初（栏1）+ 本年收入（栏2）− 本年支出（栏3）`),
      ),
});

export default R;
