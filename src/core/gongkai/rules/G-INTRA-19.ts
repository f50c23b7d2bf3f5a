import { gRule, GRule, identity, line, lineTerm, range } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-19',
  title: '财政拨款总表：合计栏 = 各资金栏',
  formula: '财政拨款支出合计栏（栏2）= 一般公共预算 + 政府性基金 + 国有资本经营（栏3–5），行33–64 每行',
  tables: ['fiscal-summary'],
  kind: 'eq',
  instances: (ctx) =>
    ctx.all('fiscal-summary').flatMap((t) =>
      range(33, 64).flatMap((k) =>
        identity(R.id, line(t, k, 2), [lineTerm(t, k, 3), lineTerm(t, k, 4), lineTerm(t, k, 5)], `${t.sheet.name} 行${k} 合计栏（栏2）= 栏3 + 栏4 + 栏5`),
      ),
    ),
});

export default R;
