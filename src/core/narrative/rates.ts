/**
 * Rate statements of a paragraph (identities.md §2.4, narratives.md NC-02): for each quoted percentage, which
 * formula it states and its two inputs — the amounts quoted in its own sentence, or, when the sentence does not
 * quote one, the table cell its label names (3P 栏2–6 for 完成预算的; the named whole for 占).
 */
import { Decimal, ZERO } from '../numbers';
import { norm } from '../text';
import { amountRole, AmountRole, clauseLead, deltaDirection, NarrativeContext, Para, segmentStart, sentenceStart, Slot } from './context';
import { Figure } from './figures';
import { RateFormula, RateInput } from './rules/kit';
import { commonUnit, convert } from './units';
import { unitOf } from '../gongkai/identity';
import { tpItemAt, tpSlot } from './slots';

export type RateKind = 'completion' | 'execution' | 'growth' | 'decline' | 'share';

export interface LabeledInput extends RateInput {
  /** The quoted figure with the words that name it (`日常公用经费3,431,071.42元`), or the table cell's label. */
  label: string;
  /** Where the figure came from, for the message: `本句`, `本段开头的总数`, `A5 段列出各项前的总数`, `表中 公开07!G10`. */
  source: string;
  /** The unit of `value`: the figure's, or the one the table figure was expressed in. */
  unit: string;
  figure?: Figure;
}

export interface RateStatement {
  para: Para;
  pct: Figure;
  kind: RateKind;
  formula: RateFormula;
  /** Numerator (ratio) or Δ (growth/decline). */
  a: LabeledInput | null;
  /** Denominator (ratio) or this year's amount (growth/decline). */
  b: LabeledInput | null;
  /** Growth/decline: the Δ's verb disagrees with the rate's verb (NC-04). */
  directionConflict?: boolean;
  /** Why the rate is deliberately not recomputed (an info of NC-02 says so). */
  unchecked?: string;
}

export function rateKindOf(lead: string): RateKind | null {
  if (/完成(?:了)?.*预算(?:数)?的?$|预算完成率(?:为|是)?$|完成率(?:为|是)?$/.test(lead)) return 'completion';
  if (/执行率(?:为|是)?$/.test(lead)) return 'execution';
  if (/(?:增长|上升|提高|增加)(?:了)?(?:幅度)?(?:为)?$/.test(lead)) return 'growth';
  if (/(?:下降|降低|减少)(?:了)?(?:幅度)?(?:为)?$/.test(lead)) return 'decline';
  if (/占(?:比)?/.test(lead)) return 'share';
  return null;
}

interface Quoted {
  f: Figure;
  role: AmountRole;
}

function amountsBefore(p: Para, from: number, to: number): Quoted[] {
  return p.figures.filter((f) => f.kind === 'amount' && f.start >= from && f.start < to).map((f) => ({ f, role: amountRole(f, p) }));
}

/** The words naming a quoted figure: its clause lead without the year and the phrases that only introduce it. */
function nameOf(p: Para, f: Figure): string {
  const lead = norm(clauseLead(p, f.start))
    .replace(COMPARISON, '')
    .replace(/^.*?\d{4}年(?:度)?/, '')
    .replace(/^(?:其中|主要用于以下方面|主要用于|包括)/, '')
    .replace(/(?:为|是|达到?)$/, '');
  return lead.length > 16 ? lead.slice(-16) : lead;
}

function input(p: Para, f: Figure, source: string): LabeledInput {
  return { value: f.value, decimals: f.decimals, label: `${nameOf(p, f)}${f.text}${f.unit}`, source, unit: f.unit, figure: f };
}

function slotInput(ctx: NarrativeContext, slot: Slot | null, textUnit: string): LabeledInput | null {
  if (!slot) return null;
  // In the unit the text and the table share (a 元 text against a 万元 table: 万元, never the 万元 cell read as 元).
  const unit = commonUnit(textUnit, unitOf(slot.table));
  const v = ctx.slotIn(slot, unit);
  if (v === null) return null;
  const cells = ctx.refs(slot).map((r) => `${r.sheet}!${r.cell}`).join(' + ');
  return { value: v, decimals: 2, label: `${slot.label} ${v.toFixed(2)}${unit}`, source: `表中 ${cells}`, unit };
}

/**
 * The whole of a 其中 tail (NC-02 as amended): this year's amount quoted last before the 其中 that opens the tail —
 * the total the paragraph opens with, or in a nested tail the part it breaks down; without a 其中, the paragraph's
 * first amount (the caller decides whether the part is in a tail). A list item printed as a paragraph of its own
 * (`财政拨款收入…，占比100.00%；`, the lists of 二、三、五（二） as published) has no amount before its part, and takes
 * the total of the paragraph that introduces the list (`…收入合计…元，其中：`), found by walking back over the list's
 * `；`-ended items.
 */
function openingTotal(ctx: NarrativeContext, p: Para, from: number): { f: Figure; para: Para } | null {
  const before = p.text.slice(0, from);
  let tailAt = -1;
  for (const m of before.matchAll(TAILS)) tailAt = m.index!;
  const own = [...p.figures].reverse().find((f) => f.kind === 'amount' && f.start < (tailAt >= 0 ? tailAt : from) && amountRole(f, p) === 'current');
  if (own && tailAt >= 0) return { f: own, para: p };
  if (own) return { f: p.figures.find((f) => f.kind === 'amount' && amountRole(f, p) === 'current')!, para: p };
  for (let i = p.index - 1; i >= 0 && i >= p.index - 40; i--) {
    const q = ctx.paras[i];
    if (q.heading || q.topic !== p.topic || q.part !== p.part) return null;
    const end = q.text.trim().slice(-1);
    if (end === '：' || end === ':') {
      const total = q.figures.find((f) => f.kind === 'amount' && amountRole(f, q) === 'current');
      return total ? { f: total, para: q } : null;
    }
    if (end !== '；' && end !== ';' && end !== '，' && end !== ',') return null;
  }
  return null;
}

const TAIL = /其中|主要用于|主要包括|包括|分别为/;
const TAILS = new RegExp(TAIL.source, 'g');

const COMPARISON = /与上年度?相比|与\d{4}年(?:度)?相比|较上年度?(?:决算)?|比上年度?|较\d{4}年(?:度)?(?:决算)?|比\d{4}年(?:度)?|同比/g;

function subjectOf(lead: string): string {
  return lead.replace(COMPARISON, '').replace(/各?(?:增加|减少|增长|下降|多|少)(?:了)?(?:为|是)?$/, '').replace(/^\d{4}年度?/, '');
}

const WHOLE_TABLE: [RegExp, (ctx: NarrativeContext) => Slot | null][] = [
  [/本年支出合计|支出合计/, (ctx) => ctx.line('income-expenditure-summary', 58, undefined, '本年支出合计（行58）')],
  [/本年收入合计|收入合计/, (ctx) => ctx.line('income-expenditure-summary', 27, undefined, '本年收入合计（行27）')],
  [/三公/, (ctx) => tpSlot(ctx, 'total', false)],
  [/政府采购/, (ctx) => ctx.line('disclosure-stats', 1, undefined, '政府采购合计（行1）')],
  [/项目支出/, (ctx) => ctx.coded('general-budget-expenditure', null, 3, '项目支出合计（栏3）')],
  [/基本支出/, (ctx) => ctx.coded('general-budget-expenditure', null, 2, '基本支出合计（栏2）')],
  [/一般公共预算财政拨款支出/, (ctx) => ctx.coded('general-budget-expenditure', null, 1, '一般公共预算财政拨款支出合计（栏1）')],
];

function wholeKey(x: string): string {
  let s = x;
  for (;;) {
    const t = s.replace(/(?:的|总额|合计|总计|支出|金额|数)$/, '');
    if (t === s) return s;
    s = t;
  }
}

/**
 * A rate whose two quoted amounts carry different units (a 万元 part of a 元 total, as a 元 narrative may quote)
 * is recomputed in 万元, the 元 side converted (units.ts): a rate is unit-free only when both sides share one.
 */
function inOneUnit(s: RateStatement): RateStatement {
  if (!s.a || !s.b || s.a.unit === s.b.unit) return s;
  const wan = (x: LabeledInput): LabeledInput => (x.unit === '元' ? { ...x, value: convert(x.value, '元', '万元'), decimals: 2, unit: '万元' } : x);
  return { ...s, a: wan(s.a), b: wan(s.b) };
}

/** 13-B: 涉及资金 and the amounts listed under it are budget or user figures (narratives.md 13-B, N-14). */
const UNSOURCED = /涉及资金|自评金额|评价金额/;

function unsourcedShare(p: Para, part: Figure): boolean {
  return UNSOURCED.test(norm(p.text.slice(sentenceStart(p, part.start), part.start)));
}

const statementsOf = new WeakMap<Para, RateStatement[]>();

/** A paragraph's rate statements, worked out once: NC-02, NC-04 and NC-08 all read them. */
export function rateStatements(ctx: NarrativeContext, p: Para): RateStatement[] {
  let statements = statementsOf.get(p);
  if (!statements) statementsOf.set(p, (statements = findRateStatements(ctx, p)));
  return statements;
}

function findRateStatements(ctx: NarrativeContext, p: Para): RateStatement[] {
  const out: RateStatement[] = [];
  for (const pct of p.figures) {
    if (pct.kind !== 'percent') continue;
    const lead = norm(clauseLead(p, pct.start));
    const kind = rateKindOf(lead);
    if (!kind) continue;
    const seg = amountsBefore(p, segmentStart(p, pct.start), pct.start);
    const sen = amountsBefore(p, sentenceStart(p, pct.start), pct.start);
    const all = amountsBefore(p, 0, pct.start);
    const last = (list: Quoted[], ok: (q: Quoted) => boolean) => [...list].reverse().find(ok) ?? null;
    const unit = (sen[sen.length - 1] ?? all[all.length - 1])?.f.unit ?? '万元';
    if (kind === 'completion' || kind === 'execution') {
      const isActual = (q: Quoted) => q.role === 'current' && (kind === 'completion' || /执行/.test(norm(clauseLead(p, q.f.start))));
      const isBudget = (q: Quoted) => q.role === 'budget';
      const actualQ = last(seg, isActual) ?? last(sen, isActual);
      const budgetQ = last(seg, isBudget) ?? last(sen, isBudget);
      let a: LabeledInput | null = actualQ ? input(p, actualQ.f, '本句') : null;
      let b: LabeledInput | null = budgetQ ? input(p, budgetQ.f, '本句') : null;
      if (p.topic === 'threePublic') {
        const item = tpItemAt(p, pct.start);
        if (item && !b) b = slotInput(ctx, tpSlot(ctx, item, true), a?.figure?.unit ?? unit);
        if (item && !a) a = slotInput(ctx, tpSlot(ctx, item, false), b?.figure?.unit ?? unit);
      }
      out.push(inOneUnit({ para: p, pct, kind, formula: 'ratio', a, b }));
    } else if (kind === 'growth' || kind === 'decline') {
      const deltaQ = last(sen, (q) => q.role === 'delta');
      if (!deltaQ) continue;
      const dir = deltaDirection(deltaQ.f, p);
      const conflict = (dir === 1 && kind === 'decline') || (dir === -1 && kind === 'growth');
      const subject = norm(subjectOf(norm(clauseLead(p, deltaQ.f.start))));
      const bases = all.filter((q) => q.role === 'current' && q.f.start < deltaQ.f.start);
      const bySubject = subject.length >= 2 ? [...bases].reverse().find((q) => norm(clauseLead(p, q.f.start)).includes(subject)) : undefined;
      const baseQ = bySubject ?? bases[bases.length - 1] ?? null;
      const baseSource = baseQ && baseQ.f.start >= sentenceStart(p, pct.start) ? '本句' : '本段';
      out.push(inOneUnit({ para: p, pct, kind, formula: kind === 'growth' ? 'growth' : 'decline', a: input(p, deltaQ.f, '本句的增减额'), b: baseQ ? input(p, baseQ.f, baseSource) : null, directionConflict: conflict }));
    } else {
      const partQ = seg[seg.length - 1] ?? sen[sen.length - 1] ?? null;
      if (!partQ) continue;
      // A figure with no table source (涉及资金 of 13-B, a count typed by the user) is a budget figure or the
      // user's: its share of a table total is not an identity (identities.md N-14), so it is not recomputed.
      if (unsourcedShare(p, partQ.f)) {
        out.push({ para: p, pct, kind, formula: 'ratio', a: null, b: null, unchecked: `“${nameOf(p, partQ.f)}${partQ.f.text}${partQ.f.unit}”是预算（绩效自评）口径的金额，不是决算表中的数，其占比未与决算表核对` });
        continue;
      }
      const x = lead.slice(lead.lastIndexOf('占') + 1).replace(/^比/, '');
      const key = wholeKey(x);
      let b: LabeledInput | null = null;
      if (key.length >= 2) {
        const named = all.find((q) => q.f !== partQ.f && q.role === 'current' && norm(clauseLead(p, q.f.start)).includes(key));
        if (named) b = input(p, named.f, '本段');
        if (!b) {
          const table = WHOLE_TABLE.find(([re]) => re.test(x));
          if (table) b = slotInput(ctx, table[1](ctx), partQ.f.unit);
        }
      } else {
        // 占比 with no named whole. In a 其中 tail (`其中，X…，占比p%；Y…，占比q%`), or in a list item of its own, the
        // whole is the total the paragraph (or the list's lead paragraph) opens with, never a sibling part
        // (narratives.md NC-02); otherwise the sentence's first amount.
        const sentenceFrom = sentenceStart(p, pct.start);
        const opening = openingTotal(ctx, p, partQ.f.start);
        const tail = opening && (opening.para !== p || TAIL.test(norm(p.text.slice(opening.f.end, partQ.f.start))));
        if (opening && tail && opening.f !== partQ.f) {
          b = input(opening.para, opening.f, opening.para === p ? '本段开头的总数' : `${opening.para.cell} 段列出各项前的总数`);
        } else {
          const first = sen.find((q) => q.role === 'current');
          if (first && first.f !== partQ.f) b = input(p, first.f, '本句');
          else if (first === undefined || first.f === partQ.f) {
            const firstAll = all.find((q) => q.role === 'current' && q.f.start < sentenceFrom);
            if (firstAll && firstAll.f !== partQ.f) b = input(p, firstAll.f, '本段');
          }
        }
      }
      out.push(inOneUnit({ para: p, pct, kind, formula: 'ratio', a: input(p, partQ.f, '本句'), b }));
    }
  }
  return out;
}

/** The denominator of a statement: 预算/全年/whole, or 上年 (= current ∓ Δ) for growth/decline. */
export function denominatorOf(s: RateStatement): Decimal | null {
  if (!s.a || !s.b) return null;
  if (s.formula === 'ratio') return s.b.value;
  return s.formula === 'growth' ? s.b.value.minus(s.a.value) : s.b.value.plus(s.a.value);
}

export const ZERO_DECIMAL = ZERO;
