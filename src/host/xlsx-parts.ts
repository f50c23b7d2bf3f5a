/**
 * What an .xlsx holds beyond cells, counted from its zip parts, so a rewritten copy can be compared with its
 * original and the user told, in Chinese, what the copy could not carry over (exceljs drops charts, for one).
 */
import JSZip from 'jszip';

export interface PartCounts {
  [label: string]: number;
}

const PART_KINDS: { label: string; test: RegExp }[] = [
  { label: '图表', test: /^xl\/charts\/chart\d*\.xml$/ },
  { label: '图片', test: /^xl\/media\// },
  { label: '数据透视表', test: /^xl\/pivotTables\// },
  { label: '宏（VBA）', test: /^xl\/vbaProject\.bin$/ },
  { label: '外部链接', test: /^xl\/externalLinks\/externalLink\d*\.xml$/ },
  { label: '切片器', test: /^xl\/slicers\// },
  { label: '自定义 XML 部件', test: /^customXml\/item\d*\.xml$/ },
  { label: '线程批注', test: /^xl\/threadedComments\// },
];

const IN_SHEET_KINDS: { label: string; test: RegExp }[] = [
  { label: '数据验证', test: /<dataValidation[\s>]/g },
  { label: '条件格式', test: /<conditionalFormatting[\s>]/g },
  { label: '超链接', test: /<hyperlink[\s>]/g },
];

export async function countParts(bytes: Uint8Array): Promise<PartCounts> {
  const zip = await JSZip.loadAsync(bytes);
  const counts: PartCounts = {};
  const names = Object.keys(zip.files);
  for (const kind of PART_KINDS) counts[kind.label] = names.filter((n) => kind.test.test(n)).length;
  let comments = 0;
  for (const name of names.filter((n) => /^xl\/comments\d*\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    comments += (xml.match(/<comment[\s>]/g) ?? []).length;
  }
  counts['批注'] = comments;
  for (const kind of IN_SHEET_KINDS) counts[kind.label] = 0;
  for (const name of names.filter((n) => /^xl\/worksheets\/sheet\d*\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    for (const kind of IN_SHEET_KINDS) counts[kind.label] += (xml.match(kind.test) ?? []).length;
  }
  return counts;
}

/** Labels of parts the copy has fewer of than the original, e.g. `2 个图表`. */
export function lostParts(before: PartCounts, after: PartCounts): string[] {
  const lost: string[] = [];
  for (const [label, n] of Object.entries(before)) {
    const m = after[label] ?? 0;
    if (m < n) lost.push(`${n - m} 个${label}`);
  }
  return lost;
}
