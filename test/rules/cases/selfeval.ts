/**
 * 自评表 rules on small hand-made tables: the national-2020 project table (表1, A–I; 资金 rows 6–9, indicators 14–16,
 * 总分 row 17) and the Shanxi S-W table (表2, A–K; 资金 rows 7–8 with 结余 and 偏差原因, 总分 row 16, 等级 K16).
 * The correct tables hold every rule; each invalid case changes what its name says.
 */
import { SELFEVAL_RULES } from '../../../src/core/selfeval/rules';
import { national, NATIONAL_MERGES, shanxiSW, sheetOf, V, workbookOf } from '../../selfeval/builders';
import { InvalidCase, RuleCase, RuleTests } from '../tester';

type NationalOver = Parameters<typeof national>[0];
type ShanxiOver = Parameters<typeof shanxiSW>[0];

const nat = (over: NationalOver = {}) => () => workbookOf(sheetOf('表1', national(over), NATIONAL_MERGES));
/** Shanxi with plain decimals, so the decimal-comma reading (S-PARSE-03) stays out of the way unless asked for. */
const PLAIN: ShanxiOver = { exec: { v: 27.415, f: '0.000' }, bal: { v: 2.585, f: '0.000' }, budgetReason: '培训延期', k15: '个别学员不满意' };
const sx = (over: ShanxiOver = {}) => () => {
  const { rows, merges } = shanxiSW({ ...PLAIN, ...over });
  return workbookOf(sheetOf('表2', rows, merges));
};

const pct = (v: number): V => ({ v, f: '0.00%' });
const one = (v: number): V => ({ v, f: '0.0' });

const VALID: RuleCase[] = [
  { name: 'a correct national-2020 table', workbook: nat() },
  { name: 'a correct Shanxi S-W table', workbook: sx() },
];

const INVALID: Record<string, InvalidCase[]> = {
  'S-PARSE-02': [{ name: '得分 written as text with 分', workbook: nat({ h15: '30分' }), findings: [{ sheet: '表1', cell: 'H15', severity: 'info', stated: '30分', expected: '30' }] }],
  'S-PARSE-03': [
    {
      name: 'd,ddd amounts in a 万元 table read with the decimal comma the row agrees with',
      workbook: sx({ exec: '27,415', bal: '2,585' }),
      findings: [
        { sheet: '表2', cell: 'F7', severity: 'info', stated: '27,415', expected: '27.415' },
        { sheet: '表2', cell: 'G7', severity: 'info', stated: '2,585', expected: '2.585' },
        { sheet: '表2', cell: 'F8', severity: 'info', stated: '27,415', expected: '27.415' },
        { sheet: '表2', cell: 'G8', severity: 'info', stated: '2,585', expected: '2.585' },
      ],
    },
  ],
  'S-PARSE-04': [{ name: 'an empty 得分 beside its 分值, with a reason', workbook: nat({ h15: null, i15: '未开展' }), findings: [{ sheet: '表1', cell: 'H15', severity: 'info', expected: '0' }] }],
  'S-PARSE-05': [{ name: '执行率 0.9 written as a plain number', workbook: nat({ rate: { v: 0.9, f: '0.00' } }), findings: [{ sheet: '表1', cell: 'G6', severity: 'info', expected: '90%' }] }],
  'S-RATE-01': [
    { name: '执行率 95% for 36 ÷ 40', workbook: nat({ rate: pct(0.95) }), findings: [{ sheet: '表1', cell: 'G6', severity: 'error', stated: '95.00%', expected: '90.00%' }] },
    {
      name: '84% for 49.95 ÷ 60 = 83.25% is a rounding slip at integer precision',
      workbook: nat({ full: 60, exec: 49.95, partFull: 60, partExec: 49.95, rate: { v: 0.84, f: '0%' }, partRate: null, score: one(8.3), total: one(98.3) }),
      findings: [{ sheet: '表1', cell: 'G6', severity: 'rounding', stated: '84%', expected: '83%' }],
    },
  ],
  'S-RATE-02': [
    { name: '全年预算数 0 with 执行数 on both rows', workbook: nat({ full: 0, partFull: 0 }), findings: [{ sheet: '表1', cell: 'D6', severity: 'warning' }, { sheet: '表1', cell: 'D7', severity: 'warning' }] },
    { name: '全年预算数 0 and no 执行数: not computable', workbook: nat({ full: 0, exec: 0, partFull: 0, partExec: 0, rate: null, partRate: null }), findings: [{ sheet: '表1', cell: 'G6', severity: 'info' }] },
  ],
  'S-RATE-03': [{ name: '全年预算数 cut from 50 to the 40 spent', workbook: nat({ init: 50, exec: 40, partExec: 40, rate: pct(1), partRate: pct(1), score: one(10), total: one(100) }), findings: [{ sheet: '表1', cell: 'D6', severity: 'info' }] }],
  'S-SCORE-01': [{ name: '预算执行得分 8 for 10 × 90%', workbook: nat({ score: one(8) }), findings: [{ sheet: '表1', cell: 'H6', severity: 'error', stated: '8.0', expected: '9.0' }] }],
  'S-SCORE-02': [{ name: '预算执行得分 left empty', workbook: nat({ score: null }), findings: [{ sheet: '表1', cell: 'H6', severity: 'warning', expected: '9' }] }],
  'S-BAL-01': [
    { name: '结余 3.585 for 30 − 27.415, on both rows', workbook: sx({ bal: { v: 3.585, f: '0.000' } }), findings: [{ sheet: '表2', cell: 'G7', severity: 'error', stated: '3.585', expected: '2.585' }, { sheet: '表2', cell: 'G8', severity: 'error', stated: '3.585', expected: '2.585' }] },
  ],
  'S-SUB-01': [
    { name: '全年预算数 40 on the total row, 30 on its only fund source', workbook: nat({ partFull: 30, partRate: pct(1.2) }), findings: [{ sheet: '表1', cell: 'D6', severity: 'error', stated: '40', expected: '30.00' }] },
    { name: 'every fund-source row empty under a stated total', workbook: nat({ partFull: null, partExec: null, partRate: null }), findings: [{ sheet: '表1', cell: 'D6', severity: 'warning' }, { sheet: '表1', cell: 'E6', severity: 'warning' }] },
  ],
  'S-ACT-01': [{ name: '全年执行数 empty beside a stated 90%', workbook: nat({ exec: null }), findings: [{ sheet: '表1', cell: 'E6', severity: 'warning', expected: '36.00' }] }],
  'S-IND-01': [{ name: '得分 35 above its 分值 30', workbook: nat({ h15: 35, total: one(104) }), findings: [{ sheet: '表1', cell: 'H15', severity: 'error' }] }],
  'S-IND-02': [{ name: '得分 written as 三十', workbook: nat({ h15: '三十' }), findings: [{ sheet: '表1', cell: 'H15', severity: 'warning', stated: '三十' }] }],
  'S-WGT-01': [
    { name: '产出指标50分 over a 分值 of 40', workbook: nat({ total: one(89) }), set: [['表1', 'G14', 40], ['表1', 'H14', 40]], findings: [{ sheet: '表1', cell: 'B14', severity: 'error', expected: '40' }] },
  ],
  'S-WGT-02': [
    { name: '分值 adding up to 90', workbook: nat({ sumWeight: 90, total: one(89) }), set: [['表1', 'B14', '产出指标40分'], ['表1', 'G14', 40], ['表1', 'H14', 40]], findings: [{ sheet: '表1', cell: 'A17', severity: 'error', stated: '90', expected: '100' }] },
  ],
  'S-WGT-03': [{ name: '分值合计 cell says 90', workbook: nat({ sumWeight: 90 }), findings: [{ sheet: '表1', cell: 'G17', severity: 'error', expected: '100' }] }],
  'S-TOT-01': [{ name: '总分 98 for 50 + 30 + 10 + 9', workbook: nat({ total: one(98) }), findings: [{ sheet: '表1', cell: 'H17', severity: 'error', stated: '98.0', expected: '99.0' }] }],
  'S-TOT-02': [{ name: '总分 left empty', workbook: nat({ total: null }), findings: [{ sheet: '表1', cell: 'H17', severity: 'warning', expected: '99' }] }],
  'S-GRD-01': [
    { name: '等级 良 for 总分 92.14', workbook: sx({ grade: '良' }), findings: [{ sheet: '表2', cell: 'K16', severity: 'error', stated: '良', expected: '优' }] },
    { name: '等级 良 after its label for 总分 99', workbook: nat(), set: [['表1', 'I17', '等级'], ['表1', 'J17', '良'], ['表1', 'K17', '备注']], findings: [{ sheet: '表1', cell: 'J17', severity: 'error', stated: '良', expected: '优' }] },
  ],
  'S-GRD-02': [{ name: '总分 85 and 良, while the table adds up to 92.14 (优)', workbook: sx({ total: 85, grade: '良' }), findings: [{ sheet: '表2', cell: 'K16', severity: 'error', derived: true, expected: '优' }] }],
  'S-GRD-03': [
    // A grade labelled 等级 beside the 总分, left empty, with a 备注 further right that is no grade.
    { name: '等级 left empty after its label', workbook: nat(), set: [['表1', 'I17', '等级'], ['表1', 'K17', '备注']], findings: [{ sheet: '表1', cell: 'J17', severity: 'warning', stated: '', expected: '优' }] },
  ],
  'S-RSN-01': [{ name: '得分 25 of 30 with no reason', workbook: nat({ h15: 25, total: one(94) }), findings: [{ sheet: '表1', cell: 'I15', severity: 'warning' }] }],
  'S-RSN-02': [{ name: '执行率 91.38% with the budget 偏差原因 empty', workbook: sx({ budgetReason: null }), findings: [{ sheet: '表2', cell: 'J7', severity: 'warning' }] }],
  'S-PARSE-01': [
    { name: '预算执行得分 a formula Excel never calculated', workbook: nat(), set: [['表1', 'H6', { value: null, formula: 'F6*G6', formulaWithoutValue: true }]], findings: [{ sheet: '表1', cell: 'H6', severity: 'info' }] },
  ],
  'S-ADV-01': [{ name: '完成值 10% of ≥20%, scored 25 of 30 (proportional: 15)', workbook: nat({ h15: 25, i15: '原因', total: one(94) }), set: [['表1', 'F15', '10%']], findings: [{ sheet: '表1', cell: 'H15', severity: 'info', expected: '15' }] }],
  'S-ADV-02': [{ name: '完成值 20% of ≤10%, scored 25 of 30 (proportional: 15)', workbook: nat({ h15: 25, i15: '原因', total: one(94) }), set: [['表1', 'E15', '≤10%'], ['表1', 'F15', '20%']], findings: [{ sheet: '表1', cell: 'H15', severity: 'info', expected: '15' }] }],
  'S-ADV-03': [{ name: '完成值 10% of ≥20% with full marks', workbook: nat({ i15: '原因' }), set: [['表1', 'F15', '10%']], findings: [{ sheet: '表1', cell: 'H15', severity: 'info', expected: '15' }] }],
  'S-ADV-04': [{ name: '未完成预期指标且效果较差 scored 27 of 30', workbook: nat({ h15: 27, i15: '原因', total: one(96) }), set: [['表1', 'F15', '未完成预期指标且效果较差']], findings: [{ sheet: '表1', cell: 'H15', severity: 'info', expected: '0–18' }] }],
  'S-STR-01': [{ name: 'a table without its 总分 row', workbook: () => workbookOf(sheetOf('表1', national().slice(0, 16), NATIONAL_MERGES.filter((m) => m !== 'A17:F17'))), findings: [{ sheet: '表1', cell: 'A1', severity: 'info' }] }],
  'S-STR-02': [{ name: 'a project table titled as a department one', workbook: nat(), set: [['表1', 'A1', '部门（单位）整体绩效自评表']], findings: [{ sheet: '表1', cell: 'A1', severity: 'info' }] }],
};

export const SELFEVAL_TESTS: RuleTests[] = SELFEVAL_RULES.map((r) => ({ rule: r.id, valid: VALID, invalid: INVALID[r.id] ?? [] }));
