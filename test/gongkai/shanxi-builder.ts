/**
 * Hand-built 公开表 in the two Shanxi layouts of gongkai-layouts.md (S24: 万元, 公开01–10, 三公 as 09; S22: 元,
 * 16-column 明细表, 行次 formatted 0.00, dashes, doubled bold text). The numbers form a small department whose
 * every identity holds exactly, so a test can break one cell and expect exactly one rule to fire.
 */
import { parseA1 } from '../../src/core/address';
import { Cell, CellRange, makeSheetGrid, SheetGrid, WorkbookGrid } from '../../src/core/grid';

export type Variant = 's24' | 's22';

type Raw = string | number | null | undefined;

interface SheetSpec {
  name: string;
  rows: Raw[][];
  merges?: string[];
  /** Numbers in these columns (0-based) are 行次/栏次 (formatted 0.00 in S22). */
  lineCols?: number[];
}

function range(ref: string): CellRange {
  const [a, b] = ref.split(':');
  const p = parseA1(a)!;
  const q = parseA1(b ?? a)!;
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

function build(spec: SheetSpec, variant: Variant): SheetGrid {
  const cells: (Cell | undefined)[][] = spec.rows.map((row) =>
    row.map((v, c) => {
      if (v === null || v === undefined) return undefined;
      if (typeof v === 'number') {
        const isLine = spec.lineCols?.includes(c);
        return { value: v, numFmt: isLine ? (variant === 's22' ? '0.00' : 'General') : '0.00' };
      }
      return { value: v };
    }),
  );
  const merges = (spec.merges ?? []).map(range);
  // exceljs repeats a merge's value in every cell; do the same so the host-side blanking is exercised.
  for (const m of merges) {
    const anchor = cells[m.top]?.[m.left];
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (anchor) (cells[r] ??= [])[c] = { ...anchor };
  }
  return makeSheetGrid({ name: spec.name, cells, merges });
}

/** Amounts in 万元; S22 writes them in 元. */
function money(variant: Variant) {
  return (wan: number | null): number | null => (wan === null ? null : variant === 's22' ? Math.round(wan * 10000 * 100) / 100 : wan);
}

const CLASSES = [
  '一般公共服务支出', '外交支出', '国防支出', '公共安全支出', '教育支出', '科学技术支出', '文化旅游体育与传媒支出', '社会保障和就业支出',
  '卫生健康支出', '节能环保支出', '城乡社区支出', '农林水支出', '交通运输支出', '资源勘探工业信息等支出', '商业服务业等支出', '金融支出',
  '援助其他地区支出', '自然资源海洋气象等支出', '住房保障支出', '粮油物资储备支出', '国有资本经营预算支出', '灾害防治及应急管理支出', '其他支出',
  '债务还本支出', '债务付息支出', '抗疫特别国债安排的支出',
];
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六'];

/** The department: EXP (total, basic, project) and the 一般公共预算 part (GB) per code. */
const EXP: [string, string, number, number][] = [
  ['201', '一般公共服务支出', 700.0, 30.5],
  ['20138', '市场监督管理事务', 700.0, 30.5],
  ['2013801', '行政运行', 500.0, 0],
  ['2013850', '事业运行', 200.0, 30.5],
  ['208', '社会保障和就业支出', 80.25, 0],
  ['20805', '行政事业单位养老支出', 80.25, 0],
  ['2080505', '机关事业单位基本养老保险缴费支出', 80.25, 0],
  ['210', '卫生健康支出', 40.1, 0],
  ['21011', '行政事业单位医疗', 40.1, 0],
  ['2101101', '行政单位医疗', 40.1, 0],
];
/** GB project spending differs from EXP only in 2013850 (10.00 of its project money is 其他收入). */
const GB_PROJECT: Record<string, number> = { '201': 20.5, '20138': 20.5, '2013850': 20.5 };
const CLASS_LINE: Record<string, number> = { '201': 0, '208': 7, '210': 8 };

const r2 = (x: number) => Math.round(x * 100) / 100;

export function shanxiWorkbook(variant: Variant): WorkbookGrid {
  const m = money(variant);
  const unitLine = variant === 's22' ? '金额单位：元' : '金额单位：万元';
  const dept = '部门名称：某某市市场监督管理局';
  const year = variant === 's22' ? '2022年度' : '2024年度';
  const sheets: SheetSpec[] = [];
  const name = (n: number, title: string) => (variant === 's24' ? `公开${String(n).padStart(2, '0')}表` : title);
  const marker = (n: number) => `公开${String(n).padStart(2, '0')}表`;
  const amountHead = variant === 's22' ? '决算数' : '金额';

  // 01 收入支出决算总表
  {
    const rows: Raw[][] = [
      ['收入支出决算总表'], [null, null, null, null, null, marker(1)], [dept], [year], [unitLine],
      ['收入', null, null, '支出'], ['项目', '行次', amountHead, '项目', '行次', amountHead], ['栏次', null, 1, '栏次', null, 2],
    ];
    const left: Record<number, [string, number | null]> = {
      1: ['一、一般公共预算财政拨款收入', 840.85], 2: ['二、政府性基金预算财政拨款收入', null], 3: ['三、国有资本经营预算财政拨款收入', null],
      4: ['四、上级补助收入', null], 5: ['五、事业收入', null], 6: ['六、经营收入', null], 7: ['七、附属单位上缴收入', null], 8: ['八、其他收入', 10.0],
    };
    for (let i = 0; i < 26; i++) {
      const l = left[i + 1];
      const cls = Object.entries(CLASS_LINE).find(([, idx]) => idx === i)?.[0];
      const spend = cls ? r2(EXP.find((e) => e[0] === cls)![2] + EXP.find((e) => e[0] === cls)![3]) : null;
      rows.push([l?.[0] ?? null, i + 1, m(l?.[1] ?? null), `${ORDINALS[i]}、${CLASSES[i]}`, 32 + i, m(spend)]);
    }
    rows.push(['本年收入合计', 27, m(850.85), '本年支出合计', 58, m(850.85)]);
    rows.push([variant === 's24' ? '使用非财政拨款结余(含专用结余)' : '使用非财政拨款结余', 28, null, '结余分配', 59, null]);
    rows.push(['年初结转和结余', 29, m(5.0), '年末结转和结余', 60, m(5.0)]);
    rows.push([null, 30, null, null, 61, null]);
    rows.push(['总计', 31, m(855.85), '总计', 62, m(855.85)]);
    rows.push(['注：本表反映部门本年度的总收支和年末结转结余情况。本套报表金额单位转换时可能存在尾数误差。']);
    sheets.push({ name: name(1, '收入支出决算总表'), rows, merges: ['A1:F1', 'A6:C6', 'D6:F6', `A${rows.length}:F${rows.length}`], lineCols: [1, 4] });
  }

  // 02 收入决算表 (S24: 科目代码, 1–7 printed twice, 栏次/合计 in B)
  {
    const heads = ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];
    const rows: Raw[][] = [['收入决算表'], [null, null, null, null, null, null, null, null, marker(2)], [unitLine], [dept], [year]];
    rows.push(['项目', null, ...heads]);
    rows.push([variant === 's24' ? '科目代码' : '功能分类科目编码', '科目名称', ...(variant === 's24' ? [1, 2, 3, 4, 5, 6, 7] : [])]);
    rows.push(variant === 's24' ? [null, '栏次', 1, 2, 3, 4, 5, 6, 7] : ['栏次', null, 1, 2, 3, 4, 5, 6, 7]);
    rows.push(variant === 's24' ? [null, '合计', m(850.85), m(840.85), null, null, null, null, m(10.0)] : ['合计', null, m(850.85), m(840.85), null, null, null, null, m(10.0)]);
    for (const [code, nm, basic, project] of EXP) {
      const total = r2(basic + project);
      const fiscal = r2(basic + (GB_PROJECT[code] ?? project));
      const other = r2(total - fiscal);
      rows.push([variant === 's22' ? Number(code) : code, nm, m(total), m(fiscal), null, null, null, null, m(other || null)]);
    }
    rows.push(['注：本表反映部门本年度取得的各项收入情况。']);
    const merges = ['A1:I1', 'A6:B6', `A${rows.length}:I${rows.length}`];
    if (variant === 's22') merges.push('A8:B8', 'A9:B9');
    sheets.push({ name: name(2, '收入决算表'), rows, merges, lineCols: variant === 's24' ? [] : [] });
  }

  // 03 支出决算表
  {
    const rows: Raw[][] = [['支出决算表'], [null, null, null, null, null, null, null, marker(3)], [dept], [year], [unitLine]];
    rows.push(['项目', null, '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']);
    rows.push([variant === 's24' ? '科目代码' : '功能分类科目编码', '科目名称']);
    rows.push(['栏次', null, 1, 2, 3, 4, 5, 6]);
    rows.push(['合计', null, m(850.85), m(820.35), m(30.5)]);
    for (const [code, nm, basic, project] of EXP) rows.push([code, nm, m(r2(basic + project)), m(basic || null), m(project || null)]);
    rows.push(['注：本表反映部门本年度各项支出情况。']);
    sheets.push({ name: name(3, '支出决算表'), rows, merges: ['A1:H1', 'A6:B6', 'A8:B8', 'A9:B9', `A${rows.length}:H${rows.length}`] });
  }

  // 04 财政拨款收入支出决算总表
  {
    const rows: Raw[][] = [['财政拨款收入支出决算总表'], [null, null, null, null, null, null, null, null, marker(4)], [`${dept}    ${year}`], [unitLine]];
    rows.push(['收入', null, null, '支出']);
    rows.push(['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款']);
    rows.push(['栏次', null, 1, '栏次', null, 2, 3, 4, 5]);
    const left: Record<number, [string, number | null]> = {
      1: ['一、一般公共预算财政拨款', 840.85], 2: ['二、政府性基金预算财政拨款', null],
      3: [variant === 's22' ? '三、国有资本经营财政拨款' : '三、国有资本经营预算财政拨款', null],
    };
    for (let i = 0; i < 26; i++) {
      const l = left[i + 1];
      const cls = Object.entries(CLASS_LINE).find(([, idx]) => idx === i)?.[0];
      const gb = cls ? r2(EXP.find((e) => e[0] === cls)![2] + (GB_PROJECT[cls] ?? EXP.find((e) => e[0] === cls)![3])) : null;
      rows.push([l?.[0] ?? null, i + 1, m(l?.[1] ?? null), `${ORDINALS[i]}、${CLASSES[i]}`, 33 + i, m(gb), m(gb), null, null]);
    }
    rows.push(['本年收入合计', 27, m(840.85), '本年支出合计', 59, m(840.85), m(840.85), null, null]);
    rows.push(['年初财政拨款结转和结余', 28, m(2.0), '年末财政拨款结转和结余', 60, m(2.0), m(2.0), null, null]);
    rows.push(['一般公共预算财政拨款', 29, m(2.0), null, 61]);
    rows.push(['政府性基金预算财政拨款', 30, null, null, 62]);
    rows.push(['国有资本经营预算财政拨款', 31, null, null, 63]);
    rows.push([variant === 's22' ? '收入总计' : '总计', 32, m(842.85), '总计', 64, m(842.85), m(842.85), null, null]);
    rows.push(['注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。']);
    sheets.push({ name: name(4, '财政拨款收入支出决算总表'), rows, merges: ['A1:I1', 'A5:C5', 'D5:I5', `A${rows.length}:I${rows.length}`], lineCols: [1, 4] });
  }

  // 05 一般公共预算财政拨款支出决算表
  {
    const rows: Raw[][] = [['一般公共预算财政拨款支出决算表'], [null, null, null, null, marker(5)], [dept], [year], [unitLine]];
    rows.push(['项目', null, '本年支出']);
    rows.push([variant === 's24' ? '科目代码' : '功能分类科目编码', '科目名称', '小计', '基本支出', '项目支出']);
    rows.push(['栏次', null, 1, 2, 3]);
    rows.push(variant === 's24' ? [null, '合计', m(840.85), m(820.35), m(20.5)] : ['合计', null, m(840.85), m(820.35), m(20.5)]);
    for (const [code, nm, basic, project] of EXP) {
      const p = GB_PROJECT[code] ?? project;
      rows.push([code, nm, m(r2(basic + p)), m(basic || null), m(p || null)]);
    }
    rows.push(['注：本表反映部门本年度一般公共预算财政拨款支出情况。']);
    sheets.push({ name: name(5, '一般公共预算财政拨款支出决算表'), rows, merges: ['A1:E1', 'A6:B6', 'C6:E6', 'A8:B8', `A${rows.length}:E${rows.length}`], lineCols: variant === 's22' ? [2, 3, 4] : [] });
  }

  // 06 基本支出 明细表: S24 12 columns (4 blocks of 科目代码/科目名称/决算数), S22 16 columns (金额 + 其中：基本支出)
  {
    const s22 = variant === 's22';
    const per = s22 ? 4 : 3;
    const personnel: [string, string, number, number][] = [
      ['301', '工资福利支出', 600.0, 600.0], ['30101', '基本工资', 400.0, 400.0], ['30102', '津贴补贴', 200.0, 200.0],
      ['303', '对个人和家庭的补助', 50.35, 50.35], ['30302', '退休费', 50.35, 50.35],
    ];
    const publicA: [string, string, number | null, number | string | null][] = [
      ['302', '商品和服务支出', 150.5, 130.0], ['30201', '办公费', 120.5, 100.0], ['30211', '差旅费', 20.0, 20.0], ['30231', '公务用车运行维护费', 10.0, 10.0],
    ];
    const publicB: [string, string, number | null, number | string | null][] = [
      ['309', '资本性支出（基本建设）', null, s22 ? '────' : '——'], ['30905', '基础设施建设', null, s22 ? '────' : '——'],
      ['310', '资本性支出', 40.0, 40.0], ['31002', '办公设备购置', 40.0, 40.0],
    ];
    const title = s22 ? '一般公共预算财政拨款支出决算明细表' : '一般公共预算财政拨款基本支出决算明细表';
    const width = per * 4;
    const rows: Raw[][] = [[title], [...Array(width - 1).fill(null), marker(6)], [dept], [year], [unitLine]];
    const h1: Raw[] = Array(width).fill(null);
    h1[0] = '人员经费';
    h1[per] = '公用经费';
    rows.push(h1);
    const head = s22 ? [variant === 's22' ? '科目编码' : '科目代码', '科目名称', '金额', '其中：基本支出'] : ['科目代码', '科目名称', '决算数'];
    rows.push([...head, ...head, ...head, ...head]);
    const blocks = [personnel, publicA, publicB, []] as [string, string, number | null, number | string | null][][];
    const height = Math.max(...blocks.map((b) => b.length));
    for (let i = 0; i < height; i++) {
      const row: Raw[] = Array(width).fill(null);
      blocks.forEach((b, k) => {
        const item = b[i];
        if (!item) return;
        const [code, nm, total, basic] = item;
        row[k * per] = code;
        row[k * per + 1] = nm;
        if (s22) {
          row[k * per + 2] = typeof total === 'number' ? m(total) : total;
          row[k * per + 3] = typeof basic === 'number' ? m(basic) : basic;
        } else {
          row[k * per + 2] = typeof basic === 'number' ? m(basic) : basic;
        }
      });
      rows.push(row);
    }
    const totalRow: Raw[] = Array(width).fill(null);
    totalRow[0] = '人员经费合计';
    if (s22) {
      totalRow[2] = m(650.35);
      totalRow[3] = m(650.35);
      totalRow[4] = '公用经费合计';
      totalRow[14] = m(190.5);
      totalRow[15] = m(170.0);
    } else {
      totalRow[2] = m(650.35);
      totalRow[3] = '公用经费合计';
      totalRow[10] = m(170.0);
    }
    rows.push(totalRow);
    const tr = rows.length;
    rows.push([s22 ? '注：本表反映部门本年度一般公共预算财政拨款支出明细情况（其中包括基本支出明细情况）。' : '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。']);
    const merges = [`A1:${s22 ? 'P' : 'L'}1`, `A6:${s22 ? 'D' : 'C'}6`, `${s22 ? 'E' : 'D'}6:${s22 ? 'P' : 'L'}6`, `A${tr}:B${tr}`,
      s22 ? `E${tr}:N${tr}` : `D${tr}:J${tr}`, ...(s22 ? [] : [`K${tr}:L${tr}`]), `A${rows.length}:${s22 ? 'P' : 'L'}${rows.length}`];
    sheets.push({ name: name(6, title), rows, merges });
  }

  // 三公: S24 公开09, S22 公开07 (Shanxi heads with 运行维护费; S24 stray spaces; S22 drops the quotes in its name)
  {
    const n = variant === 's24' ? 9 : 7;
    const sp = variant === 's24' ? ' ' : '';
    const rows: Raw[][] = [['财政拨款“三公”经费支出决算表'], [...Array(11).fill(null), marker(n)], [dept], [year], [unitLine]];
    rows.push(['预算数', null, null, null, null, null, '决算数']);
    const h2 = ['合计', `因公出国${sp}(境)${sp}费`, '公务用车购置及运行维护费', null, null, `公务接待${sp}费`];
    rows.push([...h2, ...h2]);
    const h3 = [null, null, '小计', `公务用车${sp}购置费`, `公务用车${sp}运行维护费`, null];
    rows.push([...h3, ...h3]);
    rows.push([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    rows.push([m(20.0), null, m(15.0), null, m(15.0), m(5.0), m(15.0), null, m(12.0), null, m(12.0), m(3.0)]);
    rows.push(['注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数。']);
    sheets.push({
      name: variant === 's24' ? name(n, '') : '财政拨款三公经费支出决算表', rows,
      merges: ['A1:L1', 'A6:F6', 'G6:L6', 'C7:E7', 'I7:K7', 'A7:A8', 'B7:B8', 'F7:F8', 'G7:G8', 'H7:H8', 'L7:L8', `A${rows.length}:L${rows.length}`],
    });
  }

  // 政府性基金: S24 公开07, S22 公开08 (blank, S22 adds an empty bordered row)
  {
    const n = variant === 's24' ? 7 : 8;
    const rows: Raw[][] = [['政府性基金预算财政拨款收入支出决算表'], [...Array(7).fill(null), marker(n)], [dept], [year], [variant === 's22' ? '单位:元' : '单位:万元']];
    rows.push(['项目', null, '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余']);
    rows.push([variant === 's24' ? '科目代码' : '功能分类科目编码', '科目名称', null, null, '小计', '基本支出', '项目支出']);
    rows.push(['栏次', null, 1, 2, 3, 4, 5, 6]);
    rows.push(['合计']);
    if (variant === 's22') rows.push([]);
    rows.push(['注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。']);
    rows.push(['说明：本表无数据']);
    sheets.push({ name: variant === 's24' ? name(n, '') : '政府性基金预算财政拨款收入支出决算表', rows, merges: ['A1:H1', 'A6:B6', 'E6:G6', 'C6:C7', 'D6:D7', 'H6:H7', 'A8:B8', 'A9:B9'] });
  }

  // 国有资本经营 (5 columns): S24 公开08, S22 公开09
  {
    const n = variant === 's24' ? 8 : 9;
    const rows: Raw[][] = [['国有资本经营预算财政拨款支出决算表'], [null, null, null, null, marker(n)], [`${dept}  ${year}`], [unitLine]];
    rows.push(['项目', null, '本年支出']);
    rows.push([variant === 's24' ? '科目代码' : '功能分类科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    rows.push(['栏次', null, 1, 2, 3]);
    rows.push(['合计']);
    rows.push(['注：本表反映部门本年度国有资本经营预算财政拨款支出情况。']);
    sheets.push({ name: variant === 's24' ? name(n, '') : '国有资本经营预算财政拨款支出决算表', rows, merges: ['A1:E1', 'A5:B5', 'C5:E5', 'A7:B7', 'A8:B8'] });
  }

  // 10 部门决算公开相关信息统计表 (行次 16 absent)
  {
    const paren = (s: string) => (variant === 's24' ? s.replace(/（/g, '(').replace(/）/g, ')') : s);
    const dot = variant === 's24' ? '. ' : '.';
    const rows: Raw[][] = [['部门决算公开相关信息统计表'], [null, null, marker(10)], ['单位名称：某某市市场监督管理局'], [year], [unitLine]];
    rows.push(['一、政府采购情况']);
    rows.push(['项目', '行次', variant === 's22' ? '采购金额' : '统计数']);
    rows.push(['合计', 1, m(30.0)], ['货物', 2, m(10.0)], ['工程', 3, null], ['服务', 4, m(20.0)]);
    rows.push(['二、机关运行经费'], ['项目', null, '统计数']);
    rows.push([paren('（一）行政单位'), 5, m(100.0)], [paren('（二）参照公务员法管理事业单位'), 6, null]);
    rows.push(['三、国有资产占用情况']);
    rows.push([paren('（一）车辆数合计(辆)'), 7, 3]);
    const kinds = ['副部(省)级及以上领导用车', variant === 's22' ? '主要领导干部用车' : '主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', variant === 's22' ? '离退休干部用车' : '离退休干部服务用车', '其他用车'];
    const counts = [null, null, null, null, 2, null, null, 1];
    kinds.forEach((k, i) => rows.push([`${i + 1}${dot}${k}`, 8 + i, counts[i]]));
    rows.push([paren('（二）单价100万元（含）以上设备（不含车辆）'), 17, null]);
    rows.push([variant === 's22' ? '注：本表反映部门本年度政府采购及机关运行经费和国有资产占用情况。' : '注：本表反映部门本年度政府采购、机关运行经费和国有资产占用情况。']);
    sheets.push({ name: name(10, '部门决算公开相关信息统计表'), rows, merges: ['A1:C1', 'A6:C6', 'A12:C12', 'A16:C16'], lineCols: [1] });
  }

  return { fileName: `shanxi-${variant}.xlsx`, sheets: sheets.map((s) => build(s, variant)) };
}

/** Sets one cell (A1 address) of a sheet to a number, keeping its format. */
export function setNumber(wb: WorkbookGrid, sheetName: string, address: string, value: number | null): void {
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const p = parseA1(address)!;
  const row = (sheet.cells[p.row] ??= []);
  row[p.col] = value === null ? undefined : { value, numFmt: row[p.col]?.numFmt ?? '0.00' };
}
