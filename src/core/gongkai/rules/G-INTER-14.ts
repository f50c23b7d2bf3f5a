import { a1 } from '../../address';
import { coded, codedTerm, everyRow, gRule, GRule, identity } from './kit';

const COLUMNS: [number, string][] = [[1, '小计/合计'], [2, '基本支出'], [3, '项目支出']];

/** 一般公共预算 spending is part of all spending: GB ≤ EXP per code and column, and every GB code is in EXP. */
const R: GRule = gRule({
  id: 'G-INTER-14',
  title: '一般公共预算支出不超过支出决算（逐科目）',
  formula: '一般公共预算财政拨款支出决算表 每个科目 ≤ 支出决算表 同一科目（小计、基本支出、项目支出），且该科目在支出决算表中存在',
  tables: ['general-budget-expenditure', 'expenditure'],
  kind: 'def',
  structure: { severities: ['error'], messages: ['{表名} 科目 {编码} {名称} 在 {支出决算表} 中没有对应的科目行：一般公共预算财政拨款支出必须包含在支出决算中'] },
  instances: (ctx) => {
    const gb = ctx.one('general-budget-expenditure');
    const exp = ctx.one('expenditure');
    if (!gb || !exp) return [];
    const expCodes = new Set(exp.codeRows.map((r) => r.code));
    return everyRow(gb)
      .filter((r) => r.code === null || expCodes.has(r.code))
      .flatMap((r) =>
        COLUMNS.flatMap(([k, name]) =>
          identity(R.id, coded(gb, r.code, k), [codedTerm(exp, r.code, k)], `${gb.sheet.name} ${r.label} ${name} 不应大于 ${exp.sheet.name} 同一科目`, { relation: 'le', strength: 'def' }),
        ),
      );
  },
  findings: (ctx) => {
    const gb = ctx.one('general-budget-expenditure');
    const exp = ctx.one('expenditure');
    if (!gb || !exp) return [];
    const expCodes = new Set(exp.codeRows.map((r) => r.code));
    return gb.codeRows
      .filter((r) => !expCodes.has(r.code))
      .map((r) => ({
        sheet: gb.sheet.name,
        cell: a1(r.row, gb.columns[0]?.col ?? 0),
        rule: R.id,
        severity: 'error' as const,
        stated: r.code,
        expected: null,
        message: `${gb.sheet.name} 科目 ${r.code} ${r.name} 在 ${exp.sheet.name} 中没有对应的科目行：一般公共预算财政拨款支出必须包含在支出决算中`,
      }));
  },
});

export default R;
