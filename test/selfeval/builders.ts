/** Hand-made self-evaluation sheets for tests: values row by row, `{ v, f }` for a number format, merges in A1. */
import { Cell, CellRange, makeSheetGrid, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { parseA1 } from '../../src/core/address';

export type V = string | number | null | { v: string | number; f: string };

export function range(a: string): CellRange {
  const [s, e] = a.split(':');
  const p = parseA1(s)!;
  const q = parseA1(e ?? s)!;
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

export function sheetOf(name: string, rows: V[][], merges: string[] = []): SheetGrid {
  const cells: (Cell | undefined)[][] = rows.map((row) =>
    row.map((v) => (v === null || v === undefined ? undefined : typeof v === 'object' ? { value: v.v, numFmt: v.f } : { value: v })),
  );
  return makeSheetGrid({ name, cells, merges: merges.map(range) });
}

export function workbookOf(...sheets: SheetGrid[]): WorkbookGrid {
  return { fileName: 'hand-made.xlsx', sheets };
}

/** Rows of a Shanxi S-W table (selfeval.md §4.1), 11 columns A–K, with a decimal-comma 全年执行数. */
export function shanxiSW(over: { exec?: V; bal?: V; rate?: V; score?: V; total?: V; grade?: V; budgetReason?: V; k15?: V } = {}): { rows: V[][]; merges: string[] } {
  const has = (k: keyof typeof over) => Object.prototype.hasOwnProperty.call(over, k);
  const o = (k: keyof typeof over, d: V): V => (has(k) ? (over[k] as V) : d);
  const rows: V[][] = [
    ['XY乡村振兴培训项目支出绩效自评表'],
    ['(2024年度)'],
    ['项目名称', null, 'XY乡村振兴培训'],
    ['主管部门及代码', null, '101-某局部门', null, null, null, '预算单位', null, '101001-某局'],
    ['项目资金预算安排及执行进度(万元)', null, '年初预算数', null, '全年预算数', '全年执行数', '资金结(转)余', '执行率', '得分', '偏差原因'],
    [null, null, '目标申报数', '预算编制数'],
    [null, '资金总额:', 30, 30, { v: 30, f: '0.000' }, o('exec', '27,415'), o('bal', '2,585'), o('rate', 91.38), o('score', 9.14), o('budgetReason', null)],
    [null, '市县区财政资金', 30, 30, { v: 30, f: '0.000' }, o('exec', '27,415'), o('bal', '2,585'), o('rate', 91.38), null, null],
    ['项目年度绩效目标', '年度目标', null, null, null, null, '实际完成情况'],
    [null, '完成培训任务', null, null, null, null, '已完成'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年初指标值', '调整后指标值', '实际完成值', '定性值情况说明', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标', '数量指标', '培训次数', '≥次', '≥10次', '8次', null, 30, 24, '受天气影响少办两期'],
    [null, null, '质量指标', '培训合格率', '=%', '=100%', '100%', null, 30, 30, null],
    [null, '效益指标', '社会效益指标', '农户增收知晓率', '≥%', '≥90%', '90%', null, 20, 20, null],
    [null, '满意度指标', '服务对象满意度指标', '参训人员满意度', '≥%', '≥90%', '95%', null, 10, 9, o('k15', null)],
    ['总 分', null, null, null, null, null, null, null, null, o('total', 92.14), o('grade', '优')],
    ['项目绩效分析', null, '项目实施和预算执行情况及分析', null, '按计划实施'],
    ['备注：1. “年初预算数”项下的“目标申报数”和“预算编制数”为并列关系。'],
  ];
  const merges = ['A1:K1', 'A2:K2', 'A3:B3', 'C3:K3', 'A4:B4', 'C4:F4', 'G4:H4', 'I4:K4', 'A5:A8', 'B5:B6', 'C5:D5', 'E5:E6', 'F5:F6', 'G5:G6', 'H5:H6', 'I5:I6', 'J5:K6', 'J7:K7', 'J8:K8', 'A9:A10', 'A11:A15', 'A16:I16', 'A17:B17', 'C17:D17', 'E17:K17', 'A18:K18'];
  return { rows, merges };
}

/** Rows of a national-2020 table (selfeval.md §2), 9 columns A–I. */
export function national(over: { name?: string; init?: V; full?: V; exec?: V; rate?: V; score?: V; partFull?: V; partExec?: V; partRate?: V; total?: V; sumWeight?: V; h15?: V; i15?: V } = {}): V[][] {
  const has = (k: keyof typeof over) => Object.prototype.hasOwnProperty.call(over, k);
  const pick = (k: keyof typeof over, d: V): V => (has(k) ? (over[k] as V) : d);
  return [
    ['项目支出绩效自评表'],
    ['（2020年度）'],
    ['项目名称', over.name ?? '执法装备购置'],
    ['主管部门', '某州人民政府', null, null, '实施单位', '某局'],
    ['项目资金\n（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', pick('init', 40), pick('full', 40), pick('exec', 36), 10, pick('rate', { v: 0.9, f: '0.00%' }), pick('score', { v: 9, f: '0.0' })],
    [null, '其中：当年财政拨款', pick('init', 40), pick('partFull', 40), pick('partExec', 36), '—', pick('partRate', { v: 0.9, f: '0.00%' }), '—'],
    [null, '  上年结转资金', null, null, null, '—', null, '—'],
    [null, '  其他资金', null, null, null, '—', null, '—'],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, '购置装备', null, null, null, '已购置'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度', '实际', '分值', '得分', '偏差原因分析及改进措施'],
    [null, null, null, null, '指标值', '完成值'],
    [null, '产出指标50分', '数量指标', '购置装备数量', '≥10台', '10台', 50, 50],
    [null, '效益指标30分', '社会效益指标', '执法效率提升', '≥20%', '20%', 30, pick('h15', 30), pick('i15', null)],
    [null, '满意度指标10分', '服务对象满意度指标', '执法人员满意度', '≥90%', '95%', 10, 10],
    ['总分', null, null, null, null, null, pick('sumWeight', 100), pick('total', { v: 99, f: '0.0' })],
  ];
}

export const NATIONAL_MERGES = ['A1:I1', 'A2:I2', 'B3:I3', 'B4:D4', 'F4:I4', 'A5:A9', 'H5:I5', 'H6:I6', 'H7:I7', 'H8:I8', 'H9:I9', 'A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11', 'A12:A16', 'B12:B13', 'C12:C13', 'D12:D13', 'G12:G13', 'H12:H13', 'I12:I13', 'A17:F17'];

/** Shifts A1 merges down by `rows`. */
export function shiftMerges(merges: string[], rows: number): string[] {
  return merges.map((m) => m.replace(/(\d+)/g, (d) => String(Number(d) + rows)));
}
