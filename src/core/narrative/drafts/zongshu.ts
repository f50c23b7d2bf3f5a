/**
 * 绩效自评综述 drafts (narratives.md §2): NT-ZS-P per 项目支出绩效自评表, NT-ZS-D per 部门（单位）整体绩效自评表 and the
 * NT-ZS-R 自评结果 sentence per project table, filled from the recognised self-evaluation tables (selfeval model).
 * Printed cells are quoted (PR-04): 总分 as the cell shows it with trailing zeros dropped, amounts at 2 decimals; the
 * 执行率 is computed from the quoted 执行 and 全年 (half-up, 2 dp); 等级 follows S-GRD-00 unless the table states one.
 */
import type { WorkbookContext } from '../../workbook-context';
import { SheetGrid } from '../../grid';
import { Decimal, fixed, halfUp, Reading, ZERO } from '../../numbers';
import { selfEvalRun } from '../../selfeval';
import type { TableCheck } from '../../selfeval/context';
import type { SelfEvalTable } from '../../selfeval/model';
import { rowCells } from '../../selfeval/sheet';
import { norm } from '../../text';

export const ZS_SECTIONS: { id: string; label: string }[] = [
  { id: 'NT-ZS-P', label: '项目绩效自评综述' },
  { id: 'NT-ZS-D', label: '部门（单位）整体支出绩效自评综述' },
  { id: 'NT-ZS-R', label: '项目自评结果（分析报告式）' },
];

export interface ZsParagraph {
  kind: 'heading' | 'text';
  text: string;
  section: string;
  /** Sheet and table name the paragraph quotes. */
  sheet?: string;
  name?: string;
}

export interface ZsOptions {
  sections?: string[];
  /** User answers keyed by `措施.{名称}` / `问题.{名称}` or by the placeholder label. */
  inputs?: Record<string, string>;
  amountStyle?: 'plain' | 'grouped';
}

export interface ZsDraft {
  paragraphs: ZsParagraph[];
  unfilled: string[];
  /** The unfilled slots with the id `inputs` takes (or the label itself). */
  slots: { id: string; label: string; kind: 'amount' | 'text' }[];
}

export interface SelfEvalRef {
  sheet: SheetGrid;
  table: SelfEvalTable;
  /** The 自评 check of this table: its readings are the ones quoted. */
  check: TableCheck;
}

const HUNDRED = new Decimal(100);
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Every recognised self-evaluation table of the workbook, in sheet order, with the check's readings. */
export function selfEvalTables(context: WorkbookContext): SelfEvalRef[] {
  return selfEvalRun(context);
}

function value(r: Reading): Decimal | null {
  return r.kind === 'number' ? r.value : null;
}

/** A score as the cell shows it, trailing zeros dropped (`98.0` → `98`, `9.8分` → `9.8`). */
export function scoreText(d: Decimal, decimals?: number): string {
  const s = decimals !== undefined ? fixed(d, decimals) : d.toFixed();
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** S-GRD-00: 90 优, 80 良, 60 中, else 差 (boundaries belong to the upper grade). */
export function gradeOf(total: Decimal): string {
  return total.gte(90) ? '优' : total.gte(80) ? '良' : total.gte(60) ? '中' : '差';
}

function text(sheet: SheetGrid, row: number, col: number): string {
  const c = sheet.cells[row]?.[col];
  return c && c.value !== null && c.value !== undefined ? String(c.value).trim() : '';
}

/** Drops line breaks inside a cell's text and its final `。` (the template closes the sentence). */
function clause(t: string): string {
  return t.replace(/\s*\n\s*/g, '').replace(/[。；;，,\s]+$/, '');
}

/** `一是…；二是…` of distinct texts; one text alone is quoted as it is. */
export function joinItems(items: string[]): string {
  const distinct = [...new Set(items.map(clause).filter(Boolean))];
  if (distinct.length <= 1) return distinct[0] ?? '';
  return distinct.map((t, i) => `${ORDINALS[i] ?? `第${i + 1}`}是${t}`).join('；');
}

/** The text right of a label cell on the same row (`项目名称` → name). */
function labelled(sheet: SheetGrid, t: SelfEvalTable, label: RegExp): { row: number; text: string } | null {
  for (let r = t.top; r <= t.bottom; r++) {
    const cells = rowCells(sheet, r);
    const i = cells.findIndex(([, x]) => label.test(x));
    if (i >= 0 && cells[i + 1]) return { row: r, text: text(sheet, r, cells[i + 1][0]) };
  }
  return null;
}

/** The texts below a heading cell (`实际完成情况`, `目标完成情况`) in its column, down to `stop` or a non-text row. */
function below(sheet: SheetGrid, t: SelfEvalTable, heading: RegExp, stop: RegExp, max = 10): string[] {
  for (let r = t.top; r <= t.bottom; r++) {
    const hit = rowCells(sheet, r).find(([, x]) => heading.test(x));
    if (!hit) continue;
    const out: string[] = [];
    for (let k = r + 1; k <= Math.min(t.bottom, r + max); k++) {
      const lead = rowCells(sheet, k)[0]?.[1] ?? '';
      if (stop.test(lead) || rowCells(sheet, k).some(([, x]) => stop.test(x))) break;
      const v = text(sheet, k, hit[0]);
      if (v) out.push(v);
    }
    return out;
  }
  return [];
}

/** Shanxi 项目绩效分析: the text beside a topic. */
function analysis(sheet: SheetGrid, t: SelfEvalTable, topic: RegExp): string {
  for (let r = t.top; r <= t.bottom; r++) {
    const cells = rowCells(sheet, r);
    const i = cells.findIndex(([, x]) => topic.test(x));
    if (i >= 0 && cells[i + 1]) return text(sheet, r, cells[i + 1][0]);
  }
  return '';
}

export interface SelfEvalFacts {
  name: string;
  unit: string;
  full: Decimal | null;
  exec: Decimal | null;
  init: Decimal | null;
  /** 总分 as quoted (the printed cell; recomputed when empty). */
  total: Decimal | null;
  totalText: string | null;
  totalStated: boolean;
  grade: string | null;
  budgetScore: Decimal | null;
  budgetScoreText: string | null;
  indicatorScore: Decimal;
  /** 偏差/未完成原因 of rows with 得分 < 分值, in row order. */
  reasons: string[];
}

/**
 * The figures a 综述 quotes from one table, as its check read them: one reading of every cell for the check, the
 * 综述 checks and the drafts (a decimal-comma `27,415` the check read as 27.415 is quoted 27.42, never 27415).
 */
export function selfEvalFacts({ sheet, table: t, check }: SelfEvalRef): SelfEvalFacts {
  const num = (_sheet: SheetGrid, row: number, col: number | undefined): Reading => check.settled(row, col);
  const b = t.budget;
  const at = (f: 'full' | 'exec' | 'init') => (b ? value(num(sheet, b.totalRow, b.cols[f])) : null);
  let budgetScore: Reading = { kind: 'empty', dash: false };
  if (b?.cols.score !== undefined) {
    for (const r of [b.totalRow, ...b.partRows]) {
      const x = num(sheet, r, b.cols.score);
      if (x.kind === 'number') {
        budgetScore = x;
        break;
      }
    }
  }
  let indicatorScore = ZERO;
  const reasons: string[] = [];
  const ind = t.indicators;
  if (ind) {
    for (const row of ind.rows) {
      const s = value(num(sheet, row.row, ind.cols.score));
      const w = value(num(sheet, row.row, ind.cols.weight));
      if (s) indicatorScore = indicatorScore.plus(s);
      if (w && (s ?? ZERO).lt(w) && ind.cols.reason !== undefined) {
        const why = text(sheet, row.row, ind.cols.reason);
        if (why) reasons.push(why);
      }
    }
  }
  const bs = budgetScore.kind === 'number' ? budgetScore : null;
  const stated = t.total ? num(sheet, t.total.row, t.total.scoreCol) : ({ kind: 'empty', dash: false } as Reading);
  const total = stated.kind === 'number' ? stated.value : ind ? indicatorScore.plus(bs?.value ?? ZERO) : null;
  const gradeCell = t.total?.gradeCol !== undefined ? text(sheet, t.total.gradeRow ?? t.total.row, t.total.gradeCol) : '';
  const nameLabel = t.kind === 'department-selfeval' ? /^(部门\(单位\)名称|单位名称)[:：]?$/ : /^项目名称[:：]?$/;
  return {
    name: labelled(sheet, t, nameLabel)?.text ?? sheet.name,
    unit: check.unit ?? '万元',
    full: at('full'),
    exec: at('exec'),
    init: at('init'),
    total,
    totalText: total === null ? null : stated.kind === 'number' ? scoreText(stated.value, stated.decimals) : scoreText(halfUp(total, 2)),
    totalStated: stated.kind === 'number',
    grade: /^[优良中差]$/.test(gradeCell) ? gradeCell : total !== null ? gradeOf(total) : null,
    budgetScore: bs?.value ?? null,
    budgetScoreText: bs ? scoreText(bs.value, bs.decimals) : null,
    indicatorScore,
    reasons,
  };
}

/**
 * 发现的主要问题及原因 of a 项目自评表 (NT-ZS-P; 13-B(2)'s reason for a 中/差 project): S-W's
 * `项目管理中存在的主要问题及原因分析`, else the joined 偏差原因 of indicators scored below their weight; '' when none.
 */
export function projectProblems(ref: SelfEvalRef, facts: SelfEvalFacts = selfEvalFacts(ref)): string {
  const { sheet, table } = ref;
  const analysed = table.variant === 'shanxi' ? clause(analysis(sheet, table, /^项目管理中存在的主要问题及原因分析$|^项目管理中存在的.*不足及原因分析$/)) : '';
  return analysed || joinItems(facts.reasons);
}

export function draftSelfEvalSummaries(context: WorkbookContext, options: ZsOptions = {}): ZsDraft {
  const wanted = new Set(options.sections ?? ZS_SECTIONS.map((s) => s.id));
  const inputs = options.inputs ?? {};
  const paragraphs: ZsParagraph[] = [];
  const unfilled: string[] = [];
  const ask = (label: string) => {
    if (!unfilled.includes(label)) unfilled.push(label);
    return `【请填写：${label}】`;
  };
  const keys = new Map<string, string>();
  const user = (key: string, label: string) => {
    if (!keys.has(label)) keys.set(label, key);
    const v = inputs[key] ?? inputs[label];
    return v && v.trim() ? clause(v.trim()) : ask(label);
  };
  const amt = (d: Decimal) => {
    const s = fixed(halfUp(d, 2), 2);
    if (options.amountStyle !== 'grouped') return s;
    const [i, f] = s.split('.');
    return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
  };
  const money = (d: Decimal | null, unit: string, label: string) => (d === null ? ask(label) : `${amt(d)}${unit}`);
  // PR-04: the rate is computed from the figures as quoted (2 dp), so the sentence checks by its own figures (NC-10).
  const rate = (exec: Decimal | null, full: Decimal | null) => {
    if (!exec || !full) return null;
    const [e, f] = [halfUp(exec, 2), halfUp(full, 2)];
    return f.isZero() ? null : `${fixed(halfUp(e.div(f).times(HUNDRED), 2), 2)}%`;
  };

  const tables = selfEvalTables(context);
  const projects = tables.filter((x) => x.table.kind === 'project-selfeval');
  const units = tables.filter((x) => x.table.kind === 'department-selfeval');

  if (wanted.has('NT-ZS-P') && projects.length) {
    paragraphs.push({ kind: 'heading', text: '项目绩效自评综述', section: 'NT-ZS-P' });
    for (const ref of projects) {
      const { sheet, table } = ref;
      const f = selfEvalFacts(ref);
      const u = f.unit;
      const score = f.totalText ?? ask(`${f.name}自评得分`);
      const grade = f.grade ?? ask(`${f.name}自评等级`);
      let budget: string;
      if (f.full !== null && f.full.isZero()) {
        budget = `项目全年预算数为0.00${u}，执行数为${money(f.exec, u, '全年执行数')}。`;
      } else {
        const init = f.init !== null && f.full !== null && f.full.lt(f.init) ? `（年初预算数为${amt(f.init)}${u}）` : '';
        budget = `项目全年预算数为${money(f.full, u, '全年预算数')}，执行数为${money(f.exec, u, '全年执行数')}，执行率为${rate(f.exec, f.full) ?? ask('执行率')}${init}。`;
      }
      const done =
        table.variant === 'shanxi'
          ? clause(below(sheet, table, /^实际完成情况$/, /绩效指标|一级指标/)[0] ?? '') ||
            joinItems([analysis(sheet, table, /^产出情况及分析$/), analysis(sheet, table, /^效益情况及分析$/)])
          : joinItems(below(sheet, table, /^实际完成情况$/, /绩效指标|一级指标/).slice(0, 1));
      const problem = projectProblems(ref, f);
      const measures = table.variant === 'shanxi' ? clause(analysis(sheet, table, /^下一步改进措施及管理建议$/)) : '';
      paragraphs.push({
        kind: 'text',
        section: 'NT-ZS-P',
        sheet: sheet.name,
        name: f.name,
        text:
          `“${f.name}”项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分${score}分，自评等级为“${grade}”。${budget}` +
          `项目绩效目标完成情况：${done || user(`完成情况.${f.name}`, '项目绩效目标完成情况')}。` +
          `发现的主要问题及原因：${problem || user(`问题.${f.name}`, '问题及原因')}。` +
          `下一步改进措施：${measures || user(`措施.${f.name}`, '下一步改进措施')}。`,
      });
    }
  }

  if (wanted.has('NT-ZS-D') && units.length) {
    paragraphs.push({ kind: 'heading', text: '部门（单位）整体支出绩效自评综述', section: 'NT-ZS-D' });
    for (const ref of units) {
      const { sheet, table } = ref;
      const f = selfEvalFacts(ref);
      const u = f.unit;
      const done = joinItems(below(sheet, table, /^目标完成情况$/, /^年度主要任务$|^任务名称$|一级指标/));
      const rateText = rate(f.exec, f.full);
      const budget =
        f.full !== null && f.full.isZero()
          ? `部门（单位）全年预算数为0.00${u}，执行数为${money(f.exec, u, '全年执行数')}。`
          : `部门（单位）全年预算数为${money(f.full, u, '全年预算数')}，执行数为${money(f.exec, u, '全年执行数')}，执行率为${rateText ?? ask('执行率')}。`;
      paragraphs.push({
        kind: 'text',
        section: 'NT-ZS-D',
        sheet: sheet.name,
        name: f.name,
        text:
          `${f.name}部门（单位）整体支出绩效自评综述：根据年初设定的绩效目标，${f.name}部门（单位）整体绩效自评得分为${f.totalText ?? ask(`${f.name}整体绩效自评得分`)}分。${budget}` +
          `年度绩效目标完成情况：${done || user(`完成情况.${f.name}`, '年度绩效目标完成情况')}。` +
          `发现的主要问题及原因：${joinItems(f.reasons) || user(`问题.${f.name}`, '问题及原因')}。` +
          `下一步改进措施：${user(`措施.${f.name}`, '改进措施')}。涉密内容除外。`,
      });
    }
  }

  if (wanted.has('NT-ZS-R') && projects.length) {
    paragraphs.push({ kind: 'heading', text: '项目自评结果', section: 'NT-ZS-R' });
    for (const ref of projects) {
      const { sheet } = ref;
      const f = selfEvalFacts(ref);
      const budgetScore = f.budgetScore ?? ZERO;
      const total = budgetScore.plus(f.indicatorScore);
      paragraphs.push({
        kind: 'text',
        section: 'NT-ZS-R',
        sheet: sheet.name,
        name: f.name,
        text:
          `综合考虑预算执行情况得分${f.budgetScoreText ?? ask(`${f.name}预算执行情况得分`)}分，产出、效益、服务对象满意度各方面因素，指标完成情况得分${scoreText(f.indicatorScore)}分，` +
          `最终评分结果：${f.name}项目绩效自评价结果为：总得分${scoreText(total)}分，属于“${gradeOf(total)}”。`,
      });
    }
  }
  return { paragraphs, unfilled, slots: unfilled.map((label) => ({ id: keys.get(label) ?? label, label, kind: 'text' as const })) };
}

/** Whether a normalised name (of a 综述 or a table) matches: NC-10 pairs them this way. */
export function sameName(a: string, b: string): boolean {
  return norm(a).replace(/[“”"]/g, '') === norm(b).replace(/[“”"]/g, '');
}
