/**
 * 第三部分 情况说明 drafts (narratives.md §1, NT-01…NT-13): data-driven templates whose slots are filled from the
 * recognised tables (the printed cells, PR-04), with every percentage computed from the quoted figures (half-up,
 * 2 places) and 【请填写：…】 placeholders for what no table holds (上年, 年初预算, reasons, counts; PR-06).
 * Pure functions: the pane previews and inserts the paragraphs, the CLI prints them or writes them into a copy.
 */
import type { WorkbookContext } from '../../workbook-context';
import { gongkaiRun, gongkaiTables } from '../../gongkai';
import { CellValues } from '../../gongkai/identity';
import { codeCell, GTable, lineCell, Pos } from '../../gongkai/model';
import { Decimal, fixed, halfUp, ZERO } from '../../numbers';
import { labelKey, norm } from '../../text';
import { rawText } from '../../grid';
import { express } from '../units';
import { gradeOf, projectProblems, selfEvalFacts, SelfEvalFacts, selfEvalTables } from './zongshu';

export type HeadingSet = 'A' | 'B';
export type AmountStyle = 'plain' | 'grouped';

export interface DraftParagraph {
  kind: 'heading' | 'text';
  text: string;
  /** The section (NT id) the paragraph belongs to. */
  section: string;
}

export interface DraftOptions {
  /** Sections to draft (NT ids such as `NT-01`, `NT-05`); all when absent. */
  sections?: string[];
  headingSet?: HeadingSet;
  amountStyle?: AmountStyle;
  /** 列出零值: keep zero items in NT-02/03/05-2/06/12. */
  listZeros?: boolean;
  /** User inputs by slot key (`上年.收支总计`, `年初.2013802`, `原因.NT-01` …): amounts as decimal strings. */
  inputs?: Record<string, string>;
}

export interface Draft {
  headingSet: HeadingSet;
  year: number | null;
  unit: string;
  paragraphs: DraftParagraph[];
  /** Slots left for the user (their labels, as in the 【请填写：…】 placeholders). */
  unfilled: string[];
  /** The unfilled slots with the id `inputs` takes (`上年.收支总计`, or the label itself) and whether they hold an amount. */
  slots: DraftSlot[];
}

/** One 【请填写：…】 slot: `inputs` accepts its id or its label. */
export interface DraftSlot {
  id: string;
  label: string;
  kind: 'amount' | 'text';
}

export const DRAFT_SECTIONS: { id: string; label: string }[] = [
  { id: 'NT-01', label: '收入支出决算总体情况' }, { id: 'NT-02', label: '收入决算情况' }, { id: 'NT-03', label: '支出决算情况' },
  { id: 'NT-04', label: '财政拨款收入支出决算总体情况' }, { id: 'NT-05', label: '一般公共预算财政拨款支出决算情况' },
  { id: 'NT-06', label: '一般公共预算财政拨款基本支出决算情况' }, { id: 'NT-07', label: '“三公”经费支出决算情况' },
  { id: 'NT-08', label: '政府性基金预算财政拨款支出决算情况' }, { id: 'NT-09', label: '国有资本经营预算财政拨款支出决算情况' },
  { id: 'NT-10', label: '机关运行经费支出情况' }, { id: 'NT-11', label: '政府采购支出情况' }, { id: 'NT-12', label: '国有资产占用情况' },
  { id: 'NT-13', label: '预算绩效情况' },
];

const HUNDRED = new Decimal(100);

/** The recognised 公开表 read through the check's own cell values (one reading for the check and the drafts). */
class Tables {
  constructor(readonly list: GTable[], readonly values: CellValues) {}
  one(template: GTable['template']): GTable | null {
    const all = this.list.filter((t) => t.template === template);
    return all.length === 1 ? all[0] : null;
  }
  at(t: GTable | null, pos: Pos | null): Decimal | null {
    return t && pos ? this.values.value({ table: t, pos }) : null;
  }
  line(template: GTable['template'], line: number, lanci?: number): Decimal | null {
    const t = this.one(template);
    return t ? this.at(t, lineCell(t, line, lanci)) : null;
  }
  coded(template: GTable['template'], code: string | null, lanci: number): Decimal | null {
    const t = this.one(template);
    return t ? this.at(t, codeCell(t, code, lanci)) : null;
  }
  tp(lanci: number): Decimal | null {
    const t = this.one('three-public');
    const c = t?.columns.find((x) => x.lanci === lanci);
    return t && c && t.dataRow !== null ? this.at(t, { row: t.dataRow, col: c.col }) : null;
  }
}

class Writer {
  get slots(): DraftSlot[] {
    return this.unfilled.map((label) => ({ label, ...(this.asked.get(label) ?? { id: label, kind: 'text' as const }) }));
  }

  readonly paragraphs: DraftParagraph[] = [];
  readonly unfilled: string[] = [];
  /** label → the input key and kind it was asked through, for the slot list. */
  private readonly asked = new Map<string, { id: string; kind: DraftSlot['kind'] }>();
  section = '';
  constructor(readonly unit: string, readonly style: AmountStyle, readonly inputs: Record<string, string>) {}
  heading(text: string): void {
    this.paragraphs.push({ kind: 'heading', text, section: this.section });
  }
  text(text: string): void {
    this.paragraphs.push({ kind: 'text', text, section: this.section });
  }
  /** An amount in the tables' unit, 2 decimals, half-up. */
  amt(d: Decimal): string {
    const s = fixed(halfUp(d, 2), 2);
    if (this.style === 'plain') return s;
    const [i, f] = s.split('.');
    return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
  }
  money(d: Decimal | null, label: string): string {
    return d === null ? this.ask(label) : `${this.amt(d)}${this.unit}`;
  }
  ask(label: string): string {
    if (!this.unfilled.includes(label)) this.unfilled.push(label);
    return `【请填写：${label}】`;
  }
  /** A user amount by its key, or by the label its placeholder shows (what the pane collects). */
  input(key: string, label?: string): Decimal | null {
    if (!this.asked.has(label ?? key)) this.asked.set(label ?? key, { id: key, kind: 'amount' });
    const v = this.inputs[key] ?? (label ? this.inputs[label] : undefined);
    if (v === undefined || v.trim() === '') return null;
    try {
      return new Decimal(v.replace(/[,，\s]/g, ''));
    } catch {
      return null;
    }
  }
  textInput(key: string, label: string): string {
    if (!this.asked.has(label)) this.asked.set(label, { id: key, kind: 'text' });
    const v = this.inputs[key] ?? this.inputs[label];
    return v && v.trim() ? v.trim().replace(/。$/, '') : this.ask(label);
  }
}

/** part ÷ whole × 100, half-up 2 dp; null when the whole is 0 or absent (§0.3). */
export function percent(part: Decimal | null, whole: Decimal | null): string | null {
  if (!part || !whole || whole.isZero()) return null;
  return `${fixed(halfUp(part.div(whole).times(HUNDRED), 2), 2)}%`;
}

/** §0.4 Δ句: 增加{|Δ|}，增长{率}% / 减少…下降… / null for 持平 (the caller words it). */
function deltaClause(w: Writer, current: Decimal, given: Decimal | null, label: string): { text: string; flat: boolean } {
  const prior = given ?? w.input(`上年${label}`);
  if (prior === null) return { text: w.ask(`上年${label}`), flat: false };
  const d = current.minus(prior);
  if (d.isZero()) return { text: '', flat: true };
  const rate = prior.isZero() ? '' : `，${d.gt(0) ? '增长' : '下降'}${fixed(halfUp(d.abs().div(prior).times(HUNDRED), 2), 2)}%`;
  return { text: `${d.gt(0) ? '增加' : '减少'}${w.amt(d.abs())}${w.unit}${rate}`, flat: false };
}

const A_HEADINGS: Record<string, string> = {
  'NT-01': '一、收入支出决算总体情况说明', 'NT-02': '二、收入决算情况说明', 'NT-03': '三、支出决算情况说明',
  'NT-04': '四、财政拨款收入支出决算总体情况说明', 'NT-05': '五、一般公共预算财政拨款支出决算情况说明',
  'NT-06': '六、一般公共预算财政拨款基本支出决算情况说明', 'NT-07': '七、一般公共预算财政拨款“三公”经费支出决算情况说明',
  'NT-08': '八、政府性基金预算财政拨款支出决算情况说明', 'NT-09': '九、国有资本经营预算财政拨款支出决算情况说明',
  'NT-10': '十、机关运行经费支出情况说明', 'NT-11': '十一、政府采购支出情况说明', 'NT-12': '十二、国有资产占用情况说明', 'NT-13': '十三、预算绩效情况说明',
};
const B_HEADINGS: Record<string, string> = {
  ...A_HEADINGS, 'NT-04': '四、财政拨款收支决算总体情况说明', 'NT-08': '七、政府性基金预算财政拨款收支决算情况说明',
  'NT-09': '八、国有资本经营预算财政拨款支出决算情况说明', 'NT-07': '九、财政拨款“三公”经费支出决算情况说明',
  'NT-10': '（一）机关运行经费支出情况说明', 'NT-11': '（二）政府采购情况说明', 'NT-12': '（三）国有资产占用情况说明', 'NT-13': '（四）预算绩效情况说明',
};
const B_ORDER = ['NT-01', 'NT-02', 'NT-03', 'NT-04', 'NT-05', 'NT-06', 'NT-08', 'NT-09', 'NT-07', 'NT-10', 'NT-11', 'NT-12', 'NT-13'];

function yearOf(tables: GTable[]): number | null {
  for (const t of tables) {
    for (let r = 0; r < Math.min(8, t.sheet.rowCount); r++) {
      for (const cell of t.sheet.cells[r] ?? []) {
        const m = /(\d{4})年度/.exec(norm(rawText(cell)));
        if (m) return Number(m[1]);
      }
    }
  }
  return null;
}

function existingStyle(context: WorkbookContext): AmountStyle | null {
  const notes = context.recognitions.find((r) => r.template === 'situation-notes');
  if (!notes) return null;
  const text = (notes.model as { paragraphs: { text: string }[] }).paragraphs.map((p) => p.text).join('');
  if (/\d{1,3},\d{3}(?:\.\d+)?\s*万?元/.test(text)) return 'grouped';
  return /\d{4,}\.\d{2}\s*万?元/.test(text) ? 'plain' : null;
}

/**
 * The department the tables name in their meta rows (`部门名称：…`, `单位名称：…`, `编制单位：…`, or the label in one
 * cell and the name in the next), the name most tables give; null when none does.
 */
export function departmentOf(tables: GTable[]): string | null {
  const votes = new Map<string, number>();
  for (const t of tables) {
    const found = new Set<string>();
    for (let r = 0; r < Math.min(8, t.sheet.rowCount); r++) {
      const row = t.sheet.cells[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const text = rawText(row[c]).normalize('NFKC').trim();
        const m = /^(?:部门名称|单位名称|编制单位|部门|单位)\s*[:：]\s*(.*)$/.exec(text);
        if (!m) continue;
        let name = m[1].trim();
        if (!name) for (let k = c + 1; k < row.length && !name; k++) name = rawText(row[k]).normalize('NFKC').trim();
        name = name.replace(/\s*(?:\d{4}年度?|金额单位[:：].*|单位[:：].*)$/, '').trim();
        if (name && !/^(?:万?元)$/.test(name)) found.add(name);
      }
    }
    for (const name of found) votes.set(name, (votes.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [name, n] of votes) if (best === null || n > votes.get(best)!) best = name;
  return best;
}

export function draftSituationNotes(context: WorkbookContext, options: DraftOptions = {}): Draft {
  const list = gongkaiTables(context);
  const t = new Tables(list, gongkaiRun(context).values);
  const headingSet: HeadingSet = options.headingSet ?? (list.some((x) => x.template === 'disclosure-stats') ? 'B' : 'A');
  const unit = list.find((x) => x.unit)?.unit ?? '万元';
  const w = new Writer(unit, options.amountStyle ?? existingStyle(context) ?? 'grouped', options.inputs ?? {});
  const year = yearOf(list);
  const Y = year === null ? w.ask('年度') : String(year);
  // Asked only by the sections that print it (13-B), so a draft of other sections lists no 部门名称 to fill.
  const department = () => w.inputs['部门']?.trim() || departmentOf(list) || w.textInput('部门', '部门名称');
  const wanted = new Set(options.sections ?? DRAFT_SECTIONS.map((s) => s.id));
  const A = headingSet === 'A';
  const headings = A ? A_HEADINGS : B_HEADINGS;
  const order = A ? DRAFT_SECTIONS.map((s) => s.id) : B_ORDER;
  const zeroOk = (d: Decimal | null) => options.listZeros || (d !== null && !d.isZero());
  const share = A ? '占' : '占比';
  const compare = A ? '较上年度' : '比上年度';

  const sections: Record<string, () => void> = {
    'NT-01': () => {
      const total = t.line('income-expenditure-summary', 31);
      const right = t.line('income-expenditure-summary', 62);
      if (total && right && !total.eq(right)) {
        w.text(`收入总计（行31）与支出总计（行62）不一致，未生成本段，请先处理 G-INTRA-05。`);
        return;
      }
      const prior = w.input('上年.收支总计');
      const d = total ? deltaClause(w, total, prior, '收、支总计') : { text: w.ask('增减情况'), flat: false };
      const reason = w.textInput('原因.NT-01', '收支总计增减的主要原因');
      if (A) w.text(`${Y}年度收、支总计均为${w.money(total, '收支总计')}。${d.flat ? '与上年度相比，收、支总计持平' : `与上年度相比，收、支总计各${d.text}`}。主要原因是${reason}。`);
      else w.text(`${Y}年度收入总计${w.money(total, '收入总计')}，支出总计${w.money(right, '支出总计')}。${d.flat ? '与上年相比，收入总计、支出总计均持平' : `与上年相比，收入总计${d.text}，支出总计${d.text}`}。主要原因是${reason}。`);
    },
    'NT-02': () => {
      const total = t.line('income-expenditure-summary', 27) ?? t.coded('income', null, 1);
      const names = ['财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
      const items = names.map((n, i) => ({ n, v: t.coded('income', null, i + 2) })).filter((x) => zeroOk(x.v));
      w.text(`${Y}年度收入合计${w.money(total, '收入合计')}，其中：${items.map((x) => `${x.n}${w.money(x.v, x.n)}，${share}${percent(x.v, total) ?? '0.00%'}`).join('；')}。`);
    },
    'NT-03': () => {
      const total = t.line('income-expenditure-summary', 58) ?? t.coded('expenditure', null, 1);
      const names = ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
      const items = names.map((n, i) => ({ n, v: t.coded('expenditure', null, i + 2) })).filter((x) => zeroOk(x.v));
      w.text(`${Y}年度支出合计${w.money(total, '支出合计')}，其中：${items.map((x) => `${x.n}${w.money(x.v, x.n)}，${share}${percent(x.v, total) ?? '0.00%'}`).join('；')}。`);
    },
    'NT-04': () => {
      const total = t.line('fiscal-summary', 32);
      const prior = w.input('上年.财政拨款收支总计');
      const d = total ? deltaClause(w, total, prior, '财政拨款收、支总计') : { text: w.ask('增减情况'), flat: false };
      const reason = w.textInput('原因.NT-04', '财政拨款收支总计增减的主要原因');
      if (A) w.text(`${Y}年度财政拨款收、支总计均为${w.money(total, '财政拨款收支总计')}。${d.flat ? '与上年度相比，财政拨款收、支总计持平' : `与上年度相比，财政拨款收、支总计各${d.text}`}。主要原因是${reason}。`);
      else w.text(`${Y}年度财政拨款收入总计${w.money(total, '财政拨款收入总计')}，财政拨款支出总计${w.money(t.line('fiscal-summary', 64, 2), '财政拨款支出总计')}。与上年相比，财政拨款收入总计${d.text}，财政拨款支出总计${d.text}。主要原因是${reason}。`);
    },
    'NT-05': () => {
      const gb = t.one('general-budget-expenditure');
      const total = t.coded('general-budget-expenditure', null, 1);
      const d = total ? deltaClause(w, total, w.input('上年.一般公共预算财政拨款支出'), '一般公共预算财政拨款支出') : { text: w.ask('增减情况'), flat: false };
      w.heading(A ? '（一）总体情况' : '（一）一般公共预算财政拨款支出决算总体情况');
      w.text(`${Y}年度一般公共预算财政拨款支出${w.money(total, '一般公共预算财政拨款支出')}，占本年支出合计的${percent(total, t.line('income-expenditure-summary', 58)) ?? w.ask('占本年支出合计的比例')}。与上年度相比，一般公共预算财政拨款支出${d.flat ? '持平' : d.text}。主要原因是${w.textInput('原因.NT-05-1', '一般公共预算财政拨款支出增减的主要原因')}。`);
      w.heading(A ? '（二）结构情况' : '（二）一般公共预算财政拨款支出决算结构情况');
      const classes = gb ? gb.codeRows.filter((r) => r.code.length === 3).sort((a, b) => (a.code < b.code ? -1 : 1)) : [];
      const cls = classes.map((r) => ({ r, v: t.coded('general-budget-expenditure', r.code, 1) })).filter((x) => zeroOk(x.v));
      w.text(`${Y}年度一般公共预算财政拨款支出${w.money(total, '一般公共预算财政拨款支出')}，主要用于以下方面：${cls.map((x) => `${x.r.name}（类）${w.money(x.v, x.r.name)}，${share}${percent(x.v, total) ?? '0.00%'}`).join('；')}。`);
      w.heading(A ? '（三）具体情况' : '（三）一般公共预算财政拨款支出决算具体情况');
      const budgetTotal = w.input('年初.合计', '一般公共预算财政拨款支出年初预算');
      w.text(`${Y}年度一般公共预算财政拨款支出年初预算为${budgetTotal ? w.money(budgetTotal, '') : w.ask('一般公共预算财政拨款支出年初预算')}，支出决算为${w.money(total, '一般公共预算财政拨款支出')}，完成年初预算的${percent(total, budgetTotal) ?? w.ask('完成年初预算的比例（需年初预算）')}。其中：`);
      const byCode = new Map((gb?.codeRows ?? []).map((r) => [r.code, r]));
      const level = A ? 7 : 3;
      const rows = (gb?.codeRows ?? []).filter((r) => r.code.length === level).filter((r) => {
        const v = t.coded('general-budget-expenditure', r.code, 1);
        return (v && !v.isZero()) || w.input(`年初.${r.code}`) !== null;
      }).sort((a, b) => (a.code < b.code ? -1 : 1));
      rows.forEach((r, i) => {
        const v = t.coded('general-budget-expenditure', r.code, 1) ?? ZERO;
        const budget = w.input(`年初.${r.code}`, `${r.code} ${r.name} 年初预算`);
        const budgetText = budget ? w.money(budget, '') : w.ask(`${r.code} ${r.name} 年初预算`);
        const rate = budget && !budget.isZero() ? `，完成年初预算的${percent(v, budget)}` : '';
        const same = budget !== null && budget.eq(v);
        if (A) {
          // Set A only: set B gives a reason for the change on last year instead (asked below).
          const reason = same ? '' : `决算数与年初预算数存在差异的主要原因是：${w.textInput(`原因.${r.code}`, `${r.code} ${r.name} 决算与年初预算差异的原因`)}。`;
          const lei = byCode.get(r.code.slice(0, 3))?.name ?? '';
          const kuan = byCode.get(r.code.slice(0, 5))?.name ?? '';
          w.text(`${i + 1}. ${lei}（类）${kuan}（款）${r.name}（项）。年初预算为${budgetText}，支出决算为${w.money(v, '')}${rate}。${reason}`);
        } else {
          w.text(`${r.name}年初预算${budgetText}，支出决算${w.money(v, '')}${rate}，用于${w.textInput(`用途.${r.code}`, `${r.name}的用途`)}。较上年决算${deltaClause(w, v, w.input(`上年.${r.code}`), r.name).text}，主要原因是${w.textInput(`原因.${r.code}`, `${r.name}增减的原因`)}。`);
        }
      });
    },
    'NT-06': () => {
      const be = t.one('basic-expenditure');
      const basic = t.coded('general-budget-expenditure', null, 2);
      const person = be?.be?.personnel?.basic ? t.at(be, be.be.personnel.basic) : null;
      const pub = be?.be?.public?.basic ? t.at(be, be.be.public.basic) : null;
      const ordered = [...(be?.be?.items ?? [])].sort((a, b) => a.block - b.block || a.row - b.row);
      const names = (classes: string[]) => ordered.filter((i) => i.code.length === 5 && classes.includes(i.code.slice(0, 3)) && zeroOk(i.basic ? t.at(be, i.basic) : null)).map((i) => i.name.trim()).join('、');
      w.text(`${Y}年度一般公共预算财政拨款基本支出${w.money(basic, '基本支出')}。其中：人员经费${w.money(person, '人员经费')}，主要包括：${names(['301', '303']) || w.ask('人员经费主要项目')}；公用经费${w.money(pub, '公用经费')}，主要包括：${names(['302', '307', '309', '310', '311', '312', '313', '399']) || w.ask('公用经费主要项目')}。`);
    },
    'NT-07': () => {
      const tp = t.one('three-public');
      const note = tp ? tp.sheet.cells.flat().map((c) => norm(rawText(c))).find((s) => /^注/.test(s) && /预算数/.test(s)) ?? '' : '';
      const full = /全年预算数|调整后/.test(note) || !A;
      const done = full ? '完成全年预算的' : '完成“三公”经费预算的';
      const [budget, actual] = [t.tp(1), t.tp(7)];
      const car = A ? '公务用车购置及运行费' : '公务用车购置及运行维护费';
      if (A) {
        w.heading('（一）“三公”经费财政拨款支出决算总体情况说明');
        const diff = budget && actual && !budget.eq(actual) ? `${Y}年度“三公”经费支出决算数与预算数存在差异的主要原因是：${w.textInput('原因.三公', '“三公”经费决算数与预算数差异的原因')}。` : '';
        w.text(`${Y}年度“三公”经费财政拨款支出预算为${w.money(budget, '“三公”经费预算')}，支出决算为${w.money(actual, '“三公”经费决算')}${percent(actual, budget) ? `，${done}${percent(actual, budget)}` : ''}。${diff}`);
        w.heading('（二）“三公”经费财政拨款支出决算具体情况说明');
        const itemRate = (a: Decimal | null, b: Decimal | null) => (percent(a, b) ? `，完成预算的${percent(a, b)}` : '');
        w.text(`${Y}年度“三公”经费财政拨款支出决算${w.money(actual, '“三公”经费决算')}，其中，因公出国（境）费支出决算${w.money(t.tp(8), '因公出国（境）费')}；${car}支出决算${w.money(t.tp(9), car)}${itemRate(t.tp(9), t.tp(3))}，占“三公”经费支出${percent(t.tp(9), actual) ?? '0.00%'}；公务接待费支出决算${w.money(t.tp(12), '公务接待费')}${itemRate(t.tp(12), t.tp(6))}，占“三公”经费支出${percent(t.tp(12), actual) ?? '0.00%'}。具体情况如下：`);
        const exec = (a: Decimal | null, b: Decimal | null) => (a && b && a.eq(b) ? '完全按照年初预算执行' : percent(a, b) ? `完成预算的${percent(a, b)}` : '');
        w.text(`1. 因公出国（境）费预算为${w.money(t.tp(2), '因公出国（境）费预算')}，支出决算为${w.money(t.tp(8), '因公出国（境）费')}${exec(t.tp(8), t.tp(2)) ? `，${exec(t.tp(8), t.tp(2))}` : ''}。全年安排本部门因公出国（境）团组${w.textInput('团组', '因公出国（境）团组数')}个，累计${w.textInput('出国人次', '因公出国（境）人次')}人次。`);
        const why = (a: Decimal | null, b: Decimal | null, key: string, label: string) => (a && b && !a.eq(b) ? `决算数与预算数存在差异的主要原因是：${w.textInput(key, label)}。` : '');
        w.text(`2. ${car}预算为${w.money(t.tp(3), `${car}预算`)}，支出决算为${w.money(t.tp(9), car)}${exec(t.tp(9), t.tp(3)) ? `，${exec(t.tp(9), t.tp(3))}` : ''}。${why(t.tp(9), t.tp(3), '原因.公务用车', '公务用车购置及运行费决算数与预算数差异的原因')}其中：`);
        w.text(`公务用车购置支出${w.money(t.tp(10), '公务用车购置费')}，购置车辆${w.textInput('购置辆数', '购置车辆数')}辆。`);
        w.text(`公务用车运行支出${w.money(t.tp(11), '公务用车运行费')}。主要用于${w.textInput('用途.运行', '公务用车运行费的用途')}。${Y}年期末，部门开支财政拨款的公务用车保有量为${w.textInput('保有量', '公务用车保有量')}辆。`);
        w.text(`3. 公务接待费预算为${w.money(t.tp(6), '公务接待费预算')}，支出决算为${w.money(t.tp(12), '公务接待费')}${exec(t.tp(12), t.tp(6)) ? `，${exec(t.tp(12), t.tp(6))}` : ''}。${why(t.tp(12), t.tp(6), '原因.公务接待', '公务接待费决算数与预算数差异的原因')}其中：`);
        w.text(`外宾接待支出${w.textInput('外宾', '外宾接待支出（万元）')}${unit}。${Y}年共接待国（境）外来访团组${w.textInput('外团组', '国（境）外来访团组数')}个、来访外宾${w.textInput('外人次', '来访外宾人次')}人次（不包括陪同人员）。`);
        w.text(`其他国内公务接待支出${w.textInput('国内', '国内公务接待支出（万元）')}${unit}。主要用于${w.textInput('用途.接待', '国内公务接待的用途')}。${Y}年共接待国内来访团组${w.textInput('内团组', '国内来访团组数')}个、来宾${w.textInput('内人次', '国内来宾人次')}人次（不包括陪同人员）。`);
      } else {
        const d = actual ? deltaClause(w, actual, w.input('上年.三公'), '“三公”经费') : { text: w.ask('增减情况'), flat: false };
        const items: [string, number, number][] = [['因公出国（境）费', 2, 8], ['公务用车购置费', 4, 10], ['公务用车运行维护费', 5, 11], ['公务接待费', 6, 12]];
        const parts = items.map(([n, b, a]) => {
          const rate = percent(t.tp(a), t.tp(b));
          const di = deltaClause(w, t.tp(a) ?? ZERO, w.input(`上年.${n}`), n);
          return `${n}支出${w.money(t.tp(a), n)}，${rate ? `完成全年预算的${rate}，` : ''}比上年度${di.flat ? '持平' : di.text}，主要原因是：${w.textInput(`原因.${n}`, `${n}增减的原因`)}`;
        });
        w.text(`${Y}年度“三公”经费财政拨款支出全年预算${w.money(budget, '“三公”经费预算')}，支出决算${w.money(actual, '“三公”经费决算')}${percent(actual, budget) ? `，完成全年预算的${percent(actual, budget)}` : ''}，比上年度${d.flat ? '持平' : d.text}，主要原因是：${w.textInput('原因.三公', '“三公”经费增减的原因')}。其中：${parts.join('；')}。`);
      }
    },
    'NT-08': () => fundSection('gov-fund'),
    'NT-09': () => fundSection('state-capital'),
    'NT-10': () => {
      const a = t.line('disclosure-stats', 5);
      const b = t.line('disclosure-stats', 6);
      const v = a !== null && b !== null ? a.plus(b) : w.input('机关运行经费');
      const d = v ? deltaClause(w, v, w.input('上年.机关运行经费'), '机关运行经费') : { text: w.ask('增减情况'), flat: false };
      w.text(`${Y}年度机关运行经费支出${v ? w.money(v, '') : w.ask('机关运行经费支出')}，${compare}${d.flat ? '持平' : d.text}。${d.flat ? '' : `主要原因是：${w.textInput('原因.机关运行经费', '机关运行经费增减的原因')}。`}`);
    },
    'NT-11': () => {
      const get = (line: number, key: string) => t.line('disclosure-stats', line) ?? w.input(key);
      const total = get(1, '采购.总额');
      if (total && total.isZero()) {
        w.text(`${Y}年度本部门无政府采购支出。`);
        return;
      }
      const sme = w.input('采购.中小企业');
      const micro = w.input('采购.小微企业');
      w.text(`${Y}年度政府采购支出总额${w.money(total, '政府采购支出总额')}，其中：政府采购货物支出${w.money(get(2, '采购.货物'), '政府采购货物支出')}、政府采购工程支出${w.money(get(3, '采购.工程'), '政府采购工程支出')}、政府采购服务支出${w.money(get(4, '采购.服务'), '政府采购服务支出')}。政府采购授予中小企业合同金额${w.money(sme, '授予中小企业合同金额')}，占政府采购支出总额的${percent(sme, total) ?? w.ask('中小企业占比')}。其中：授予小微企业合同金额${w.money(micro, '授予小微企业合同金额')}，占政府采购支出总额的${percent(micro, total) ?? w.ask('小微企业占比')}。`);
    },
    'NT-12': () => {
      const ds = t.one('disclosure-stats');
      if (!ds) {
        w.text(`截至${Y}年12月31日，本部门共有车辆${w.textInput('车辆合计', '车辆合计')}辆；单价100万元（含）以上设备（不含车辆）${w.textInput('设备', '单价100万元以上设备台（套）数')}台（套）。`);
        return;
      }
      const total = t.line('disclosure-stats', 7) ?? ZERO;
      const half = ds.halves[0];
      const types: string[] = [];
      let other = false;
      for (let line = 8; line <= 15; line++) {
        const v = t.line('disclosure-stats', line);
        const label = half?.lines.get(line)?.label ?? '';
        if (!v || (v.isZero() && !options.listZeros)) continue;
        const name = labelKey(label).replace(/^\d+\.?/, '');
        types.push(`${name}${v.toFixed(0)}辆`);
        if (/其他用车/.test(name) && !v.isZero()) other = true;
      }
      const equipment = t.line('disclosure-stats', 17) ?? ZERO;
      w.text(`截至${Y}年12月31日，本部门共有车辆${total.toFixed(0)}辆${types.length ? `，其中：${types.join('、')}` : ''}${other ? `，其他用车主要是${w.textInput('其他用车说明', '其他用车的说明')}` : ''}；单价100万元（含）以上设备（不含车辆）${equipment.toFixed(0)}台（套）。`);
    },
    'NT-13': () => {
      const total = t.coded('general-budget-expenditure', null, 1);
      const project = t.coded('general-budget-expenditure', null, 3);
      const be = t.one('basic-expenditure');
      const person = be?.be?.personnel?.basic ? t.at(be, be.be.personnel.basic) : null;
      const pub = be?.be?.public?.basic ? t.at(be, be.be.public.basic) : null;
      // The loaded 自评表, read by their check (units, decimal commas): counts, 涉及资金 and grades (NT-13 slot table).
      const refs = selfEvalTables(context);
      const projects = refs.filter((r) => r.table.kind === 'project-selfeval').map((ref) => ({ ref, facts: selfEvalFacts(ref) }));
      const units = refs.filter((r) => r.table.kind === 'department-selfeval').map((ref) => selfEvalFacts(ref));
      const count = (key: string, label: string) => (projects.length ? String(projects.length) : w.textInput(key, label));
      const covered = w.input('涉及资金') ?? sumOf(projects.map((p) => p.facts), unit);
      const coveredText = covered ? w.money(covered, '涉及资金') : w.ask('涉及资金');
      if (A) {
        w.heading('（一）绩效管理工作开展情况');
        w.text(`${Y}年，我部门纳入预算绩效管理的支出总额为${w.money(total, '支出总额')}，其中人员经费支出${w.money(person, '人员经费')}，公用经费支出${w.money(pub, '公用经费')}；支出项目共${count('项目数', '支出项目个数')}个，支出金额${w.money(project, '项目支出')}。其中，进行项目绩效自评${count('自评数', '项目绩效自评个数')}个，自评金额${covered ? w.money(covered, '自评金额') : `${w.textInput('自评金额', '自评金额')}${unit}`}；纳入财政部门重点绩效评价${w.textInput('重点数', '重点绩效评价个数')}个，评价金额${w.textInput('重点金额', '重点评价金额')}${unit}。`);
        w.heading('（二）部门整体和项目绩效自评结果');
        w.text(`通过科学、规范的方法，基于预期目标的实现程度，评价${Y}年度部门预算绩效目标的完成情况，部门整体绩效自评平均得分为${meanScore(units) ?? w.textInput('整体平均', '部门整体绩效自评平均得分')}分。`);
        w.heading('（三）重点绩效评价结果');
        w.text(`${w.textInput('评价主体', '评价主体')}选取了${w.textInput('评价对象', '评价对象')}开展重点绩效评价。评价结果是：${w.textInput('评价摘要', '评价结果摘要')}。绩效评价得分为${w.textInput('评价分', '绩效评价得分')}分。`);
        return;
      }
      const zero = w.money(ZERO, '');
      // a1 defaults to 涉及资金 (NT-13 slot table); the user may give it apart.
      const generalPart = w.input('一般公共预算项目支出') ?? covered;
      w.heading('（1）预算绩效管理工作开展情况');
      w.text(`根据预算绩效管理要求，${department()}按照“谁支出、谁自评”的原则，组织对${Y}年度年初预算安排的所有项目资金全面开展了绩效自评，涵盖一级项目${w.inputs['一级项目数']?.trim() || '0'}个，二级项目${count('二级项目数', '二级项目个数')}个，共涉及资金${coveredText}，占本部门（单位）项目支出总额的${percent(covered, project) ?? w.ask('涉及资金占项目支出总额的比例')}，其中一般公共预算项目支出${generalPart ? w.money(generalPart, '') : w.ask('一般公共预算项目支出')}、政府性基金预算项目支出${w.input('政府性基金预算项目支出') ? w.money(w.input('政府性基金预算项目支出'), '') : zero}、国有资本经营预算项目支出${w.input('国有资本经营预算项目支出') ? w.money(w.input('国有资本经营预算项目支出'), '') : zero}、社会保险基金预算项目支出${w.input('社会保险基金预算项目支出') ? w.money(w.input('社会保险基金预算项目支出'), '') : zero}。`);
      w.heading('（2）项目绩效自评结果');
      const grades = ['优', '良', '中', '差'].map((g) => ({ g, n: projects.filter((p) => p.facts.total !== null && gradeOf(p.facts.total) === g).length }));
      const gradeText = projects.length
        ? grades.map(({ g, n }) => `${n}个项目自评为“${g}”`).join('，')
        : ['优', '良', '中', '差'].map((g) => `${w.textInput(`自评${g}`, `自评为“${g}”的项目个数`)}个项目自评为“${g}”`).join('，');
      const weak = projects.filter((p) => p.facts.total !== null && ['中', '差'].includes(gradeOf(p.facts.total)));
      const reasons = weak.map((p) => `“${p.facts.name}”项目自评为“${gradeOf(p.facts.total!)}”的主要原因是${projectProblems(p.ref) || w.textInput(`原因.${p.facts.name}`, `${p.facts.name}自评为“${gradeOf(p.facts.total!)}”的原因`)}`);
      w.text(`${department()}${Y}年度二级项目绩效自评个数${count('二级项目数', '二级项目个数')}个，涉及资金${coveredText}：${gradeText}。${reasons.length ? `${reasons.join('，')}。` : ''}对于自评中发现的问题主要有：${w.textInput('问题.NT-13', '自评中发现的问题')}。采取的改进管理措施：${w.textInput('措施.NT-13', '改进管理措施')}。涉密项目除外。`);
    },
  };

  function fundSection(template: 'gov-fund' | 'state-capital'): void {
    const gov = template === 'gov-fund';
    const tb = t.one(template);
    const name = gov ? '政府性基金' : '国有资本经营';
    let empty = true;
    if (tb && tb.totalRow !== null) {
      for (const c of tb.columns) {
        const v = t.at(tb, { row: tb.totalRow, col: c.col });
        if (v && !v.isZero()) empty = false;
      }
    }
    if (empty) {
      w.text(A ? `我部门${Y}年度没有${name}收入，也没有使用${name}安排的支出。` : gov ? '本年度无此项收支。' : '本年度无此项支出。');
      return;
    }
    const v = (k: number) => t.coded(template, null, k);
    const five = (tb?.columns.length ?? 0) <= 3;
    if (gov || !five) {
      w.text(`${Y}年度${name}预算财政拨款年初结转和结余${w.money(v(1), '年初结转和结余')}，本年收入${w.money(v(2), '本年收入')}，本年支出${w.money(v(3), '本年支出')}（其中：基本支出${w.money(v(4), '基本支出')}，项目支出${w.money(v(5), '项目支出')}），年末结转和结余${w.money(v(6), '年末结转和结余')}。`);
    } else {
      w.text(`${Y}年度${name}预算财政拨款支出${w.money(v(1), '本年支出')}，其中：基本支出${w.money(v(2), '基本支出')}，项目支出${w.money(v(3), '项目支出')}。`);
    }
  }

  w.paragraphs.push({ kind: 'heading', text: '第三部分', section: '' });
  w.paragraphs.push({ kind: 'heading', text: `${Y}年度部门决算情况说明`, section: '' });
  let otherHeading = false;
  for (const id of order) {
    if (!wanted.has(id)) continue;
    w.section = id;
    if (!A && ['NT-10', 'NT-11', 'NT-12', 'NT-13'].includes(id) && !otherHeading) {
      w.heading('十、其他重要事项情况说明');
      otherHeading = true;
    }
    w.heading(headings[id]);
    sections[id]();
  }
  return { headingSet, year, unit, paragraphs: w.paragraphs, unfilled: w.unfilled, slots: w.slots };
}

/** Σ 全年执行数 of the loaded 项目自评表 (NT-13 涉及资金, the default option), in the tables' unit; null if any is unread. */
function sumOf(facts: SelfEvalFacts[], unit: string): Decimal | null {
  if (facts.length === 0) return null;
  let sum = ZERO;
  for (const f of facts) {
    if (f.exec === null) return null;
    sum = sum.plus(express(f.exec, f.unit, unit));
  }
  return sum;
}

/** Mean of the 总分 (stated, recomputed when empty), half-up 2 dp, trailing zeros dropped; null without tables. */
function meanScore(facts: SelfEvalFacts[]): string | null {
  if (facts.length === 0 || facts.some((f) => f.total === null)) return null;
  const mean = facts.reduce((a, f) => a.plus(f.total!), ZERO).div(facts.length);
  return fixed(halfUp(mean, 2), 2);
}

/** The draft as rows of column A (one heading or paragraph per row, gongkai-layouts.md §4.11). */
export function draftRows(draft: Draft): string[] {
  return draft.paragraphs.map((p) => p.text);
}
