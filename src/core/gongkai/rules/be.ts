/** Shared by the basic-expenditure rules: the amount columns of an item (basic, and 金额 in the 16-column variant). */
import { BeItem, Pos } from '../model';

export type BeColumn = 'basic' | 'total';

export const BE_COLUMN_LABEL: Record<BeColumn, string> = { basic: '基本支出', total: '金额' };

export function beColumns(hasTotal: boolean): BeColumn[] {
  return hasTotal ? ['total', 'basic'] : ['basic'];
}

export function posOf(item: { basic: Pos | null; total: Pos | null } | null, column: BeColumn): Pos | null {
  return item ? item[column] : null;
}

export function classesOf(items: BeItem[]): BeItem[] {
  return items.filter((i) => i.code.length === 3);
}
