import { gRule, GRule, identity, line, lineTerm } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-20',
  title: '财政拨款总表：收支总计相等',
  formula: '支出总计（行64）合计栏 = 收入总计（行32）',
  tables: ['fiscal-summary'],
  kind: 'eq',
  instances: (ctx) => ctx.all('fiscal-summary').flatMap((t) => identity(R.id, line(t, 64, 2), [lineTerm(t, 32)], `${t.sheet.name} 支出总计（行64，合计栏）= 收入总计（行32）`)),
});

export default R;
