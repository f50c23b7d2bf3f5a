import { a1 } from '../../address';
import { codedTables } from './coded';
import { orphans } from '../model';
import { gRule, GRule } from './kit';

const R: GRule = gRule({
  id: 'G-INTRA-13',
  title: '科目结构完整',
  formula: '科目结构：每个款、项都有上级科目行',
  tables: ['income', 'expenditure', 'general-budget-expenditure', 'gov-fund', 'state-capital'],
  kind: 'structure',
  structure: { severities: ['warning'], messages: ['{表名} 科目 {编码} {名称} 缺少上级{类/款}科目 {上级编码} 的行，相关的合计核对已跳过'] },
  findings: (ctx) =>
    codedTables(ctx).flatMap((t) =>
      orphans(t).map((o) => {
        const parent = o.code.slice(0, -2);
        const level = parent.length === 3 ? '类' : '款';
        const col = t.columns[0]?.col ?? 0;
        return {
          sheet: t.sheet.name,
          cell: a1(o.row, col),
          rule: R.id,
          severity: 'warning' as const,
          stated: o.code,
          expected: parent,
          message: `${t.sheet.name} 科目 ${o.code} ${o.name} 缺少上级${level}科目 ${parent} 的行，相关的合计核对已跳过`,
        };
      }),
    ),
});

export default R;
