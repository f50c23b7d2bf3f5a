import { Decimal } from '../../numbers';
import { coded, codedTerm, everyRow, gRule, GRule, identity } from './kit';

const COLUMNS: [number, string][] = [[1, '小计/合计'], [2, '基本支出'], [3, '项目支出']];
const CENT = new Decimal('0.01');

/** Conditional: when all spending is 一般公共预算 (GB 合计 = EXP 合计), the two tables agree row by row. */
const R: GRule = gRule({
  id: 'G-INTER-19',
  title: '（条件）全部为一般公共预算时两张支出表逐行相等',
  formula: '（条件）支出全部为一般公共预算时：一般公共预算财政拨款支出决算表 每行 = 支出决算表 同一科目',
  tables: ['general-budget-expenditure', 'expenditure'],
  kind: 'cond',
  instances: (ctx) => {
    const gb = ctx.one('general-budget-expenditure');
    const exp = ctx.one('expenditure');
    if (!gb || !exp) return [];
    const gbTotal = ctx.value(gb, coded(gb, null, 1)?.pos ?? null);
    const expTotal = ctx.value(exp, coded(exp, null, 1)?.pos ?? null);
    if (gbTotal === null || expTotal === null || gbTotal.minus(expTotal).abs().gt(CENT)) return [];
    const gbCodes = new Set(gb.codeRows.map((r) => r.code));
    const cond = { strength: 'cond' as const };
    return [
      ...everyRow(gb).flatMap((r) =>
        COLUMNS.flatMap(([k, name]) =>
          identity(R.id, coded(gb, r.code, k), [codedTerm(exp, r.code, k)], `${gb.sheet.name} ${r.label} ${name} = ${exp.sheet.name} 同一科目（支出全部为一般公共预算）`, cond),
        ),
      ),
      ...exp.codeRows.filter((r) => !gbCodes.has(r.code)).flatMap((r) =>
        COLUMNS.flatMap(([k, name]) =>
          identity(R.id, coded(exp, r.code, k), [], `${exp.sheet.name} ${r.code} ${r.name} ${name} 在 ${gb.sheet.name} 中没有对应科目（支出全部为一般公共预算时应相同）`, cond),
        ),
      ),
    ];
  },
});

export default R;
