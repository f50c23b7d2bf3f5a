/** NC-01 — an amount quoted in the text equals the table cell it names (G-INTER-20; identities.md §2.1, §2.5). */
import { Finding } from '../../findings';
import { Decimal, fixed } from '../../numbers';
import { amountSlot, performanceFigure } from '../slots';
import { amountText, compareAmount, NRule } from './kit';

const rule: NRule = {
  id: 'NC-01',
  title: '说明中引用的金额与表中对应单元格一致',
  family: 'narrative',
  formula: '说明中的金额 = 它所指的表中单元格（元与万元换算后比较；引用合计时 n 取该合计的加数个数）',
  spec: 'narratives.md §4（实现 identities.md G-INTER-20）',
  severities: ['error', 'rounding', 'info'],
  severityHow: '容差 0.01 × max(1, n)：容差内为尾数误差，超出为错误；没有表中来源的数不比较，只给说明',
  messages: ['说明中“{引文}”为 {填报数}，表中 {表}!{单元格} 为 {表中数}（尾数误差）', '说明中“{引文}”为 {填报数}，表中 {表}!{单元格} 为 {表中数}，相差 {差额}'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    for (const p of ctx.paras) {
      const budgetFigures = p.figures.filter((f) => f.kind === 'amount' && performanceFigure(p, f));
      if (budgetFigures.length) {
        const quotes = [...new Set(budgetFigures.map((f) => `“${f.quote}”`))];
        out.push(ctx.finding(p, 'NC-01', 'info', null, null,
          `本段的${quotes.slice(0, 3).join('、')}${budgetFigures.length > 3 ? `等 ${budgetFigures.length} 个金额` : ''}是绩效自评涉及的预算资金，决算表中没有对应单元格，未与表核对${budgetFigures.length > 1 ? '；各项之和是否等于合计另行核对' : ''}`));
      }
      for (const f of p.figures) {
        const slot = amountSlot(ctx, p, f);
        if (!slot) continue;
        const c = compareAmount(ctx, f, slot);
        if (!c || !c.severity) continue;
        const where = slot.places.map((pl) => `${pl.table.sheet.name}!${ctx.refs({ ...slot, places: [pl] })[0].cell}`).join(' + ');
        const unit = c.unit;
        const expected = amountText(c.expected);
        let tail: string;
        if (c.precision) tail = `表中为 ${expected}${unit}，说明只写到 ${f.decimals} 位小数（金额应保留 2 位小数）`;
        else if (c.severity === 'rounding') tail = `表中为 ${expected}${unit}，相差 ${amountText(c.difference.abs())}${unit}（尾数误差，容差 ${fixed(new Decimal('0.01').times(c.n))}${c.n > 1 ? `，该数等于其 ${c.n} 个组成项之和` : ''}）`;
        else if (c.unitSlip) tail = `表中为 ${expected}${unit}，两者相差约一万倍：请核对金额单位（万元/元）`;
        else tail = `表中为 ${expected}${unit}，相差 ${amountText(c.difference.abs())}${unit}，超出尾数误差容差`;
        out.push(ctx.finding(p, 'NC-01', c.severity, f.text, expected, `说明中“${f.quote}”对应${slot.label}（${where}）：${tail}`, {
          difference: (c.difference.gt(0) ? '+' : '') + amountText(c.difference),
          related: ctx.refs(slot),
        }));
      }
    }
    return out;
  },
};

export default rule;
