/**
 * One reading of every table for the 综述 checks and drafts (issue 17): NC-10 and the NT-ZS-P draft quote the 自评
 * check's readings (a decimal-comma `27,415` read as 27.415 万元) and compare text and table through one unit
 * conversion (100.00万元 against a 元 table of 1000000.00). Hand-made tables, with the 综述 on a sheet of its own.
 */
import { checkInContext } from '../../src/core/engine';
import { Finding } from '../../src/core/findings';
import { gridFromRows, WorkbookGrid } from '../../src/core/grid';
import { draftSelfEvalSummaries } from '../../src/core/narrative/drafts/zongshu';
import { national, NATIONAL_MERGES, shanxiSW, sheetOf, V } from '../selfeval/builders';

const ZS_SHEET = '自评综述';

function swWorkbook(summary: string | null): WorkbookGrid {
  const { rows, merges } = shanxiSW();
  const sheets = [sheetOf('乡村振兴', rows, merges)];
  if (summary !== null) sheets.push(gridFromRows(ZS_SHEET, [['项目绩效自评综述'], [summary]]));
  return { fileName: 'hand-made.xlsx', sheets };
}

/** A national-2020 table whose 资金 block is in 元: 全年预算数 and 执行数 1,000,000.00. */
function yuanWorkbook(summary: string): WorkbookGrid {
  const rows = national({ init: 1000000, full: { v: 1000000, f: '0.00' }, exec: { v: 1000000, f: '0.00' }, partFull: 1000000, partExec: 1000000, rate: { v: 1, f: '0.00%' }, score: { v: 10, f: '0.0' }, total: { v: 100, f: '0.0' } });
  rows[4] = rows[4].map((v: V) => (v === '项目资金\n（万元）' ? '项目资金\n（元）' : v));
  return { fileName: 'hand-made.xlsx', sheets: [sheetOf('执法装备', rows, NATIONAL_MERGES), gridFromRows(ZS_SHEET, [['项目绩效自评综述'], [summary]])] };
}

const nc10 = (findings: Finding[]) => findings.filter((f) => f.rule === 'NC-10');

describe('decimal comma: the 自评 check reads 27,415 as 27.415 万元, and so do the draft and NC-10', () => {
  test('the draft quotes 27.42万元 and computes 执行率 from the quoted figures: 27.42 ÷ 30.00 = 91.40%', () => {
    const { context } = checkInContext(swWorkbook(null));
    const p = draftSelfEvalSummaries(context, { sections: ['NT-ZS-P'] }).paragraphs.find((x) => x.kind === 'text')!;
    expect(p.text).toContain('项目全年预算数为30.00万元，执行数为27.42万元，执行率为91.40%。');
    expect(p.text).not.toContain('27415');
  });

  test('NC-10 accepts 27.42万元 (27.415 half-up) and flags 27415.00万元 as an error', () => {
    const ok = '“XY乡村振兴培训”项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分92.14分，自评等级为“优”。项目全年预算数为30.00万元，执行数为27.42万元，执行率为91.40%。项目绩效目标完成情况：已完成。';
    const result = checkInContext(swWorkbook(ok)).result;
    expect(result.sheets.find((s) => s.name === ZS_SHEET)?.template).toBe('situation-notes');
    expect(nc10(result.findings)).toEqual([]);
    const wrong = checkInContext(swWorkbook(ok.replace('执行数为27.42万元，执行率为91.40%', '执行数为27415.00万元，执行率为91383.33%'))).result;
    expect(nc10(wrong.findings).map((f) => [f.severity, f.stated, f.expected])).toEqual([['error', '27415.00万元', '27.42万元']]);
  });

  test('the draft itself passes NC-10 when put back beside its table', () => {
    const { context } = checkInContext(swWorkbook(null));
    const draft = draftSelfEvalSummaries(context, { sections: ['NT-ZS-P'] }).paragraphs.find((x) => x.kind === 'text')!;
    const result = checkInContext(swWorkbook(draft.text)).result;
    expect(nc10(result.findings).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('元 table, 万元 text: one conversion, whichever side is in 元', () => {
  const zs = (full: string, exec: string) =>
    `“执法装备购置”项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分100分，自评等级为“优”。项目全年预算数为${full}，执行数为${exec}，执行率为100.00%。项目绩效目标完成情况：已购置。`;

  test('the table is read in 元', () => {
    const result = checkInContext(yuanWorkbook(zs('100.00万元', '100.00万元'))).result;
    expect(result.sheets.find((s) => s.name === '执法装备')).toMatchObject({ template: 'project-selfeval', unit: '元' });
  });

  test('100.00万元 against 1000000.00元 holds; 1000000.00元 holds; 101.00万元 is an error stated in 万元', () => {
    expect(nc10(checkInContext(yuanWorkbook(zs('100.00万元', '100.00万元'))).result.findings)).toEqual([]);
    expect(nc10(checkInContext(yuanWorkbook(zs('1000000.00元', '1,000,000.00元'))).result.findings)).toEqual([]);
    const wrong = nc10(checkInContext(yuanWorkbook(zs('101.00万元', '100.00万元').replace('执行率为100.00%', '执行率为99.01%'))).result.findings);
    expect(wrong.map((f) => [f.severity, f.stated, f.expected])).toEqual([['error', '101.00万元', '100.00万元']]);
    expect(wrong[0].message).toContain('1000000.00元');
  });

  test('the draft quotes the 元 table in 元', () => {
    const { context } = checkInContext(yuanWorkbook(zs('100.00万元', '100.00万元')));
    const p = draftSelfEvalSummaries(context, { sections: ['NT-ZS-P'] }).paragraphs.find((x) => x.kind === 'text')!;
    expect(p.text).toContain('项目全年预算数为1000000.00元，执行数为1000000.00元，执行率为100.00%。');
  });
});
