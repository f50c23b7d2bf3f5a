/**
 * The template gallery: every 公开表 in each variant the spec names (gongkai-layouts.md §0.1), and the 绩效自评表
 * (selfeval.md §0.1: project-selfeval national-2020 / shanxi, department-selfeval henan-2021). `listTemplates()`
 * feeds `juesuan template --list` and the pane's gallery; `templateSheets()` returns the pure descriptions the CLI
 * writes with exceljs (builder.ts) and the pane inserts through Office.js.
 */
import { TEMPLATE_LABEL, TemplateId } from '../findings';
import { GONGKAI_VARIANTS, GongkaiVariant, gongkaiTemplates, MARKERS, TemplateOptions } from './gongkai';
import { TemplateSheet } from './model';
import { SELFEVAL_TEMPLATES, selfEvalTemplate, SelfEvalVariant } from './selfeval';

export type { TemplateSheet, TemplateCell, Formula } from './model';
export { computeResults, formulaText, placedRows, previewRows } from './model';
export type { PlacedCell } from './model';
export type { TemplateOptions } from './gongkai';

export interface TemplateEntry {
  id: TemplateId;
  variant: string;
  /** Chinese label shown in the gallery and by --list. */
  label: string;
  marker?: string;
}

export function listTemplates(): TemplateEntry[] {
  const out: TemplateEntry[] = [];
  for (const variant of GONGKAI_VARIANTS) {
    for (const [id, n] of Object.entries(MARKERS[variant]).sort((a, b) => a[1]! - b[1]!)) {
      out.push({ id: id as TemplateId, variant, label: TEMPLATE_LABEL[id as TemplateId], marker: `公开${String(n).padStart(2, '0')}` });
    }
  }
  for (const t of SELFEVAL_TEMPLATES) out.push({ id: t.id, variant: t.variant, label: TEMPLATE_LABEL[t.id] });
  return out;
}

export function variantsOf(id: string): string[] {
  return [...new Set(listTemplates().filter((t) => t.id === id).map((t) => t.variant))];
}

/**
 * The sheets of one template id in one variant (the variant's default when none is given), or of all the 公开表 of
 * a variant when id is `gongkai`. Throws a Chinese message for an unknown id or variant.
 */
export function templateSheets(id: string, variant?: string, options: TemplateOptions = {}): TemplateSheet[] {
  if (id === 'gongkai') {
    const v = (variant ?? 'henan-2021') as GongkaiVariant;
    if (!GONGKAI_VARIANTS.includes(v)) throw new Error(`未知的版式“${variant}”，可选：${GONGKAI_VARIANTS.join('、')}`);
    return gongkaiTemplates(v, options);
  }
  const variants = variantsOf(id);
  if (variants.length === 0) throw new Error(`未知的模板“${id}”，请用 juesuan template --list 查看`);
  const v = variant ?? variants[0];
  if (!variants.includes(v)) throw new Error(`模板“${id}”没有版式“${v}”，可选：${variants.join('、')}`);
  if (id === 'project-selfeval' || id === 'department-selfeval') return [selfEvalTemplate(v as SelfEvalVariant, options)];
  return gongkaiTemplates(v as GongkaiVariant, options).filter((s) => s.template === id);
}
