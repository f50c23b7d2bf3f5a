/**
 * From a quoted figure to the table cell it speaks of (identities.md §5, narratives.md §1 slot tables): the section
 * gives the topic, the words before the figure name the slot. Figures with no table source (上年, 增减额, 年初预算,
 * reasons, user counts) resolve to nothing and are not compared.
 */
import { GTable } from '../gongkai/model';
import { labelKey, norm } from '../text';
import { Figure } from './figures';
import { amountRole, clauseLead, NarrativeContext, Para, segmentLead, sentenceLead, Slot } from './context';

type Rule = [RegExp, () => Slot | null];

/**
 * Each keyword pattern with the global flag, built once per source (a literal in a function body is a new object at
 * every call, so the source is the key): `pick` runs for every figure of the 情况说明.
 */
const globalPatterns = new Map<string, RegExp>();

function globalOf(pattern: RegExp): RegExp {
  let re = globalPatterns.get(pattern.source);
  if (!re) globalPatterns.set(pattern.source, (re = new RegExp(pattern.source, 'g')));
  re.lastIndex = 0;
  return re;
}

/** The slot named by the last keyword found in `lead` (the nearest phrase before the figure wins). */
function pick(lead: string, rules: Rule[]): Slot | null | undefined {
  let best: { end: number; rule: Rule } | null = null;
  for (const rule of rules) {
    const re = globalOf(rule[0]);
    let m: RegExpExecArray | null;
    while ((m = re.exec(lead))) {
      const end = m.index + m[0].length;
      if (!best || end > best.end) best = { end, rule };
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return best ? best.rule[1]() : undefined;
}

// ------------------------------------------------------------------------------------------------ 三公 items

export type TpItem = 'total' | 'abroad' | 'car' | 'purchase' | 'running' | 'reception' | 'foreignReception' | 'domesticReception' | 'affairsReception';

/** 预算 栏 / 决算 栏 of each 3P item (narratives.md NT-07 slot table). */
export const TP_COLUMNS: Record<'total' | 'abroad' | 'car' | 'purchase' | 'running' | 'reception', [number, number]> = {
  total: [1, 7], abroad: [2, 8], car: [3, 9], purchase: [4, 10], running: [5, 11], reception: [6, 12],
};

export const TP_LABEL: Record<TpItem, string> = {
  total: '“三公”经费', abroad: '因公出国（境）费', car: '公务用车购置及运行费', purchase: '公务用车购置费', running: '公务用车运行费',
  reception: '公务接待费', foreignReception: '外宾接待费', domesticReception: '国内接待费', affairsReception: '外事接待费',
};

/** The 三公 item last named in a text (normalised). */
export function tpItemOf(text: string): TpItem | null {
  const s = norm(text)
    .replace(/购置及运行(?:维护)?(?:费)?/g, '⟨车⟩')
    .replace(/外事(?:公务)?接待/g, '⟨事⟩')
    .replace(/(?:国\(境\)外|境外|外宾)(?:公务)?接待/g, '⟨外⟩')
    .replace(/(?:其他)?国内(?:公务)?接待/g, '⟨内⟩');
  const marks: [RegExp, TpItem][] = [
    [/三公/g, 'total'], [/因公出国|出国\(境\)/g, 'abroad'], [/⟨车⟩/g, 'car'], [/购置/g, 'purchase'],
    [/运行(?:维护)?/g, 'running'], [/公务接待|接待费/g, 'reception'], [/⟨外⟩/g, 'foreignReception'], [/⟨内⟩/g, 'domesticReception'], [/⟨事⟩/g, 'affairsReception'],
  ];
  let best: { at: number; item: TpItem } | null = null;
  for (const [re, item] of marks) {
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) if (!best || m.index >= best.at) best = { at: m.index, item };
  }
  return best?.item ?? null;
}

/** The 3P item a figure belongs to: named in its segment, else in its sentence, else at the paragraph start. */
export function tpItemAt(p: Para, pos: number): TpItem | null {
  return tpItemOf(segmentLead(p, pos)) ?? tpItemOf(sentenceLead(p, pos)) ?? tpItemOf(p.text.slice(0, pos));
}

export function tpSlot(ctx: NarrativeContext, item: TpItem, budget: boolean): Slot | null {
  if (!(item in TP_COLUMNS)) return null;
  const t = ctx.table('three-public');
  if (!t || t.dataRow === null) return null;
  const lanci = TP_COLUMNS[item as keyof typeof TP_COLUMNS][budget ? 0 : 1];
  const col = t.columns.find((c) => c.lanci === lanci);
  return col ? ctx.at(t, { row: t.dataRow, col: col.col }, `${TP_LABEL[item]}${budget ? '预算数' : '决算数'}（栏${lanci}）`) : null;
}

// ------------------------------------------------------------------------------------------------ 五（三） items

export interface ItemPath {
  /** 项 (set A) or 类 (set B). */
  level: 'xiang' | 'lei';
  names: string[];
  /** Position among the item paragraphs (0-based). */
  position: number;
  slot: Slot | null;
  /** Set when the path's names were not found and the item fell back to its list position (NC-13). */
  mismatch?: string;
}

const PATH = /([^（）()。，；：、\d.．\s][^（）()。，；：、]*?)[(（]类[)）]([^（）()。，；：、]*?)[(（]款[)）]([^（）()。，；：、]*?)[(（]项[)）]/;

/** A 类-name key: normalised, ordinal and every trailing 支出 dropped (H21 writes both 一般公共服务（类） and 一般公共服务支出（类）). */
export function classKey(name: string): string {
  let s = labelKey(name).replace(/^\d+[.、．]?/, '');
  while (s.endsWith('支出') && s.length > 2) s = s.slice(0, -2);
  return s;
}

function nameKey(name: string): string {
  return labelKey(name).replace(/^\d+[.、．]?/, '');
}

/** GB 7-digit (set A) or 3-digit rows with a non-zero 栏1, in code order: the rows NT-05-3 lists. */
export function itemRows(ctx: NarrativeContext, t: GTable, length: number) {
  const col = t.columns.find((c) => c.lanci === 1);
  return t.codeRows
    .filter((r) => r.code.length === length)
    .filter((r) => {
      if (!col) return true;
      const v = ctx.values.value({ table: t, pos: { row: r.row, col: col.col } });
      return v === null || !v.isZero();
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const pathCache = new WeakMap<NarrativeContext, Map<number, ItemPath | null>>();

/** The paragraphs of 五（三） that are items, each with the GB row its path names. */
export function detailItems(ctx: NarrativeContext): { para: Para; path: ItemPath }[] {
  const out: { para: Para; path: ItemPath }[] = [];
  for (const p of ctx.paras) {
    const path = itemPath(ctx, p);
    if (path) out.push({ para: p, path });
  }
  return out;
}

export function itemPath(ctx: NarrativeContext, p: Para): ItemPath | null {
  let cache = pathCache.get(ctx);
  if (!cache) {
    cache = new Map();
    pathCache.set(ctx, cache);
    resolveItems(ctx, cache);
  }
  return cache.get(p.index) ?? null;
}

function resolveItems(ctx: NarrativeContext, cache: Map<number, ItemPath | null>): void {
  const gb = ctx.table('general-budget-expenditure');
  const col1 = gb?.columns.find((c) => c.lanci === 1);
  const candidates = ctx.paras.filter((p) => !p.heading && p.topic === 'general' && (p.part === 'detail' || p.part === null));
  let position = 0;
  let classPosition = 0;
  const items = gb ? itemRows(ctx, gb, 7) : [];
  for (const p of candidates) {
    const m = PATH.exec(p.text);
    if (m) {
      const names = [m[1], m[2], m[3]].map((s) => s.trim().replace(/^\d+[.、．]\s*/, ''));
      const path: ItemPath = { level: 'xiang', names, position: position++, slot: null };
      if (gb && col1) {
        const found = findPath(gb, names);
        const row = found ?? items[path.position] ?? null;
        if (row) {
          path.slot = ctx.at(gb, { row: row.row, col: col1.col }, `${row.code} ${row.name}（栏1）`);
          if (!found) path.mismatch = `${names[0]}（类）${names[1]}（款）${names[2]}（项）`;
          if (!found) (path as ItemPath & { fallback?: string }).fallback = `${row.code} ${row.name}`;
        }
      }
      cache.set(p.index, path);
      continue;
    }
    // Set B: a 类 item `{类名}年初预算…，支出决算…` in 五（三）.
    if (p.part !== 'detail') continue;
    const n = norm(p.text);
    if (!/年初预算/.test(n) || !/决算/.test(n)) continue;
    const lead = n.replace(/^\d+[.、．]?|^\([一二三四五六七八九十]+\)/, '').split(/年初预算/)[0].replace(/^.*?\d{4}年(?:度)?[,，]?/, '');
    if (!lead || /财政拨款支出$|^支出$/.test(lead)) continue;
    // A paragraph naming several 类 (one per `；`-segment) is read segment by segment (segmentClassSlot).
    if (gb && segmentClasses(ctx, p).length >= 2) continue;
    const path: ItemPath = { level: 'lei', names: [lead], position: classPosition++, slot: null };
    if (gb && col1) {
      const row = gb.codeRows.find((r) => r.code.length === 3 && classKey(r.name) === classKey(lead));
      if (row) path.slot = ctx.at(gb, { row: row.row, col: col1.col }, `${row.code} ${row.name}（栏1）`);
    }
    cache.set(p.index, path);
  }
}

function findPath(gb: GTable, names: string[]) {
  const lei = gb.codeRows.filter((r) => r.code.length === 3 && classKey(r.name) === classKey(names[0]));
  for (const l of lei) {
    const kuan = gb.codeRows.filter((r) => r.code.length === 5 && r.code.startsWith(l.code) && nameKey(r.name) === nameKey(names[1]));
    for (const k of kuan) {
      const xiang = gb.codeRows.find((r) => r.code.length === 7 && r.code.startsWith(k.code) && nameKey(r.name) === nameKey(names[2]));
      if (xiang) return xiang;
    }
  }
  return null;
}

// ------------------------------------------------------------------------------------------------ amounts

/** The table cell an amount figure speaks of, or null when it has none (or the table is not loaded). */
export function amountSlot(ctx: NarrativeContext, p: Para, f: Figure): Slot | null {
  if (f.kind !== 'amount') return null;
  const role = amountRole(f, p);
  if (role === 'delta' || role === 'prior' || role === 'reason') return null;
  const lead = norm(clauseLead(p, f.start));
  const sentence = norm(sentenceLead(p, f.start));
  const budget = role === 'budget';
  switch (p.topic) {
    case 'threePublic': {
      const item = tpItemAt(p, f.start);
      return item ? tpSlot(ctx, item, budget) : null;
    }
    case null:
    case 'other':
      return null;
  }
  if (budget) return null;
  if (/中小企业|小微|自评|重点|评价|涉及资金|以上|以下|单价|单位价值/.test(lead)) return null;
  if (performanceFigure(p, f)) return null;
  const gb = (lanci: number, label: string) => () => ctx.coded('general-budget-expenditure', null, lanci, label);
  const bePerson = () => beTotal(ctx, 'personnel');
  const bePublic = () => beTotal(ctx, 'public');
  switch (p.topic) {
    case 'overall':
      return pick(lead, [
        [/收入总计|收、?支总计|收支总计|总计/, () => ctx.line('income-expenditure-summary', 31, undefined, '收入总计（行31）')],
        [/支出总计/, () => ctx.line('income-expenditure-summary', 62, undefined, '支出总计（行62）')],
        [/收入合计|本年收入/, () => ctx.line('income-expenditure-summary', 27, undefined, '本年收入合计（行27）')],
        [/支出合计|本年支出/, () => ctx.line('income-expenditure-summary', 58, undefined, '本年支出合计（行58）')],
      ]) ?? null;
    case 'income':
      return pick(lead, [
        [/收入合计|本年收入|收入总额|收入共计/, () => ctx.line('income-expenditure-summary', 27, undefined, '本年收入合计（行27）') ?? ctx.coded('income', null, 1, '本年收入合计（栏1）')],
        [/财政拨款收入/, () => ctx.coded('income', null, 2, '财政拨款收入（栏2）')],
        [/一般公共预算财政拨款(?:收入)?/, () => ctx.line('income-expenditure-summary', 1, undefined, '一般公共预算财政拨款收入（行1）')],
        [/政府性基金预算财政拨款(?:收入)?/, () => ctx.line('income-expenditure-summary', 2, undefined, '政府性基金预算财政拨款收入（行2）')],
        [/国有资本经营预算财政拨款(?:收入)?/, () => ctx.line('income-expenditure-summary', 3, undefined, '国有资本经营预算财政拨款收入（行3）')],
        [/上级补助收入/, () => ctx.coded('income', null, 3, '上级补助收入（栏3）')],
        [/事业收入/, () => ctx.coded('income', null, 4, '事业收入（栏4）')],
        [/(?<!资本)经营收入/, () => ctx.coded('income', null, 5, '经营收入（栏5）')],
        [/附属单位上缴收入/, () => ctx.coded('income', null, 6, '附属单位上缴收入（栏6）')],
        [/其他收入/, () => ctx.coded('income', null, 7, '其他收入（栏7）')],
        [/使用非财政拨款结余/, () => ctx.line('income-expenditure-summary', 28, undefined, '使用非财政拨款结余（行28）')],
        [/年初结转和结余/, () => ctx.line('income-expenditure-summary', 29, undefined, '年初结转和结余（行29）')],
      ]) ?? null;
    case 'expenditure':
      return pick(lead, [
        [/支出合计|本年支出|支出总额|支出共计/, () => ctx.line('income-expenditure-summary', 58, undefined, '本年支出合计（行58）') ?? ctx.coded('expenditure', null, 1, '本年支出合计（栏1）')],
        [/基本支出/, () => ctx.coded('expenditure', null, 2, '基本支出（栏2）')],
        [/项目支出/, () => ctx.coded('expenditure', null, 3, '项目支出（栏3）')],
        [/上缴上级支出/, () => ctx.coded('expenditure', null, 4, '上缴上级支出（栏4）')],
        [/经营支出/, () => ctx.coded('expenditure', null, 5, '经营支出（栏5）')],
        [/对附属单位补助支出/, () => ctx.coded('expenditure', null, 6, '对附属单位补助支出（栏6）')],
        [/结余分配/, () => ctx.line('income-expenditure-summary', 59, undefined, '结余分配（行59）')],
        [/年末结转和结余/, () => ctx.line('income-expenditure-summary', 60, undefined, '年末结转和结余（行60）')],
      ]) ?? null;
    case 'fiscal':
      return pick(lead, [
        [/收、?支总计|收支总计|收入总计|总计/, () => ctx.line('fiscal-summary', 32, undefined, '财政拨款收入总计（行32）')],
        [/支出总计/, () => ctx.line('fiscal-summary', 64, 2, '财政拨款支出总计（行64）')],
        [/本年收入合计|本年收入/, () => ctx.line('fiscal-summary', 27, undefined, '本年收入合计（行27）')],
        [/本年支出合计|本年支出/, () => ctx.line('fiscal-summary', 59, 2, '本年支出合计（行59）')],
        [/年末(?:财政拨款)?结转(?:和)?结余/, () => ctx.line('fiscal-summary', 60, 2, '年末财政拨款结转和结余（行60）')],
      ]) ?? null;
    case 'general': {
      const path = itemPath(ctx, p);
      if (path) return /决算/.test(lead) ? path.slot : null;
      if (p.part === 'detail') {
        // Set B may print every 类 of 五（三） in one paragraph, `；`-separated: the 类 is named in the figure's segment.
        const cls = segmentClassSlot(ctx, p, f);
        if (cls !== undefined) return /决算/.test(lead) ? cls : null;
      }
      if (p.part === 'structure') {
        const cls = classSlot(ctx, lead);
        if (cls) return cls;
      }
      return pick(lead, [
        [/一般公共预算财政拨款支出|支出决算|决算/, gb(1, '一般公共预算财政拨款支出合计（栏1）')],
        [/人员经费/, bePerson],
        [/公用经费/, bePublic],
      ]) ?? null;
    }
    case 'basic':
      return pick(lead, [
        [/基本支出/, gb(2, '基本支出合计（栏2）')],
        [/人员经费/, bePerson],
        [/公用经费/, bePublic],
      ]) ?? beItemSlot(ctx, lead);
    case 'govFund':
      return fundSlot(ctx, 'gov-fund', lead);
    case 'stateCapital':
      return fundSlot(ctx, 'state-capital', lead);
    case 'opex':
      if (!/机关运行经费/.test(sentence)) return null;
      return opexSlot(ctx);
    case 'procurement':
      return pick(lead, [
        [/总额|合计|采购支出|采购金额/, () => ctx.line('disclosure-stats', 1, undefined, '政府采购合计（行1）')],
        [/货物/, () => ctx.line('disclosure-stats', 2, undefined, '货物（行2）')],
        [/工程/, () => ctx.line('disclosure-stats', 3, undefined, '工程（行3）')],
        [/服务/, () => ctx.line('disclosure-stats', 4, undefined, '服务（行4）')],
      ]) ?? null;
    case 'performance':
      return pick(lead, [
        [/支出总额|总额/, gb(1, '一般公共预算财政拨款支出合计（栏1）')],
        [/人员经费/, bePerson],
        [/公用经费/, bePublic],
        [/项目支出|支出金额/, gb(3, '项目支出合计（栏3）')],
      ]) ?? null;
    default:
      return null;
  }
}

/**
 * 13-B paragraphs (绩效自评 coverage and grade counts) and the 13-A sentences on 自评/重点评价 quote budget or user
 * figures: 涉及资金, its parts by fund, 自评金额, 评价金额 (narratives.md 13-B slot table, identities.md N-14). They
 * fill no slot with a table source, so they are never compared with the nearest table total.
 */
export function performanceFigure(p: Para, f: Figure): boolean {
  if (p.topic !== 'performance') return false;
  return /涉及资金|自评|评价|涵盖|项目资金/.test(norm(sentenceLead(p, f.start)));
}

/** BE 人员经费合计 / 公用经费合计 (basic column). */
export function beTotal(ctx: NarrativeContext, which: 'personnel' | 'public'): Slot | null {
  const t = ctx.table('basic-expenditure');
  const pos = t?.be?.[which]?.basic ?? null;
  return t ? ctx.at(t, pos, which === 'personnel' ? '人员经费合计' : '公用经费合计') : null;
}

function beItemSlot(ctx: NarrativeContext, lead: string): Slot | null {
  const t = ctx.table('basic-expenditure');
  if (!t?.be) return null;
  const key = nameKey(lead);
  const item = t.be.items.find((i) => i.code.length === 5 && nameKey(i.name).length >= 2 && key.endsWith(nameKey(i.name)));
  return item ? ctx.at(t, item.basic, `${item.code} ${item.name}`) : null;
}

/** 五（二）: `X（类）支出 金额` or `X支出 金额` → the GB 类 row whose name matches. */
function classSlot(ctx: NarrativeContext, lead: string): Slot | null {
  const t = ctx.table('general-budget-expenditure');
  const col = t?.columns.find((c) => c.lanci === 1);
  if (!t || !col) return null;
  const key = classKey(lead.replace(/[(（]类[)）]/g, '').replace(/主要用于以下方面|主要用于|其中/g, ''));
  const row = t.codeRows.find((r) => r.code.length === 3 && classKey(r.name).length > 0 && key.endsWith(classKey(r.name)));
  return row ? ctx.at(t, { row: row.row, col: col.col }, `${row.code} ${row.name}（栏1）`) : null;
}

/**
 * The GB 类 row a 五（三） segment names at its start (`一般公共服务支出年初预算…，支出决算数…`), as its 栏1 slot;
 * undefined when the segment names no 类 (the lead sentence of 五（三）, whose figures are the totals).
 */
function segmentClassSlot(ctx: NarrativeContext, p: Para, f: Figure): Slot | null | undefined {
  const t = ctx.table('general-budget-expenditure');
  const col = t?.columns.find((c) => c.lanci === 1);
  if (!t || !col) return undefined;
  const row = classAtStart(t, segmentLead(p, f.start));
  if (!row) return undefined;
  return ctx.at(t, { row: row.row, col: col.col }, `${row.code} ${row.name}（栏1）`);
}

/** The GB 类 a text names at its start (after a year and an ordinal), or null. */
function classAtStart(t: GTable, text: string) {
  const seg = labelKey(norm(text).replace(/^.*?\d{4}年(?:度)?[,，]?/, ''));
  if (/一般公共预算财政拨款支出|^财政拨款支出/.test(seg)) return null;
  let best: { at: number; row: GTable['codeRows'][number] } | null = null;
  for (const row of t.codeRows) {
    if (row.code.length !== 3) continue;
    const key = classKey(row.name);
    if (key.length < 2) continue;
    const at = seg.indexOf(key);
    if (at >= 0 && at <= 2 && (!best || at < best.at)) best = { at, row };
  }
  return best?.row ?? null;
}

/** The GB 类 one `；`/`。` segment of 五（三） names at its start, or null. */
export function segmentClass(ctx: NarrativeContext, segment: string): GTable['codeRows'][number] | null {
  const t = ctx.table('general-budget-expenditure');
  return t ? classAtStart(t, segment) : null;
}

/** The distinct GB 类 named at the starts of a paragraph's `；`/`。` segments, in order. */
export function segmentClasses(ctx: NarrativeContext, p: Para): GTable['codeRows'] {
  const out: GTable['codeRows'] = [];
  for (const seg of p.text.split(/[；;。]/)) {
    const row = segmentClass(ctx, seg);
    if (row && !out.includes(row)) out.push(row);
  }
  return out;
}

function fundSlot(ctx: NarrativeContext, template: 'gov-fund' | 'state-capital', lead: string): Slot | null {
  const t = ctx.table(template);
  if (!t) return null;
  const five = t.columns.length <= 3;
  const rules: Rule[] = five
    ? [
        [/本年支出|支出/, () => ctx.coded(template, null, 1, '本年支出合计（栏1）')],
        [/基本支出/, () => ctx.coded(template, null, 2, '基本支出（栏2）')],
        [/项目支出/, () => ctx.coded(template, null, 3, '项目支出（栏3）')],
      ]
    : [
        [/年初结转和结余|年初结转结余/, () => ctx.coded(template, null, 1, '年初结转和结余（栏1）')],
        [/本年收入|收入/, () => ctx.coded(template, null, 2, '本年收入（栏2）')],
        [/本年支出|支出/, () => ctx.coded(template, null, 3, '本年支出小计（栏3）')],
        [/基本支出/, () => ctx.coded(template, null, 4, '基本支出（栏4）')],
        [/项目支出/, () => ctx.coded(template, null, 5, '项目支出（栏5）')],
        [/年末结转和结余|年末结转结余/, () => ctx.coded(template, null, 6, '年末结转和结余（栏6）')],
      ];
  return pick(lead, rules) ?? null;
}

/** 机关运行经费 = DS 行5 + 行6. Without DS there is no table figure (only G-INTER-17's inequality). */
export function opexSlot(ctx: NarrativeContext): Slot | null {
  const a = ctx.line('disclosure-stats', 5);
  const b = ctx.line('disclosure-stats', 6);
  if (!a || !b) return null;
  return { label: '机关运行经费（行5 + 行6）', table: a.table, places: [...a.places, ...b.places] };
}
