import { Decimal } from '../../numbers';
import { gRule, GRule, identity, line, lineTerm } from './kit';

/**
 * Conditional: when the department has no non-fiscal money (IE 行4–8, 28, 59 all 0) and its non-fiscal balance is
 * untouched, all spending is fiscal and FS 行59 栏2 must equal IE 行58.
 */
const R: GRule = gRule({
  id: 'G-INTER-18',
  title: '（条件）全部为财政拨款时两张总表支出相等',
  formula: '（条件）全部为财政拨款时：财政拨款本年支出合计（行59）= 收入支出决算总表 本年支出合计（行58）',
  tables: ['fiscal-summary', 'income-expenditure-summary'],
  kind: 'cond',
  instances: (ctx) => {
    const fs = ctx.one('fiscal-summary');
    const ie = ctx.one('income-expenditure-summary');
    if (!fs || !ie) return [];
    const v = (p: ReturnType<typeof line>) => (p ? ctx.values.value(p) : new Decimal(0));
    const zeroLines = [4, 5, 6, 7, 8, 28, 59].map((k) => v(line(ie, k)));
    if (zeroLines.some((x) => x === null || !x.isZero())) return [];
    const parts = [v(line(ie, 29)), v(line(fs, 28)), v(line(ie, 60)), v(line(fs, 60, 2))];
    if (parts.some((x) => x === null)) return [];
    const [ie29, fs28, ie60, fs60] = parts as Decimal[];
    if (!ie29.minus(fs28).equals(ie60.minus(fs60))) return [];
    return identity(R.id, line(fs, 59, 2), [lineTerm(ie, 58)], `${fs.sheet.name} 本年支出合计（行59）= ${ie.sheet.name} 本年支出合计（行58）（本部门无非财政拨款收支）`, { strength: 'cond' });
  },
});

export default R;
