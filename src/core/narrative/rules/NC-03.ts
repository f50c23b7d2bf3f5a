/**
 * NC-03 — internal sums where the text presents the parts as complete (G-INTRA-33): lists after 其中/主要用于,
 * 基本 = 人员 + 公用, 三公 = 出国 + 车 + 接待, 车 = 购置 + 运行, 接待 = 外宾 + 国内, 采购 = 货物 + 工程 + 服务,
 * 绩效总额 = 人员 + 公用 + 项目, Σ 五（三） items = the stated total, and a change = the sum of its reasons'
 * changes (NT-04). Conditional sums (Σ 类 年初 = 年初合计, Σ item Δ = total Δ) give a warning.
 */
import { Finding, Severity } from '../../findings';
import { Decimal, ZERO } from '../../numbers';
import { norm } from '../../text';
import { amountRole, clauseLead, deltaDirection, NarrativeContext, Para, sentenceStart } from '../context';
import { Figure } from '../figures';
import { convert } from '../units';
import { detailItems, itemRows, segmentClass, segmentClasses, tpItemAt, TpItem, TP_LABEL } from '../slots';
import { amountText, NRule, sumSeverity } from './kit';

const amounts = (p: Para) => p.figures.filter((f) => f.kind === 'amount');
const leadOf = (p: Para, f: Figure) => norm(clauseLead(p, f.start));

function sumFinding(ctx: NarrativeContext, p: Para, total: Figure, parts: Figure[], what: string, conditional = false): Finding | null {
  // 万元 figures quoted inside a 元 narrative (山西 2022 五（三）) are added in 万元, the 元 ones converted (units.ts).
  const mixed = parts.some((f) => f.unit !== total.unit);
  const unit = [total, ...parts].some((f) => f.unit === '万元') ? '万元' : total.unit;
  const inUnit = (f: Figure) => convert(f.value, f.unit, unit);
  const stated = inUnit(total);
  const r = sumSeverity(stated, parts.map(inUnit));
  if (!r.severity) return null;
  const severity: Severity = conditional ? 'warning' : r.severity;
  const list = parts.map((f) => (mixed ? `${f.text}${f.unit}` : f.text)).join(' + ');
  const d = stated.minus(r.expected);
  const tail = severity === 'rounding' ? `（尾数误差，容差 ${amountText(new Decimal('0.01').times(Math.max(1, r.n)))}）` : severity === 'warning' ? '，请核实' : '，超出尾数误差容差';
  return ctx.finding(p, 'NC-03', severity, total.text, amountText(r.expected),
    `${what}：说明中“${total.quote}”${unit !== total.unit ? `（${amountText(stated)}${unit}）` : ''}，而所列各项 ${list} = ${amountText(r.expected)}${mixed ? unit : ''}，相差 ${amountText(d.abs())}${unit}${tail}`,
    { difference: (d.gt(0) ? '+' : '') + amountText(d) });
}

/** The first current amount of a paragraph whose clause lead matches. */
function firstWith(p: Para, re: RegExp, not?: RegExp, role: string = 'current'): Figure | null {
  return amounts(p).find((f) => amountRole(f, p) === role && re.test(leadOf(p, f)) && !(not && not.test(leadOf(p, f)))) ?? null;
}

function lists(ctx: NarrativeContext, p: Para, out: Finding[]): void {
  const fs = amounts(p);
  const seen = new Set<number>();
  for (const total of fs) {
    const start = sentenceStart(p, total.start);
    if (seen.has(start) || amountRole(total, p) !== 'current') continue;
    seen.add(start);
    if (!/合计|总计|总额|支出|收入/.test(leadOf(p, total))) continue;
    const end = p.text.slice(total.end).search(/。/);
    const rest = p.text.slice(total.end, end < 0 ? undefined : total.end + end);
    if (!/其中|主要用于|分别为|包括/.test(norm(rest))) continue;
    const parts = fs.filter((f) => f.start > total.start && f.start < total.end + rest.length && amountRole(f, p) === 'current');
    if (parts.length < 1) continue;
    const f = sumFinding(ctx, p, total, parts, '合计与所列各项之和不符');
    if (f) out.push(f);
  }
}

/**
 * A list printed one item per paragraph, as 山西 publishes 二、三、五（二）and 六: the lead paragraph ends in `其中：` or
 * `主要用于以下方面：`, each item paragraph ends in `；` and the last in `。`. The lead's total is the sum of the items'
 * first amounts (Σ listed amounts = the stated total).
 */
function continuedList(ctx: NarrativeContext, p: Para, out: Finding[]): void {
  const lead = p.text.trim();
  if (!/[：:]$/.test(lead) || !/(?:其中|以下方面|主要包括|包括|分别为)[：:]$/.test(norm(lead))) return;
  const total = [...amounts(p)].reverse().find((f) => amountRole(f, p) === 'current');
  if (!total) return;
  const parts: Figure[] = [];
  for (let i = p.index + 1; i < ctx.paras.length; i++) {
    const q = ctx.paras[i];
    if (q.heading || q.topic !== p.topic || q.part !== p.part) return;
    // One item per paragraph: a paragraph quoting several of this year's amounts is no list item (五（三） of
    // 山西 2022 prints all its 类 in one paragraph after `其中：`).
    const own = amounts(q).filter((f) => amountRole(f, q) === 'current');
    if (own.length !== 1) return;
    parts.push(own[0]);
    const end = q.text.trim().slice(-1);
    if (end === '。') break;
    if (end !== '；' && end !== ';') return;
  }
  if (parts.length === 0) return;
  const f = sumFinding(ctx, p, total, parts, '合计与其后逐段所列各项之和不符');
  if (f) out.push(f);
}

function threePublic(ctx: NarrativeContext, paras: Para[], out: Finding[]): void {
  type Tagged = { p: Para; f: Figure; item: TpItem | null; role: string; seq: number };
  const tagged: Tagged[] = [];
  let seq = 0;
  for (const p of paras) for (const f of amounts(p)) tagged.push({ p, f, item: tpItemAt(p, f.start), role: amountRole(f, p), seq: seq++ });
  // 三公 = 出国 + 车 + 接待 (决算 or 预算) within one paragraph.
  for (const p of paras) {
    for (const role of ['current', 'budget']) {
      const mine = tagged.filter((t) => t.p === p && t.role === role);
      const total = mine.find((t) => t.item === 'total');
      if (!total) continue;
      const first = (item: TpItem) => mine.find((t) => t.item === item && t.seq > total.seq);
      const car = first('car');
      const split = [first('purchase'), first('running')];
      const parts = [first('abroad'), ...(car ? [car] : split.every(Boolean) ? split : [undefined]), first('reception')].filter((x): x is Tagged => !!x);
      if (parts.length < 2 || !first('reception') || !(car || split.every(Boolean))) continue;
      const f = sumFinding(ctx, p, total.f, parts.map((x) => x.f), `“三公”经费${role === 'budget' ? '预算' : '决算'}与各项之和不符`);
      if (f) out.push(f);
    }
  }
  // 车 = 购置 + 运行; 接待 = 外宾 + 国内 (决算), across the paragraphs of the section.
  const pairs: [TpItem, TpItem, TpItem][] = [['car', 'purchase', 'running'], ['reception', 'foreignReception', 'domesticReception']];
  for (const [whole, x, y] of pairs) {
    const cur = tagged.filter((t) => t.role === 'current');
    const a = cur.find((t) => t.item === x);
    const b = cur.find((t) => t.item === y);
    if (!a || !b) continue;
    const firstPart = Math.min(a.seq, b.seq);
    const total = [...cur].reverse().find((t) => t.item === whole && t.seq < firstPart);
    if (!total) continue;
    const f = sumFinding(ctx, total.p, total.f, [a.f, b.f], `${TP_LABEL[whole]}与${TP_LABEL[x]}、${TP_LABEL[y]}之和不符`);
    if (f) out.push(f);
  }
  // Σ item Δ = total Δ (cond → warning), signed by 增加/减少.
  for (const p of paras) {
    const deltas = tagged.filter((t) => t.p === p && t.role === 'delta');
    const total = deltas.find((t) => t.item === 'total');
    if (!total) continue;
    const items = deltas.filter((t) => t !== total && t.item && ['abroad', 'car', 'purchase', 'running', 'reception'].includes(t.item));
    const hasSplit = items.some((t) => t.item === 'purchase' || t.item === 'running');
    const parts = items.filter((t) => !(hasSplit && t.item === 'car'));
    if (parts.length < 2) continue;
    const signed = (t: Tagged) => (deltaDirection(t.f, t.p) === -1 ? t.f.value.negated() : t.f.value);
    const totalSigned = signed(total);
    const sum = parts.reduce((s, t) => s.plus(signed(t)), ZERO);
    const r = sumSeverity(totalSigned, parts.map(signed));
    if (!r.severity) continue;
    out.push(ctx.finding(p, 'NC-03', 'warning', total.f.text, amountText(sum.abs()),
      `“三公”经费总的增减额“${total.f.quote}”与各项增减额之和 ${amountText(sum)} 不符，请核实`));
  }
}

/** One 类 of a set-B paragraph that lists several, `；`-separated: its first 决算 and 年初预算 amounts. */
function segmentItems(ctx: NarrativeContext, p: Para): { actual: Figure | null; budget: Figure | null }[] {
  const out: { actual: Figure | null; budget: Figure | null }[] = [];
  let from = 0;
  for (const seg of p.text.split(/(?<=[；;。])/)) {
    const to = from + seg.length;
    const mine = amounts(p).filter((f) => f.start >= from && f.start < to);
    const first = (role: string, re: RegExp, not?: RegExp) => mine.find((f) => amountRole(f, p) === role && re.test(leadOf(p, f)) && !(not && not.test(leadOf(p, f)))) ?? null;
    if (segmentClass(ctx, seg)) out.push({ actual: first('current', /决算/), budget: first('budget', /预算/, /决算/) });
    from = to;
  }
  return out;
}

function detail(ctx: NarrativeContext, out: Finding[]): void {
  const gb = ctx.table('general-budget-expenditure');
  if (!gb) return;
  const single = detailItems(ctx);
  const itemParas = new Set(single.map((i) => i.para.index));
  const grouped = ctx.paras.filter((p) => !p.heading && p.topic === 'general' && p.part === 'detail' && !itemParas.has(p.index) && segmentClasses(ctx, p).length >= 2);
  const first = Math.min(single[0]?.para.index ?? Infinity, grouped[0]?.index ?? Infinity);
  if (first === Infinity) return;
  const level = single[0]?.path.level ?? 'lei';
  const items = [
    ...single.map((i) => ({ at: i.para.index, actual: firstWith(i.para, /决算/), budget: firstWith(i.para, /预算/, /决算/, 'budget') })),
    ...grouped.flatMap((p) => segmentItems(ctx, p).map((x) => ({ at: p.index, ...x }))),
  ];
  const expectedCount = itemRows(ctx, gb, level === 'xiang' ? 7 : 3).length;
  const groupedIndex = new Set(grouped.map((p) => p.index));
  const lead = ctx.paras.find((p) => p.topic === 'general' && p.part === 'detail' && !p.heading && !itemParas.has(p.index) && !groupedIndex.has(p.index) && p.index < first);
  if (!lead) return;
  const total = firstWith(lead, /决算/);
  const budgetTotal = firstWith(lead, /预算/, /决算/, 'budget');
  const actuals = items.map((i) => i.actual);
  if (total && items.length >= expectedCount && actuals.every(Boolean)) {
    const f = sumFinding(ctx, lead, total, actuals as Figure[], '具体情况中各项支出决算之和与支出决算总数不符');
    if (f) out.push(f);
  }
  // Σ 类 年初 = 年初合计 only when every 类 is listed (set B); per-项 budgets are not itemised completely (N-12).
  if (level === 'lei' && budgetTotal && items.length >= expectedCount) {
    const budgets = items.map((i) => i.budget);
    if (budgets.every(Boolean)) {
      const f = sumFinding(ctx, lead, budgetTotal, budgets as Figure[], '各类年初预算之和与年初预算总数不符', true);
      if (f) out.push(f);
    }
  }
}

const GRADE_COUNT = /(\d+)个项目自评(?:等级)?为[“"]([优良中差])[”"]/g;
const PROJECT_COUNT = /(?:自评个数|自评)(?:为|共)?(\d+)个/;

/**
 * 13-B (narratives.md NT-13): 涉及资金 = the amounts listed after its 其中 (一般公共预算…、政府性基金…、国有资本经营…、
 * 社会保险基金…), and the projects counted per grade = the project count, in both published wordings
 * (`n个项目自评为“优”`, `n个项目自评等级为“优”`). Budget figures: only their own sums are checked (N-14).
 */
function performance13B(ctx: NarrativeContext, p: Para, out: Finding[]): void {
  for (const total of amounts(p)) {
    if (!/涉及资金$|自评金额$/.test(leadOf(p, total))) continue;
    const end = p.text.indexOf('。', total.end);
    const sentenceEnd = end < 0 ? p.text.length : end;
    const rest = p.text.slice(total.end, sentenceEnd);
    const at = rest.search(/其中/);
    if (at < 0) continue;
    const parts = amounts(p).filter((f) => f.start > total.end + at && f.start < sentenceEnd);
    if (parts.length < 2) continue;
    const f = sumFinding(ctx, p, total, parts, '涉及资金与其中所列各类预算资金之和不符');
    if (f) out.push(f);
  }
  const text = p.text.normalize('NFKC').replace(/\s+/g, '');
  const grades = [...text.matchAll(GRADE_COUNT)];
  if (grades.length < 2) return;
  const count = PROJECT_COUNT.exec(text.slice(0, text.indexOf(grades[0][0])));
  if (!count) return;
  const sum = grades.reduce((a, g) => a + Number(g[1]), 0);
  if (sum === Number(count[1])) return;
  const list = grades.map((g) => `“${g[2]}”${g[1]}个`).join(' + ');
  out.push(ctx.finding(p, 'NC-03', 'error', `${count[1]}个`, `${sum}个`,
    `说明中自评项目 ${count[1]} 个，而各等级项目个数 ${list} = ${sum} 个，个数应相等`, { difference: String(Number(count[1]) - sum) }));
}

function fiscalReasons(ctx: NarrativeContext, p: Para, out: Finding[]): void {
  const deltas = amounts(p).filter((f) => amountRole(f, p) === 'delta');
  const reasonAt = norm(p.text).length ? p.text.search(/原因/) : -1;
  if (deltas.length < 3 || reasonAt < 0) return;
  const total = deltas[0];
  if (total.start > reasonAt) return;
  const reasons = deltas.filter((f) => f.start > reasonAt);
  if (reasons.length < 2) return;
  const signed = (f: Figure) => (deltaDirection(f, p) === -1 ? f.value.negated() : f.value);
  const r = sumSeverity(signed(total), reasons.map(signed));
  if (!r.severity) return;
  out.push(ctx.finding(p, 'NC-03', r.severity, total.text, amountText(r.expected.abs()),
    `增减额“${total.quote}”与原因中所列增减额之和 ${amountText(r.expected)} 不符${r.severity === 'rounding' ? '（尾数误差）' : ''}`));
}

const rule: NRule = {
  id: 'NC-03',
  title: '说明内部的合计与分项之和一致',
  family: 'narrative',
  formula: '说明中列为完整的各部分之和 = 所述合计（基本 = 人员 + 公用；“三公” = 出国 + 车 + 接待；采购 = 货物 + 工程 + 服务 等）',
  spec: 'narratives.md §4（实现 identities.md G-INTRA-33）',
  severities: ['error', 'rounding', 'warning'],
  severityHow: '容差同 NC-01：容差内为尾数误差，超出为错误；条件性的合计（各类年初之和、各项增减之和）不符为提示',
  messages: ['说明中“{合计}”为 {填报数}，所列各项之和为 {应为}'],
  fix: null,
  run(ctx) {
    const out: Finding[] = [];
    const body = ctx.paras.filter((p) => !p.heading);
    for (const p of body) {
      if (p.topic === 'income' || p.topic === 'expenditure' || (p.topic === 'general' && p.part === 'structure')) lists(ctx, p, out);
      if (p.topic === 'income' || p.topic === 'expenditure' || p.topic === 'basic' || (p.topic === 'general' && p.part === 'structure')) continuedList(ctx, p, out);
      if (p.topic === 'basic') {
        const basic = firstWith(p, /基本支出/);
        const person = firstWith(p, /人员经费/);
        const pub = firstWith(p, /公用经费/);
        if (basic && person && pub) {
          const f = sumFinding(ctx, p, basic, [person, pub], '基本支出与人员经费、公用经费之和不符');
          if (f) out.push(f);
        }
      }
      if (p.topic === 'procurement') {
        const total = firstWith(p, /总额|合计/);
        const parts = [firstWith(p, /货物/), firstWith(p, /工程/), firstWith(p, /服务/)].filter((x): x is Figure => !!x && x !== total);
        if (total && parts.length >= 1) {
          const f = sumFinding(ctx, p, total, parts, '政府采购支出总额与货物、工程、服务之和不符');
          if (f) out.push(f);
        }
      }
      if (p.topic === 'performance') {
        const total = firstWith(p, /支出总额/);
        const person = firstWith(p, /人员经费/);
        const pub = firstWith(p, /公用经费/);
        const project = firstWith(p, /支出金额|项目支出/, /自评|评价/);
        if (total && person && pub && project) {
          const f = sumFinding(ctx, p, total, [person, pub, project], '纳入绩效管理的支出总额与人员经费、公用经费、项目支出之和不符');
          if (f) out.push(f);
        }
      }
      if (p.topic === 'fiscal') fiscalReasons(ctx, p, out);
      if (p.topic === 'performance') performance13B(ctx, p, out);
    }
    threePublic(ctx, body.filter((p) => p.topic === 'threePublic'), out);
    detail(ctx, out);
    return out;
  },
};

export default rule;
