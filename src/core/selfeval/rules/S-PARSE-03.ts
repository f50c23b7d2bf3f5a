/** S-PARSE-03 — 千分位还是小数逗号. */
import { Decimal, NumberReading, ZERO } from '../../numbers';
import { TableCheck } from '../context';
import { ambiguousReadings } from '../parse';
import { BudgetField, MONEY_FIELD_LABEL, MONEY_FIELDS } from '../vocab';
import { defineRule } from '../../rules/definition';

const RULE = defineRule({
  id: 'S-PARSE-03',
  family: 'selfeval',
  title: '千分位还是小数逗号',
  formula: '资金栏的 d,ddd：按千分位和小数逗号两种读法分别与同行执行率、结余、合计核对，取能核对一致的读法',
  spec: 'selfeval-rules.md §1（S-PARSE-03 算法）',
  severities: ['info'],
  severityHow: '两种读法都列出并说明取哪一种；无法判定时按千分位并注明',
  messages: ['“{原文}”按千分位读作 {读数1}，按小数逗号读作 {读数2}；{理由}应读作 {读数}（{单位}）'],
  fix: null,
});

export default RULE;

/** S-PARSE-03: decide every `d,ddd` money cell of the block together. */
export function checkDecimalCommas(ctx: TableCheck): void {
  const b = ctx.table.budget!;
  const amb: Array<{ row: number; col: number; field: BudgetField; text: string; t: NumberReading; d: NumberReading }> = [];
  for (const row of b.rows) {
    for (const field of MONEY_FIELDS) {
      const col = b.cols[field];
      if (col === undefined) continue;
      const a = ambiguousReadings(ctx.sheet.cells[row]?.[col]);
      if (a) amb.push({ row, col, field, ...a });
    }
  }
  if (amb.length === 0) return;
  const valueUnder = (reading: 't' | 'd', row: number, field: BudgetField): Decimal | null => {
    const col = b.cols[field];
    if (col === undefined) return null;
    const hit = amb.find((a) => a.row === row && a.col === col);
    if (hit) return hit[reading].value;
    const r = ctx.read(row, col, 'amount', MONEY_FIELD_LABEL[field]);
    return r.kind === 'number' ? r.value : r.kind === 'empty' ? ZERO : null;
  };
  const statedRate = (row: number): Decimal | null => {
    const r = ctx.read(row, b.cols.rate, 'rate');
    return r.kind === 'number' ? r.value : null;
  };
  const reasons: string[] = [];
  const agrees = (reading: 't' | 'd'): boolean => {
    let tests = 0;
    for (const row of new Set(amb.map((a) => a.row))) {
      const full = valueUnder(reading, row, 'full');
      const exec = valueUnder(reading, row, 'exec');
      const isPart = b.partRows.includes(row);
      const rate = statedRate(row) ?? (isPart ? statedRate(b.totalRow) : null);
      if (rate && full && exec && !full.isZero()) {
        tests++;
        const computed = exec.dividedBy(full).times(100);
        const near = (r: Decimal) => computed.minus(r).abs().lte(1);
        // S-PARSE-05: a plain rate ≤ 1.5 may be a fraction.
        if (!near(rate) && !(rate.lte('1.5') && near(rate.times(100)))) return false;
        if (reading === 'd') reasons.push('执行率');
      }
      const balCol = b.cols.bal;
      if (balCol !== undefined && ctx.sheet.cells[row]?.[balCol] && full && exec) {
        const bal = valueUnder(reading, row, 'bal');
        if (bal) {
          tests++;
          if (full.minus(exec).minus(bal).abs().gt('0.02')) return false;
          if (reading === 'd') reasons.push('结转结余');
        }
      }
      if (b.partRows.length > 0) {
        for (const a of amb.filter((x) => x.row === row)) {
          const total = valueUnder(reading, b.totalRow, a.field);
          const parts = b.partRows.map((p) => valueUnder(reading, p, a.field));
          if (total && parts.every((p) => p)) {
            tests++;
            const sum = parts.reduce<Decimal>((s, p) => s.plus(p!), ZERO);
            if (total.minus(sum).abs().gt(new Decimal('0.01').times(Math.max(1, parts.length)))) return false;
          }
        }
      }
    }
    return tests > 0;
  };
  let choice: 't' | 'd' = 't';
  let decided = true;
  let why = '';
  if (ctx.unit === '元') {
    why = '本表金额单位为元，逗号为千分位';
  } else {
    const t = agrees('t');
    reasons.length = 0;
    const d = agrees('d');
    if (d && !t) {
      choice = 'd';
      why = `与同行${[...new Set(reasons)].join('、') || '执行率'}核对，`;
    } else if (t && !d) {
      why = '与同行数据核对，';
    } else {
      decided = false;
      why = '两种读法均' + (t ? '能' : '不能') + '与同行执行率、结余或合计核对一致，无法判定，';
    }
  }
  for (const a of amb) {
    const chosen = a[choice];
    ctx.setReading(a.row, a.col, chosen);
    const unit = ctx.unit ?? '万元';
    const tail = ctx.unit === '元' ? `，按 ${chosen.value.toString()} 读取` : `${why}${decided ? '应' : '暂'}读作 ${chosen.value.toString()}（${unit}）`;
    ctx.add(
      RULE,
      'info',
      { row: a.row, col: a.col },
      `“${a.text}”按千分位读作 ${a.t.value.toString()}，按小数逗号读作 ${a.d.value.toString()}；${tail}`,
      { stated: a.text, expected: chosen.value.toString() },
    );
  }
}
