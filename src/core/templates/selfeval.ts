/**
 * The 绩效自评表 as templates (selfeval.md §0.1, §2–§4.1): 项目支出绩效自评表 in the national-2020 and shanxi (form
 * S-W) layouts, 部门（单位）整体绩效自评表 in the henan-2021 layout. 执行率, 预算执行得分, 结余, the 资金总额 row, 总分,
 * Σ分值 (national) and 等级 (shanxi) are live formulas, so a filled-in table stays consistent by itself.
 *
 * Left empty, every data cell the checker reads is blank (the budget 分值 too: an empty one counts the implied 10 in
 * the formulas, as the checker does), so an untouched template is reported as an empty table, never as wrong sums.
 * The part rows' 分值/得分 are left blank instead of the seed's `—`, for the same reason.
 */
import type { TemplateOptions } from './gongkai';
import { SheetBuilder, TemplateSheet } from './model';

export type SelfEvalVariant = 'national-2020' | 'shanxi' | 'henan-2021';
export const SELFEVAL_TEMPLATES: Array<{ id: 'project-selfeval' | 'department-selfeval'; variant: SelfEvalVariant }> = [
  { id: 'project-selfeval', variant: 'national-2020' },
  { id: 'project-selfeval', variant: 'shanxi' },
  { id: 'department-selfeval', variant: 'henan-2021' },
];

const AMOUNT = '0.00';
const SCORE = '0.00';
const PERCENT = '0.00%';
const C = { bold: true, align: 'center' as const };

/** 一级 label (with its weight where the variant prints one) and its 二级 groups with their row counts. */
interface Block {
  l1: string;
  groups: Array<[string, number]>;
}

const PROJECT_BLOCKS = (weights: boolean): Block[] => [
  { l1: weights ? '产出指标50分' : '产出指标', groups: [['数量指标', 3], ['质量指标', 2], ['时效指标', 1], ['成本指标', 1]] },
  { l1: weights ? '效益指标30分' : '效益指标', groups: [['经济效益指标', 1], ['社会效益指标', 2], ['生态效益指标', 1], ['可持续影响指标', 1]] },
  { l1: weights ? '满意度指标10分' : '满意度指标', groups: [['服务对象满意度指标', 2]] },
];

const DEPARTMENT_BLOCKS: Block[] = [
  { l1: '投入管理指标(30分)', groups: [['工作目标管理', 2], ['预算和财务管理', 3], ['绩效管理', 1]] },
  { l1: '产出指标(25分)', groups: [['重点工作任务完成', 3], ['履职目标实现', 2]] },
  { l1: '效益指标(35分)', groups: [['履职效益', 3], ['满意度', 1]] },
];

/** Writes the indicator rows from `first`: 一级 merged in `l1Col`, 二级 merged in the next column. Returns the next row. */
function indicatorRows(b: SheetBuilder, blocks: Block[], first: number, l1Col: string, l2Col: string, inputs: Array<[string, string | undefined]>): number {
  let r = first;
  for (const block of blocks) {
    const n = block.groups.reduce((a, [, k]) => a + k, 0);
    b.merge(n > 1 ? `${l1Col}${r}:${l1Col}${r + n - 1}` : `${l1Col}${r}`, block.l1, { align: 'center' });
    for (const [l2, k] of block.groups) {
      b.merge(k > 1 ? `${l2Col}${r}:${l2Col}${r + k - 1}` : `${l2Col}${r}`, l2, { align: 'center' });
      for (let i = 0; i < k; i++, r++) for (const [c, fmt] of inputs) b.input(`${c}${r}`, fmt);
    }
  }
  return r;
}

export function indicatorRowCount(variant: SelfEvalVariant): number {
  const blocks = variant === 'henan-2021' ? DEPARTMENT_BLOCKS : PROJECT_BLOCKS(false);
  return blocks.reduce((a, bl) => a + bl.groups.reduce((x, [, k]) => x + k, 0), 0);
}

function national(year: number, department: string): TemplateSheet {
  const b = new SheetBuilder();
  const title = '项目支出绩效自评表';
  b.merge('A1:I1', title, C).merge('A2:I2', `（${year}年度）`, { align: 'center' });
  b.set('A3', '项目名称', C).merge('B3:I3', null).input('B3');
  b.set('A4', '主管部门', C).merge('B4:D4', department || null).input('B4').set('E4', '实施单位', C).merge('F4:I4', null).input('F4');
  b.merge('A5:A9', '项目资金\n（万元）', C);
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率'].forEach((h, i) => b.set(`${'CDEFG'[i]}5`, h, C));
  b.merge('H5:I5', '得分', C);
  b.set('B6', '年度资金总额').set('B7', '其中：当年财政拨款').set('B8', '      上年结转资金').set('B9', '      其他资金');
  for (const c of 'CDE') {
    b.formula(`${c}6`, { kind: 'sum', refs: [`${c}7:${c}9`] }, AMOUNT);
    for (const r of [7, 8, 9]) b.input(`${c}${r}`, AMOUNT);
  }
  b.input('F6', '0');
  for (const r of [6, 7, 8, 9]) b.formula(`G${r}`, { kind: 'ratio', num: `E${r}`, den: `D${r}`, dp: 4 }, PERCENT);
  b.merge('H6:I6').formula('H6', { kind: 'score', weight: 'F6', defaultWeight: 10, num: 'E6', den: 'D6', dp: 2 }, SCORE);
  b.merge('A10:A11', '年度总体目标', C).merge('B10:E10', '预期目标', C).merge('F10:I10', '实际完成情况', C);
  b.merge('B11:E11', null).input('B11').merge('F11:I11', null).input('F11');
  b.merge('B12:B13', '一级指标', C).merge('C12:C13', '二级指标', C).merge('D12:D13', '三级指标', C);
  b.set('E12', '年度', C).set('E13', '指标值', C).set('F12', '实际', C).set('F13', '完成值', C);
  b.merge('G12:G13', '分值', C).merge('H12:H13', '得分', C).merge('I12:I13', '偏差原因分析及改进措施', C);
  const end = indicatorRows(b, PROJECT_BLOCKS(true), 14, 'B', 'C', [['D', undefined], ['E', undefined], ['F', undefined], ['G', undefined], ['H', undefined], ['I', undefined]]);
  b.merge(`A12:A${end - 1}`, '绩效指标', C);
  b.merge(`A${end}:F${end}`, '总分', C);
  b.formula(`G${end}`, { kind: 'sum', refs: [`G14:G${end - 1}`, 'F6'], defaults: { F6: 10 } });
  b.formula(`H${end}`, { kind: 'sum', refs: [`H14:H${end - 1}`, 'H6'] }, SCORE);
  b.widths = [12, 18, 16, 24, 14, 14, 10, 12, 30];
  return b.sheet('project-selfeval', 'national-2020', title, title);
}

function shanxi(year: number, department: string): TemplateSheet {
  const b = new SheetBuilder();
  const title = '项目支出绩效自评表';
  b.merge('A1:K1', title, C).merge('A2:K2', `(${year}年度)`, { align: 'center' });
  b.merge('A3:B3', '项目名称', C).merge('C3:K3', null).input('C3');
  b.merge('A4:B4', '主管部门及代码', C).merge('C4:F4', department || null).input('C4');
  b.merge('G4:H4', '预算单位', C).merge('I4:K4', null).input('I4');
  b.merge('A5:A8', '项目资金预算安排及执行进度(万元)', C).merge('B5:B6');
  b.merge('C5:D5', '年初预算数', C).set('C6', '目标申报数', C).set('D6', '预算编制数', C);
  [['E', '全年预算数'], ['F', '全年执行数'], ['G', '资金结(转)余'], ['H', '执行率'], ['I', '得分']].forEach(([c, h]) => b.merge(`${c}5:${c}6`, h, C));
  b.merge('J5:K6', '偏差原因', C);
  b.set('B7', '资金总额:').set('B8', '市县区财政资金');
  for (const c of 'CDEF') {
    b.formula(`${c}7`, { kind: 'sum', refs: [`${c}8`] }, AMOUNT);
    b.input(`${c}8`, AMOUNT);
  }
  for (const r of [7, 8]) {
    b.formula(`G${r}`, { kind: 'sum', refs: [`E${r}`], minus: [`F${r}`] }, AMOUNT);
    b.formula(`H${r}`, { kind: 'ratio', num: `F${r}`, den: `E${r}`, scale: 100, dp: 2 }, '0.00');
    b.merge(`J${r}:K${r}`, null).input(`J${r}`);
  }
  b.formula('I7', { kind: 'score', weight: 10, num: 'F7', den: 'E7', dp: 2 }, SCORE);
  b.merge('A9:A10', '项目年度绩效目标', C).merge('B9:F9', '年度目标', C).merge('G9:K9', '实际完成情况', C);
  b.merge('B10:F10', null).input('B10').merge('G10:K10', null).input('G10');
  ['一级指标', '二级指标', '三级指标', '年初指标值', '调整后指标值', '实际完成值', '定性值情况说明', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) => b.set(`${'BCDEFGHIJK'[i]}11`, h, C));
  const end = indicatorRows(b, PROJECT_BLOCKS(false), 12, 'B', 'C', 'DEFGHIJK'.split('').map((c) => [c, undefined]));
  b.merge(`A11:A${end - 1}`, '绩效指标', C);
  b.merge(`A${end}:I${end}`, '总 分', C);
  b.formula(`J${end}`, { kind: 'sum', refs: [`J12:J${end - 1}`, 'I7'] }, SCORE);
  b.formula(`K${end}`, { kind: 'grade', ref: `J${end}` });
  const topics = ['项目实施和预算执行情况及分析', '产出情况及分析', '效益情况及分析', '满意度情况及分析', '主要经验做法', '项目管理中存在的主要问题及原因分析', '下一步改进措施及管理建议'];
  const a = end + 1;
  b.merge(`A${a}:B${a + topics.length - 1}`, '项目绩效分析', C);
  topics.forEach((t, i) => b.merge(`C${a + i}:D${a + i}`, t).merge(`E${a + i}:K${a + i}`, null).input(`E${a + i}`));
  const notes = [
    '备注：1. “年初预算数”项下的“目标申报数”和“预算编制数”为并列关系，其中“目标申报数”的数据来源于项目目标申报表中的项目资金总额表中的年度资金，“预算编制数”数据来源于项目预算支出明细表。',
    '2. “全年预算数”的取数规则：如果年初预算未调整，取预算编制数；如果有调整，取调整后的预算数。',
    '3. “全年执行数”是指预算执行指标确认数。',
    '4. “执行率”是执行数与“全年预算数”相比较。',
  ];
  notes.forEach((t, i) => b.merge(`A${a + topics.length + i}:K${a + topics.length + i}`, t));
  b.widths = [10, 14, 16, 22, 12, 14, 14, 14, 10, 10, 28];
  return b.sheet('project-selfeval', 'shanxi', title, title);
}

function henan(year: number, department: string): TemplateSheet {
  const b = new SheetBuilder();
  const title = '部门（单位）整体绩效自评表';
  b.merge('A1:I1', title, C).merge('A2:I2', `（${year}年度）`, { align: 'center' });
  b.merge('A3:B3', '部门（单位）名称', C).merge('C3:I3', department || null).input('C3');
  b.merge('A4:A7', '预算执行情况', C).merge('B4:C4');
  ['年初数', '全年数', '全年执行数', '分值', '预算执行率', '得分'].forEach((h, i) => b.set(`${'DEFGHI'[i]}4`, h, C));
  b.merge('B5:C5', '部门预算总额').merge('B6:B7', '资金来源', C).set('C6', '财政性资金').set('C7', '其他资金');
  for (const c of 'DEF') {
    b.formula(`${c}5`, { kind: 'sum', refs: [`${c}6:${c}7`] }, AMOUNT);
    b.input(`${c}6`, AMOUNT).input(`${c}7`, AMOUNT);
  }
  b.input('G5', '0');
  for (const r of [5, 6, 7]) b.formula(`H${r}`, { kind: 'ratio', num: `F${r}`, den: `E${r}`, dp: 4 }, PERCENT);
  b.formula('I5', { kind: 'score', weight: 'G5', defaultWeight: 10, num: 'F5', den: 'E5', dp: 2 }, SCORE);
  const goals = 3;
  b.merge(`A8:A${9 + goals}`, '年度履职目标', C).merge('B8:E8', '预期目标', C).merge('F8:I8', '实际完成情况', C);
  b.set('B9', '目标名称', C).merge('C9:E9', '主要内容', C).merge('F9:I9', '目标完成情况', C);
  for (let i = 1; i <= goals; i++) {
    const r = 9 + i;
    b.set(`B${r}`, `目标 ${i}:`).merge(`C${r}:E${r}`, null).input(`C${r}`).merge(`F${r}:I${r}`, null).input(`F${r}`);
  }
  const tasks = 4;
  const t0 = 10 + goals;
  b.merge(`A${t0}:A${t0 + tasks}`, '年度主要任务', C).set(`B${t0}`, '任务名称', C).merge(`C${t0}:E${t0}`, '主要内容', C).merge(`F${t0}:I${t0}`, '任务完成情况', C);
  for (let i = 1; i <= tasks; i++) {
    const r = t0 + i;
    b.input(`B${r}`).merge(`C${r}:E${r}`, null).input(`C${r}`).merge(`F${r}:I${r}`, null).input(`F${r}`);
  }
  const h = t0 + tasks + 1;
  ['一级指标', '二级指标', '三级指标', '指标值', '指标说明', '实际完成值', '分值', '得分', '未完成原因分析及改进措施'].forEach((x, i) => b.set(`${'ABCDEFGHI'[i]}${h}`, x, C));
  const end = indicatorRows(b, DEPARTMENT_BLOCKS, h + 1, 'A', 'B', 'CDEFGHI'.split('').map((c) => [c, undefined]));
  b.merge(`A${end}:H${end}`, '总分:', C);
  b.formula(`I${end}`, { kind: 'sum', refs: [`H${h + 1}:H${end - 1}`, 'I5'] }, SCORE);
  b.widths = [16, 16, 22, 14, 30, 14, 10, 10, 30];
  return b.sheet('department-selfeval', 'henan-2021', '部门整体绩效自评表', title);
}

export function selfEvalTemplate(variant: SelfEvalVariant, o: TemplateOptions = {}): TemplateSheet {
  const year = o.year ?? new Date().getFullYear() - 1;
  const department = o.department ?? '';
  return variant === 'national-2020' ? national(year, department) : variant === 'shanxi' ? shanxi(year, department) : henan(year, department);
}
