/**
 * What the narrative checks work on: the notes sheet's paragraphs (with their section, figures, sentences and
 * clauses) and the recognised 公开表 through which a quoted figure is resolved to the cell it speaks of
 * (identities.md §5).
 */
import { a1 } from '../address';
import type { WorkbookContext } from '../workbook-context';
import { CellRef, Finding, Severity } from '../findings';
import { GongkaiRun, gongkaiRun, gongkaiTables } from '../gongkai';
import { CheckedSelfEvalTable, selfEvalRun } from '../selfeval';
import { CellMap, CellValues, Identity, Place, unitOf } from '../gongkai/identity';
import { codeCell, GongkaiTemplate, GTable, lineCell, Pos } from '../gongkai/model';
import { Decimal, ZERO } from '../numbers';
import { norm } from '../text';
import { extractFigures, Figure } from './figures';
import type { NotesModel } from './recognize';
import { convert } from './units';
import { GeneralPart, headingLevel, sectionParagraphs, Topic } from './sections';

export interface Para {
  index: number;
  row: number;
  col: number;
  /** The cell the paragraph starts in. */
  cell: string;
  text: string;
  /** The rows a paragraph broken over several cells was joined from: where each starts in `text`, and its cell. */
  lines: { start: number; cell: string }[];
  heading: boolean;
  topic: Topic | null;
  part: GeneralPart;
  figures: Figure[];
}

/** A table figure a narrative phrase names: one cell, or the sum of a few (机关运行经费 = DS 行5 + 行6). */
export interface Slot {
  label: string;
  table: GTable;
  places: Place[];
}

const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
const SENTENCE_END = codes('。！？!?');
const SEGMENT_END = codes('。！？!?；;');
const CLAUSE_END = codes('。！？!?；;，,：:、');

function lastIndexOfAny(text: string, ends: Set<number>, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (ends.has(text.charCodeAt(i))) return i;
  return -1;
}

/** The text of the clause before a position (since the last ，；：、。). */
export function clauseLead(p: Para, pos: number): string {
  return p.text.slice(lastIndexOfAny(p.text, CLAUSE_END, pos) + 1, pos);
}

/** The text of the segment before a position (since the last 。 or ；). */
export function segmentLead(p: Para, pos: number): string {
  return p.text.slice(lastIndexOfAny(p.text, SEGMENT_END, pos) + 1, pos);
}

export function sentenceLead(p: Para, pos: number): string {
  return p.text.slice(lastIndexOfAny(p.text, SENTENCE_END, pos) + 1, pos);
}

export function sentenceStart(p: Para, pos: number): number {
  return lastIndexOfAny(p.text, SENTENCE_END, pos) + 1;
}

export function segmentStart(p: Para, pos: number): number {
  return lastIndexOfAny(p.text, SEGMENT_END, pos) + 1;
}

/** How a quoted amount relates to this year's tables. */
export type AmountRole = 'current' | 'delta' | 'prior' | 'budget' | 'reason';

/** Names that contain 预算 without speaking of a budget figure. */
export const FUND_NAMES = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算绩效|预算管理|预算单位|部门预算|预算财政拨款/g;

const DELTA_VERB = /(?:增加|减少|增长|下降|上升|降低|多|少|节约|超支)(?:了)?(?:为|是)?$/;

export function deltaDirection(f: Figure, p: Para): 1 | -1 | 0 {
  const lead = norm(clauseLead(p, f.start));
  const m = /(增加|减少|增长|下降|上升|降低|多|少|节约|超支)(?:了)?(?:为|是)?$/.exec(lead);
  if (!m) return 0;
  return /增加|增长|上升|多|超支/.test(m[1]) ? 1 : -1;
}

const roles = new WeakMap<Figure, AmountRole>();

/** A figure's role, worked out once per figure: several checks ask for it. */
export function amountRole(f: Figure, p: Para): AmountRole {
  let role = roles.get(f);
  if (!role) roles.set(f, (role = findAmountRole(f, p)));
  return role;
}

function findAmountRole(f: Figure, p: Para): AmountRole {
  const lead = norm(clauseLead(p, f.start));
  if (DELTA_VERB.test(lead)) return 'delta';
  if (/原因/.test(norm(segmentLead(p, f.start)))) return 'reason';
  if (/上年|上一年|去年|同期/.test(lead)) return 'prior';
  const plain = lead.replace(FUND_NAMES, '');
  if (/预算/.test(plain) && !/决算|执行/.test(plain)) return 'budget';
  return 'current';
}

/** What the narrative checks are given by the table checks that ran before them. */
export interface TableResults {
  gongkai: GongkaiRun;
  selfEval: CheckedSelfEvalTable[];
}

/** The table checks' results for a context checked outside the engine's pipeline (a test, a draft). */
export function tableResultsOf(context: WorkbookContext): TableResults {
  return { gongkai: gongkaiRun(context), selfEval: selfEvalRun(context) };
}

export class NarrativeContext {
  readonly sheetName: string;
  readonly paras: Para[];
  readonly values: CellValues;
  private readonly tables: GTable[];
  private addendIndex: CellMap<Place[][]> | null = null;

  constructor(readonly workbook: WorkbookContext, notes: NotesModel, sheetName: string, readonly results: TableResults = tableResultsOf(workbook)) {
    this.sheetName = sheetName;
    this.tables = gongkaiTables(workbook);
    this.values = results.gongkai.values;
    const joined = joinBrokenLines(notes.paragraphs);
    const sections = sectionParagraphs(joined.map((p) => p.text));
    this.paras = joined.map((p, index) => ({
      index, row: p.row, col: p.col, cell: p.lines[0].cell, text: p.text, lines: p.lines,
      heading: sections[index].heading, topic: sections[index].topic, part: sections[index].part,
      figures: sections[index].heading ? [] : extractFigures(p.text),
    }));
  }

  /** The one table of a role; null when absent or when two compete (R-DUP). */
  table(template: GongkaiTemplate): GTable | null {
    const all = this.tables.filter((t) => t.template === template);
    return all.length === 1 ? all[0] : null;
  }

  has(template: GongkaiTemplate): boolean {
    return this.tables.some((t) => t.template === template);
  }

  /** 行k (栏k) of a 行次 table, or 栏k of the 合计 (code null) or a code row. */
  line(template: GongkaiTemplate, line: number, lanci?: number, label?: string): Slot | null {
    const t = this.table(template);
    const pos = t ? lineCell(t, line, lanci) : null;
    return t && pos ? { label: label ?? `行${line}`, table: t, places: [{ table: t, pos }] } : null;
  }

  coded(template: GongkaiTemplate, code: string | null, lanci: number, label?: string): Slot | null {
    const t = this.table(template);
    const pos = t ? codeCell(t, code, lanci) : null;
    return t && pos ? { label: label ?? (code ?? '合计'), table: t, places: [{ table: t, pos }] } : null;
  }

  at(t: GTable, pos: Pos | null, label: string): Slot | null {
    return pos ? { label, table: t, places: [{ table: t, pos }] } : null;
  }

  /** The slot's value in its table's unit; null when a cell is unknown or unreadable. */
  slotValue(slot: Slot): Decimal | null {
    let sum = ZERO;
    for (const place of slot.places) {
      const v = this.values.value(place);
      if (v === null) return null;
      sum = sum.plus(v);
    }
    return sum;
  }

  /** The slot's value expressed in the narrative figure's unit (万元 is never scaled up). */
  slotIn(slot: Slot, unit: string): Decimal | null {
    const v = this.slotValue(slot);
    if (v === null) return null;
    return convert(v, unitOf(slot.table), unit);
  }

  refs(slot: Slot): CellRef[] {
    return slot.places.map((p) => ({ sheet: p.table.sheet.name, cell: a1(p.pos.row, p.pos.col) }));
  }

  /**
   * The addend sets of a table cell: the right-hand sides of every equality the 公开表 engine states it in
   * (identities.md §3–§4). A narrative figure equal to one of these sums is the "Σ of rows" case of §2.5.
   */
  addendSets(place: Place): Place[][] {
    const run = this.results.gongkai;
    if (!this.addendIndex) {
      this.addendIndex = new CellMap();
      for (const id of run.identities) {
        if (!isPlainSum(id)) continue;
        const list = this.addendIndex.get(id.stated);
        if (list) list.push(id.terms);
        else this.addendIndex.set(id.stated, [id.terms]);
      }
    }
    const sets = [...(this.addendIndex.get(place) ?? [])];
    for (const batch of run.batches) {
      if (batch.table.sheet !== place.table.sheet) continue;
      for (const i of batch.stating(place.pos.row, place.pos.col)) {
        const id = batch.identity(i);
        if (isPlainSum(id)) sets.push(id.terms);
      }
    }
    return sets;
  }

  finding(p: Para, rule: string, severity: Severity, stated: string | null, expected: string | null, message: string, extra: Partial<Finding> = {}): Finding {
    return { sheet: this.sheetName, cell: cellOfQuote(p, stated), rule, severity, stated, expected, message, ...extra };
  }
}

export { unitOf };

/** An equality whose addends all count positively: a figure equal to its right-hand side is "Σ of rows". */
function isPlainSum(id: Identity): boolean {
  return id.relation === 'eq' && id.strength === 'eq' && !id.derived && id.terms.every((t) => t.sign === 1);
}

export { convert };

/** Text after the last sentence, clause-list or lead-in end: what a row broken mid-sentence ends with. */
const OPEN_TAIL = /[^。；;：:！？!?]*$/;
const CJK = /[\u3400-\u9fff]/;

/**
 * Rows a paragraph was broken over (text pasted from the PDF line by line: `…与2021年相` ⏎ `比，收入总计减少…`) are
 * read as one paragraph. A row continues into the next when it ends mid-sentence — after its last 。；：！？ comes
 * Chinese text or a dangling ，、 — it is as long as a wrapped line, and neither row is a heading. A stray number after a paragraph's last 。
 * (`…服务。513,174`, 山西 2022) is no broken sentence, and every row of a published 情况说明 ends its sentence, so
 * the fixtures read row by row as before. A finding lands on the row that holds its quoted figure.
 */
function joinBrokenLines(rows: NotesModel['paragraphs']): { row: number; col: number; text: string; lines: Para['lines'] }[] {
  const out: { row: number; col: number; text: string; lines: Para['lines'] }[] = [];
  let open = false;
  for (const r of rows) {
    const last = out[out.length - 1];
    const heading = headingLevel(r.text) !== null;
    if (open && last && !heading && r.col === last.col) {
      last.lines.push({ start: last.text.length, cell: a1(r.row, r.col) });
      last.text += r.text;
    } else {
      out.push({ row: r.row, col: r.col, text: r.text, lines: [{ start: 0, cell: a1(r.row, r.col) }] });
    }
    const text = out[out.length - 1].text;
    // A short unterminated row is a title (`项目绩效自评综述`), not a line wrapped at the page's width.
    open = !heading && text.length >= 16 && (CJK.test(OPEN_TAIL.exec(text)![0]) || /[，,、]$/.test(text));
  }
  return out;
}

/** The row of a joined paragraph that holds a quoted text (its first occurrence), else the paragraph's first row. */
function cellOfQuote(p: Para, quoted: string | null): string {
  if (p.lines.length === 1 || !quoted) return p.cell;
  const at = p.text.indexOf(quoted);
  if (at < 0) return p.cell;
  let cell = p.cell;
  for (const line of p.lines) if (line.start <= at) cell = line.cell;
  return cell;
}
