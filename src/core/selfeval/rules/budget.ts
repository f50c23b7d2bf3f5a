/**
 * Budget execution (资金 block), selfeval-rules.md §2: S-PARSE-03 (decimal comma), S-RATE-01…03, S-SCORE-01/02,
 * S-BAL-01, S-SUB-01, S-ACT-01, and S-RSN-02 (budget 偏差原因, only where the layout has the cell).
 */
import { Decimal, fixed, halfUp, NumberReading, Reading, ZERO } from '../../numbers';
import { cmpAmount, cmpC, exact4, Outcome } from '../compare';
import { TableCheck } from '../context';
import { ambiguousReadings, rateAsFraction } from '../parse';
import { BudgetField, MONEY_FIELD_LABEL, MONEY_FIELDS } from '../vocab';
import { proposeNumber, showAt } from './edit';
import S_ACT_01 from './S-ACT-01';
import S_BAL_01 from './S-BAL-01';
import S_PARSE_03 from './S-PARSE-03';
import S_PARSE_05 from './S-PARSE-05';
import S_RATE_01 from './S-RATE-01';
import S_RATE_02 from './S-RATE-02';
import S_RATE_03 from './S-RATE-03';
import S_RSN_02 from './S-RSN-02';
import S_SCORE_01 from './S-SCORE-01';
import S_SCORE_02 from './S-SCORE-02';
import S_SUB_01 from './S-SUB-01';

export interface BudgetFacts {
  /** Exact recomputed 执行率 of the total row (percent), null when not computable. */
  rate: Decimal | null;
  /** The stated rate of the total row (percent), if any. */
  statedRate: Decimal | null;
  full: Decimal | null;
  exec: Decimal | null;
  init: Decimal | null;
  weight: Decimal;
  /** The 得分 S-TOT-01 uses: stated, or recomputed when empty; null when unknown. */
  scoreForTotal: Decimal | null;
  /** The 得分 after correction (what `fix` writes), for the cascaded 总分. */
  correctedScore: Decimal | null;
}

const SEVERITY: Record<Exclude<Outcome, 'ok'>, 'rounding' | 'error'> = { rounding: 'rounding', error: 'error' };

/** Money value of a block cell: empty counts 0; unknown or unreadable is null. */
function money(ctx: TableCheck, row: number, field: BudgetField): { r: Reading; v: Decimal | null } {
  const b = ctx.table.budget!;
  const col = b.cols[field];
  const r = ctx.read(row, col, 'amount', MONEY_FIELD_LABEL[field]);
  const v = r.kind === 'number' ? r.value : r.kind === 'empty' ? ZERO : null;
  return { r, v };
}

function rowLabel(ctx: TableCheck, row: number): string {
  return ctx.table.budget!.labels.get(row) || (row === ctx.table.budget!.totalRow ? '资金总额' : '资金来源');
}

/** S-PARSE-03: decide every `d,ddd` money cell of the block together. */
function resolveDecimalCommas(ctx: TableCheck): void {
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
      S_PARSE_03,
      'info',
      { row: a.row, col: a.col },
      `“${a.text}”按千分位读作 ${a.t.value.toString()}，按小数逗号读作 ${a.d.value.toString()}；${tail}`,
      { stated: a.text, expected: chosen.value.toString() },
    );
  }
}

export function checkBudget(ctx: TableCheck): BudgetFacts | null {
  const b = ctx.table.budget;
  if (!b || b.rows.length === 0) return null;
  resolveDecimalCommas(ctx);
  const facts: BudgetFacts = { rate: null, statedRate: null, full: null, exec: null, init: null, weight: new Decimal(10), scoreForTotal: null, correctedScore: null };
  const total = b.totalRow;

  // Read every money cell once, so text amounts get their reading note.
  for (const row of b.rows) for (const f of MONEY_FIELDS) if (b.cols[f] !== undefined) money(ctx, row, f);

  for (const row of b.rows) {
    const isTotal = row === total;
    const full = money(ctx, row, 'full');
    const exec = money(ctx, row, 'exec');
    const rateCol = b.cols.rate;
    const rateR = ctx.read(row, rateCol, 'rate');
    const scoreR = isTotal ? ctx.read(row, b.cols.score, 'score', '预算执行得分') : ({ kind: 'empty', dash: false } as Reading);
    if (isTotal) {
      facts.full = full.v;
      facts.exec = exec.v;
      facts.init = money(ctx, row, 'init').v;
    }
    if (full.v === null || exec.v === null) continue;
    // S-ACT-01: 执行数 empty while a rate or a score is stated.
    if (exec.r.kind === 'empty' && b.cols.exec !== undefined && (rateR.kind === 'number' || scoreR.kind === 'number') && !full.v.isZero()) {
      const bal = money(ctx, row, 'bal');
      let expected: Decimal | null = null;
      if (bal.r.kind === 'number') expected = full.v.minus(bal.v!);
      else if (rateR.kind === 'number') expected = full.v.times(rateR.value).dividedBy(100);
      let reproduces = '';
      if (expected && rateR.kind === 'number') {
        const ok = cmpC(rateR.value, rateR.decimals, expected.dividedBy(full.v).times(100)) === 'ok';
        reproduces = ok ? '，按此推算可得出所填执行率' : '，按此推算与所填执行率不一致';
      }
      ctx.add(S_ACT_01, 'warning', { row, col: b.cols.exec }, `${rowLabel(ctx, row)}全年执行数为空，但填有${rateR.kind === 'number' ? '执行率' : '得分'}${expected ? `；推算执行数约为 ${fixed(expected, 2)}` : ''}${reproduces}`, {
        stated: '',
        expected: expected ? fixed(expected, 2) : null,
      });
      continue;
    }
    if (full.v.isZero()) {
      if (exec.v.isZero()) {
        // S-RATE-02: not computable; a stated 0 or blank is accepted.
        if (isTotal) {
          ctx.add(S_RATE_02, 'info', { row, col: rateCol ?? b.cols.full ?? b.cols.exec ?? 0 }, `${rowLabel(ctx, row)}全年预算数为 0（或为空）且无执行数，执行率无法计算`, {
            stated: rateCol !== undefined ? ctx.shown(row, rateCol) : null,
            expected: null,
          });
        }
      } else {
        // Without a 全年预算数 column the finding sits on the 执行数 it cannot divide.
        const at = b.cols.full ?? b.cols.exec ?? rateCol ?? 0;
        ctx.add(S_RATE_02, 'warning', { row, col: at }, `${rowLabel(ctx, row)}全年预算数${b.cols.full === undefined ? '一栏缺失' : '为空或为0'}而有执行数 ${exec.v.toString()}，执行率无法计算，请补填全年预算数`, {
          stated: b.cols.full === undefined ? null : ctx.shown(row, b.cols.full),
          expected: null,
        });
      }
      continue;
    }
    const exact = exec.v.dividedBy(full.v).times(100);
    if (isTotal) facts.rate = exact;
    if (rateCol === undefined) continue;
    if (rateR.kind === 'empty') {
      if (isTotal) proposeNumber(ctx, row, rateCol, exact, 2, !isPlainRateColumn(ctx), S_RATE_01.id);
      continue;
    }
    if (rateR.kind !== 'number') continue;
    let stated: NumberReading = rateR;
    const fraction = rateAsFraction(rateR, (v, p) => cmpC(v, p, exact) === 'ok');
    if (fraction) {
      stated = fraction;
      ctx.setReading(row, rateCol, fraction);
      ctx.add(S_PARSE_05, 'info', { row, col: rateCol }, `执行率“${ctx.shown(row, rateCol)}”按比例读取，即 ${fraction.value.toString()}%`, {
        stated: ctx.shown(row, rateCol),
        expected: `${fraction.value.toString()}%`,
      });
    }
    if (isTotal) facts.statedRate = stated.value;
    const outcome = cmpC(stated.value, stated.decimals, exact);
    const showPercent = stated.percent || !isPlainRateColumn(ctx);
    if (outcome !== 'ok') {
      const expected = showAt(exact, stated.decimals, showPercent);
      const f = ctx.add(
        S_RATE_01,
        SEVERITY[outcome],
        { row, col: rateCol },
        `${rowLabel(ctx, row)}执行率应为 全年执行数÷全年预算数 = ${exec.v.toString()}÷${full.v.toString()} = ${exact4(exact)}%，按所示小数位应为 ${expected}${outcome === 'rounding' ? '（尾数误差）' : ''}`,
        { stated: ctx.shown(row, rateCol), expected, difference: stated.value.minus(exact).toDecimalPlaces(4).toString() },
      );
      f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: expected };
      proposeNumber(ctx, row, rateCol, exact, stated.decimals, showPercent, S_RATE_01.id);
    }
  }

  // S-RATE-03: the budget cut to the outturn.
  if (facts.full && facts.exec && facts.init && !facts.full.isZero() && facts.full.equals(facts.exec) && facts.full.lt(facts.init)) {
    ctx.add(S_RATE_03, 'info', { row: total, col: b.cols.full! }, '全年预算数已调减至执行数，执行率100%不反映年初预算的执行', {
      stated: ctx.shown(total, b.cols.full!),
      expected: null,
    });
  }

  checkBalances(ctx);
  checkSubRows(ctx);
  checkScore(ctx, facts);
  checkBudgetReason(ctx, facts);
  return facts;
}

/** Shanxi-style 执行率 columns hold plain percent numbers (97.50), not percent-formatted cells. */
function isPlainRateColumn(ctx: TableCheck): boolean {
  const b = ctx.table.budget!;
  if (b.cols.rate === undefined) return false;
  for (const row of b.rows) {
    const c = ctx.sheet.cells[row]?.[b.cols.rate];
    if (!c || c.value === null || c.value === '') continue;
    const r = ctx.read(row, b.cols.rate, 'rate');
    if (r.kind === 'number') return !r.percent;
  }
  return ctx.table.variant === 'shanxi';
}

/** S-BAL-01: 资金结(转)余 = 全年预算数 − 全年执行数. */
function checkBalances(ctx: TableCheck): void {
  const b = ctx.table.budget!;
  const col = b.cols.bal;
  if (col === undefined) return;
  for (const row of b.rows) {
    const bal = money(ctx, row, 'bal');
    if (bal.r.kind !== 'number') continue;
    const full = money(ctx, row, 'full').v;
    const exec = money(ctx, row, 'exec').v;
    if (full === null || exec === null) continue;
    const exact = full.minus(exec);
    const outcome = cmpAmount(bal.r.value, exact, 2);
    if (outcome === 'ok') continue;
    const p = Math.max(bal.r.decimals, 2);
    const expected = fixed(exact, p);
    const f = ctx.add(S_BAL_01, SEVERITY[outcome], { row, col }, `${rowLabel(ctx, row)}资金结转结余应为 全年预算数−全年执行数 = ${full.toString()}−${exec.toString()} = ${exact.toString()}${outcome === 'rounding' ? '（尾数误差）' : ''}`, {
      stated: ctx.shown(row, col),
      expected,
      difference: bal.r.value.minus(exact).toString(),
    });
    f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: expected };
    proposeNumber(ctx, row, col, exact, bal.r.decimals, false, S_BAL_01.id);
  }
}

/** S-SUB-01: the total row equals the sum of its fund-source rows, column by column. */
function checkSubRows(ctx: TableCheck): void {
  const b = ctx.table.budget!;
  if (b.partRows.length === 0) return;
  for (const field of MONEY_FIELDS) {
    const col = b.cols[field];
    if (col === undefined) continue;
    const total = money(ctx, b.totalRow, field);
    if (total.r.kind !== 'number') continue;
    const parts = b.partRows.map((row) => ({ row, ...money(ctx, row, field) }));
    if (parts.some((p) => p.v === null)) continue;
    const label = MONEY_FIELD_LABEL[field];
    if (parts.every((p) => p.r.kind === 'empty')) {
      if (total.r.value.isZero()) continue;
      ctx.add(S_SUB_01, 'warning', { row: b.totalRow, col }, `${rowLabel(ctx, b.totalRow)}${label}为 ${ctx.shown(b.totalRow, col)}，但各资金来源行的${label}均为空`, {
        stated: ctx.shown(b.totalRow, col),
        expected: null,
      });
      continue;
    }
    const sum = parts.reduce((s, p) => s.plus(p.v!), ZERO);
    const n = parts.filter((p) => !p.v!.isZero()).length;
    const outcome = cmpAmount(total.r.value, sum, n);
    if (outcome === 'ok') continue;
    const empties = parts.filter((p) => p.r.kind === 'empty').map((p) => `其中 ${rowLabel(ctx, p.row)}（${ctx.addr(p.row, col)}）为空`);
    const expected = fixed(sum, Math.max(2, total.r.decimals));
    ctx.add(
      S_SUB_01,
      SEVERITY[outcome],
      { row: b.totalRow, col },
      `${rowLabel(ctx, b.totalRow)}${label} ${ctx.shown(b.totalRow, col)} 与各资金来源之和 ${sum.toString()} 不符${outcome === 'rounding' ? '（尾数误差）' : ''}${empties.length ? '；' + empties.join('，') : ''}`,
      {
        stated: ctx.shown(b.totalRow, col),
        expected,
        difference: total.r.value.minus(sum).toString(),
        related: parts.map((p) => ({ sheet: ctx.sheet.name, cell: ctx.addr(p.row, col) })),
      },
    );
  }
}

/** S-SCORE-01/02: 预算执行得分 = 分值 × min(执行率, 1). */
function checkScore(ctx: TableCheck, facts: BudgetFacts): void {
  const b = ctx.table.budget!;
  // 分值: the first block row that holds it; none (shanxi) means 10.
  if (b.cols.weight !== undefined) {
    for (const row of b.rows) {
      const w = ctx.read(row, b.cols.weight, 'weight', '预算执行分值');
      if (w.kind === 'number') {
        facts.weight = w.value;
        break;
      }
    }
  }
  const scoreCol = b.cols.score;
  let scoreRow: number | null = null;
  let stated: NumberReading | null = null;
  let unknown = false;
  if (scoreCol !== undefined) {
    for (const row of b.rows) {
      const r = ctx.read(row, scoreCol, 'score', '预算执行得分');
      if (r.kind === 'number') {
        scoreRow = row;
        stated = r;
        break;
      }
      if (r.kind === 'unknown' || r.kind === 'unreadable') {
        unknown = true;
        break;
      }
    }
  }
  const rate = facts.rate;
  const exact = rate === null ? null : facts.weight.times(Decimal.min(rate.dividedBy(100), 1));
  if (unknown) return;
  if (!stated) {
    if (scoreCol === undefined) {
      facts.scoreForTotal = exact;
      facts.correctedScore = exact;
      return;
    }
    if (exact === null) return;
    const expected = halfUp(exact, 2).toString();
    const f = ctx.add(S_SCORE_02, 'warning', { row: b.totalRow, col: scoreCol }, `预算执行得分未填写；按 分值×执行率 应为 ${facts.weight.toString()}×${exact4(rate!)}% = ${expected}`, {
      stated: '',
      expected,
    });
    f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: expected };
    proposeNumber(ctx, b.totalRow, scoreCol, exact, Math.min(2, Math.max(0, halfUp(exact, 2).decimalPlaces())), false, S_SCORE_02.id);
    facts.scoreForTotal = exact;
    facts.correctedScore = halfUp(exact, 2);
    return;
  }
  facts.scoreForTotal = stated.value;
  facts.correctedScore = stated.value;
  if (exact === null) {
    if (facts.full !== null && facts.full.isZero()) {
      ctx.add(S_SCORE_01, 'info', { row: scoreRow!, col: scoreCol! }, '全年预算数为 0，执行率无法计算，预算执行得分按所填数接受', { stated: ctx.shown(scoreRow!, scoreCol!), expected: null });
    }
    return;
  }
  const p = stated.decimals;
  let outcome = cmpC(stated.value, p, exact);
  if (outcome !== 'ok' && facts.statedRate !== null) {
    const viaRate = halfUp(facts.weight.times(Decimal.min(facts.statedRate.dividedBy(100), 1)), p);
    if (viaRate.equals(stated.value)) outcome = 'ok';
  }
  if (outcome === 'ok') return;
  const expected = fixed(halfUp(exact, p), p);
  const f = ctx.add(
    S_SCORE_01,
    SEVERITY[outcome],
    { row: scoreRow!, col: scoreCol! },
    `预算执行得分应为 分值×执行率 = ${facts.weight.toString()}×${exact4(rate!)}% = ${exact4(exact)}，按所示小数位应为 ${expected}${outcome === 'rounding' ? '（尾数误差）' : ''}`,
    { stated: ctx.shown(scoreRow!, scoreCol!), expected, difference: stated.value.minus(exact).toDecimalPlaces(4).toString() },
  );
  f.proposal = { sheet: ctx.sheet.name, cell: f.cell!, value: expected };
  proposeNumber(ctx, scoreRow!, scoreCol!, exact, p, false, S_SCORE_01.id);
  facts.correctedScore = halfUp(exact, p);
}

/** S-RSN-02: 执行率 < 100 % needs a budget 偏差原因 — only where the layout has that cell. */
function checkBudgetReason(ctx: TableCheck, facts: BudgetFacts): void {
  const b = ctx.table.budget!;
  const col = b.cols.reason;
  if (col === undefined || facts.rate === null) return;
  const { variant, form } = ctx.table;
  if (variant === 'national-2020' || variant === 'henan-2021' || form === 'S-Y') return;
  if (facts.rate.gte(100)) return;
  const anyReason = b.rows.some((row) => {
    const c = ctx.sheet.cells[row]?.[col];
    return c && c.value !== null && String(c.value).trim() !== '';
  });
  if (anyReason) return;
  ctx.add(S_RSN_02, 'warning', { row: b.totalRow, col }, `预算执行率 ${exact4(facts.rate)}% 低于 100%，未填写偏差原因`, { stated: '', expected: '偏差原因' });
}
