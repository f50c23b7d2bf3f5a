/** 绩效自评综述 drafts NT-ZS-P / NT-ZS-D / NT-ZS-R on the shared fixtures, with the spec's expected texts (narratives.md §2). */
import { recognizeSheet, WorkbookContext } from '../../src/core/engine';
import { draftSelfEvalSummaries, gradeOf, joinItems, scoreText } from '../../src/core/narrative/drafts/zongshu';
import { Decimal } from '../../src/core/numbers';
import { isRecognition } from '../../src/core/recognition';
import { sharedFixture } from '../helpers';

async function load(name: string): Promise<WorkbookContext> {
  const workbook = await sharedFixture(name);
  return { workbook, recognitions: workbook.sheets.map((s) => recognizeSheet(s)).filter(isRecognition) };
}

/** The spec abbreviates long quoted texts with `…`: every piece between them must appear, in order. */
function expectPieces(text: string, expected: string) {
  let at = 0;
  for (const piece of expected.split('…')) {
    const i = text.indexOf(piece, at);
    expect({ piece, found: i >= 0 }).toEqual({ piece, found: true });
    at = i + piece.length;
  }
  expect(text.endsWith(expected.split('…').pop()!)).toBe(true);
}

describe('NT-ZS-P and NT-ZS-R on Changji 2020', () => {
  let context: WorkbookContext;
  beforeAll(async () => (context = await load('changji-2020-selfeval.xlsx')));

  test('宣传培训: the spec text', () => {
    const d = draftSelfEvalSummaries(context, { sections: ['NT-ZS-P'] });
    expect(d.paragraphs.filter((p) => p.kind === 'text')).toHaveLength(23);
    const p = d.paragraphs.find((x) => x.sheet === '宣传培训')!;
    expectPieces(
      p.text,
      '“宣传培训工作经费”项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分97.2分，自评等级为“优”。项目全年预算数为35.00万元，执行数为34.53万元，执行率为98.66%。项目绩效目标完成情况：截止12月31日，聘请法律顾问人数1人；编印法律法规宣传资料1000份；…。发现的主要问题及原因：一是厉行节约，压缩支出成本。加强对预算项目的精准分析；二是社会公众对我局业务知晓的比率还需进一步提高；…。下一步改进措施：【请填写：下一步改进措施】。',
    );
    expect(p.text).toContain('三是社会公众通过媒介了解相关政策并运用到生活中的影响力还需持续推动。加强宣传力度。下一步改进措施');
    expect(d.unfilled).toContain('下一步改进措施');
  });

  test('a user answer keyed by project replaces the placeholder', () => {
    const d = draftSelfEvalSummaries(context, { sections: ['NT-ZS-P'], inputs: { '措施.宣传培训工作经费': '加强预算精准分析。' } });
    expect(d.paragraphs.find((x) => x.sheet === '宣传培训')!.text).toMatch(/下一步改进措施：加强预算精准分析。$/);
  });

  test('NT-ZS-R: 执行得分 + 指标得分 = 总分, grade by S-GRD-00', () => {
    const d = draftSelfEvalSummaries(context, { sections: ['NT-ZS-R'] });
    const p = d.paragraphs.find((x) => x.sheet === '宣传培训')!;
    expect(p.text).toBe(
      '综合考虑预算执行情况得分9.8分，产出、效益、服务对象满意度各方面因素，指标完成情况得分87.4分，最终评分结果：宣传培训工作经费项目绩效自评价结果为：总得分97.2分，属于“优”。',
    );
  });

  test('every paragraph ends in 。 and has no NaN or undefined', () => {
    const d = draftSelfEvalSummaries(context);
    for (const p of d.paragraphs.filter((x) => x.kind === 'text')) {
      expect(p.text.endsWith('。')).toBe(true);
      expect(p.text).not.toMatch(/undefined|NaN|null/);
    }
  });
});

describe('NT-ZS-D on Jiaozuo 2021', () => {
  test('焦作市局: the spec text', async () => {
    const context = await load('jiaozuo-2021-dept-selfeval.xlsx');
    const d = draftSelfEvalSummaries(context);
    expect(d.paragraphs.filter((p) => p.section === 'NT-ZS-P')).toEqual([]);
    const texts = d.paragraphs.filter((p) => p.kind === 'text');
    expect(texts).toHaveLength(6);
    expectPieces(
      texts.find((x) => x.sheet === '焦作市局')!.text,
      '焦作市市场监督管理局部门（单位）整体支出绩效自评综述：根据年初设定的绩效目标，焦作市市场监督管理局部门（单位）整体绩效自评得分为98分。部门（单位）全年预算数为5025.71万元，执行数为5025.71万元，执行率为100.00%。年度绩效目标完成情况：一是及时做好各项人员经费支出管理工作，…。发现的主要问题及原因：【请填写：问题及原因】。下一步改进措施：【请填写：改进措施】。涉密内容除外。',
    );
  });
});

test('helpers: score text, grade boundaries, joined items', () => {
  expect(scoreText(new Decimal('98.0'), 1)).toBe('98');
  expect(scoreText(new Decimal('97.86'), 2)).toBe('97.86');
  expect([90, 89.99, 80, 60, 59.9].map((x) => gradeOf(new Decimal(x)))).toEqual(['优', '良', '良', '中', '差']);
  expect(joinItems(['甲。', '乙。', '甲。'])).toBe('一是甲；二是乙');
  expect(joinItems(['只有一条。'])).toBe('只有一条');
});
