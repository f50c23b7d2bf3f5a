/**
 * Sections of a 情况说明 by heading keyword (gongkai-layouts.md §4.11, narratives.md §0.2): the topic of each
 * paragraph comes from the words of the heading above it, never from its number, so set A (河南) and set B (山西)
 * read alike.
 */
import { norm } from '../text';

export type Topic =
  | 'overall' | 'income' | 'expenditure' | 'fiscal' | 'general' | 'basic' | 'threePublic' | 'govFund'
  | 'stateCapital' | 'opex' | 'procurement' | 'assets' | 'performance' | 'other';

/** 五's sub-sections: （一）总体 （二）结构 （三）具体. */
export type GeneralPart = 'total' | 'structure' | 'detail' | null;

export const TOPIC_LABEL: Record<Topic, string> = {
  overall: '收入支出决算总体情况', income: '收入决算情况', expenditure: '支出决算情况', fiscal: '财政拨款收入支出决算总体情况',
  general: '一般公共预算财政拨款支出决算情况', basic: '一般公共预算财政拨款基本支出决算情况', threePublic: '“三公”经费支出决算情况',
  govFund: '政府性基金预算财政拨款支出决算情况', stateCapital: '国有资本经营预算财政拨款支出决算情况', opex: '机关运行经费支出情况',
  procurement: '政府采购支出情况', assets: '国有资产占用情况', performance: '预算绩效情况', other: '其他重要事项情况',
};

const TOP_ORDINAL = /^[一二三四五六七八九十]+[、.]/;
/** `（一）` everywhere; `（1）` as 山西 2022 numbers the parts of 十（四） 预算绩效. */
const SUB_ORDINAL = /^[(（](?:[一二三四五六七八九十]+|\d{1,2})[)）]/;

/** A heading row: short, no sentence end, no amount, and numbered or ending in 情况/说明. */
export function headingLevel(text: string): 'top' | 'sub' | null {
  const n = norm(text);
  if (n.length === 0 || n.length > 60) return null;
  if (/[。；]$/.test(n) && n.length > 20) return null;
  if (/\d+(?:\.\d+)?(?:万元|元|%)/.test(n)) return null;
  if (TOP_ORDINAL.test(n)) return 'top';
  if (SUB_ORDINAL.test(n)) return 'sub';
  if (/^第[一二三四五六七八九十]+部分/.test(n)) return 'top';
  if (/(?:情况说明|情况|说明)$/.test(n) && n.length <= 40) return 'top';
  return null;
}

/** The topic a heading names, or null when it names none (第三部分, （一）总体情况). */
export function topicOfHeading(text: string): Topic | null {
  const n = norm(text);
  if (/三公/.test(n)) return 'threePublic';
  if (/政府性基金/.test(n)) return 'govFund';
  if (/国有资本经营/.test(n)) return 'stateCapital';
  if (/机关运行经费/.test(n)) return 'opex';
  if (/政府采购/.test(n)) return 'procurement';
  if (/国有资产/.test(n)) return 'assets';
  if (/绩效/.test(n)) return 'performance';
  if (/其他重要事项/.test(n)) return 'other';
  if (/基本支出/.test(n)) return 'basic';
  if (/一般公共预算财政拨款支出/.test(n)) return 'general';
  if (/财政拨款(?:收入支出|收支)决算总体/.test(n)) return 'fiscal';
  if (/收入支出决算总体|收支决算总体/.test(n)) return 'overall';
  if (/收入决算/.test(n)) return 'income';
  if (/支出决算/.test(n)) return 'expenditure';
  return null;
}

export function generalPartOf(text: string): GeneralPart {
  const n = norm(text);
  if (/具体/.test(n)) return 'detail';
  if (/结构/.test(n)) return 'structure';
  if (/总体/.test(n)) return 'total';
  return null;
}

/** Topics whose words recur in 五's part headings, so a sub-heading under 五 or 六 cannot switch to them. */
const GENERIC = new Set<Topic>(['overall', 'income', 'expenditure', 'fiscal', 'general', 'basic']);

export interface Sectioned {
  heading: boolean;
  topic: Topic | null;
  part: GeneralPart;
}

/**
 * Walks the paragraphs in order and gives each the topic of the heading above it. A second top-level heading with
 * 五's words after 五 is the basic-spending section (S22 prints 六 with 五's title).
 */
export function sectionParagraphs(texts: string[]): Sectioned[] {
  let topic: Topic | null = null;
  let part: GeneralPart = null;
  let seenGeneralTop = false;
  return texts.map((text) => {
    const level = headingLevel(text);
    if (!level) return { heading: false, topic, part: topic === 'general' ? part : null };
    let t = topicOfHeading(text);
    if (t === 'general' && level === 'top') {
      if (seenGeneralTop && topic === 'general') t = 'basic';
      seenGeneralTop = true;
    }
    // Under 五 (and 六), 山西 2022 heads the parts `（一）财政拨款支出决算总体情况`: words of 三 (支出决算), still 五.
    // Only a specific topic (三公, 机关运行经费, …) opens a section of its own there.
    if (level === 'sub' && (topic === 'general' || topic === 'basic') && t && GENERIC.has(t)) t = null;
    if (t && !(t === 'general' && level === 'sub' && topic === 'general')) {
      if (t !== topic) part = null;
      topic = t;
    }
    if (topic === 'general' && level === 'sub') part = generalPartOf(text) ?? part;
    if (level === 'top' && t === 'general') part = null;
    if (level === 'top' && !t && /^第/.test(norm(text))) topic = null;
    return { heading: true, topic, part: topic === 'general' ? part : null };
  });
}
