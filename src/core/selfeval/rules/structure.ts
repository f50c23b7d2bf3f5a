/** Structure, selfeval-rules.md §7 and spec README R-EMPTY: partial and empty tables are reported, never crash. */
import { isEmptyCell } from '../../grid';
import { TableCheck } from '../context';
import R_EMPTY from '../../reading/R-EMPTY';
import S_STR_01 from './S-STR-01';

/** Emits S-STR-01 / R-EMPTY; returns false when nothing else can run. */
export function checkStructure(ctx: TableCheck): boolean {
  const t = ctx.table;
  const titleCell = t.titleRow !== null ? { row: t.titleRow, col: 0 } : null;
  const name = t.title || (t.kind === 'project-selfeval' ? '项目支出绩效自评表' : '部门（单位）整体绩效自评表');
  if (!t.budget && !t.indicators) {
    ctx.add(S_STR_01, 'info', titleCell, `“${name}”只有标题，下面没有表格内容，按空表处理，未审核`);
    return false;
  }
  if (t.missing.length) {
    ctx.add(S_STR_01, 'info', titleCell, `“${name}”缺少${t.missing.join('、')}，只运行输入齐全的核对`);
  }
  const dataCells: Array<[number, number]> = [];
  if (t.budget) {
    for (const row of t.budget.rows) for (const [field, col] of Object.entries(t.budget.cols)) if (field !== 'reason' && col !== undefined) dataCells.push([row, col]);
  }
  if (t.indicators) {
    for (const ir of t.indicators.rows) for (const f of ['weight', 'score', 'actual'] as const) if (t.indicators.cols[f] !== undefined) dataCells.push([ir.row, t.indicators.cols[f]!]);
  }
  if (t.total) dataCells.push([t.total.row, t.total.scoreCol]);
  if (dataCells.every(([r, c]) => isEmptyCell(ctx.sheet.cells[r]?.[c]))) {
    ctx.add(R_EMPTY, 'info', titleCell, `“${name}”的数据单元格均为空，按空表处理，其他核对未运行`);
    return false;
  }
  return true;
}
