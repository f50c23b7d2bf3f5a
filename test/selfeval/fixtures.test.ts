/** The two shared fixtures: score thresholds of the issue, cell notes, templates and variants. */
import { checkFixture, readTruth, score } from '../helpers';
import { CheckResult } from '../../src/core/findings';

const THRESHOLDS = [
  '--min-material-recall', '1', '--min-rounding-recall', '1', '--min-warning-recall', '1',
  '--max-misclassified', '0', '--max-false-errors', '0', '--min-template-accuracy', '1',
];

/** Name, template, variant, and how many cell notes its truth file lists (a loop over none would test nothing). */
const FIXTURES = [
  ['changji-2020-selfeval', 'project-selfeval', 'national-2020', 12],
  ['jiaozuo-2021-dept-selfeval', 'department-selfeval', 'henan-2021', 0],
] as const;

describe.each(FIXTURES)('%s', (name, template, variant, noteCount) => {
  let result: CheckResult;
  beforeAll(async () => {
    result = await checkFixture(`${name}.xlsx`);
  });

  test('passes the scorer at the issue thresholds', () => {
    const s = score(`${name}.truth.json`, result, THRESHOLDS);
    expect(s.summary).toBeDefined();
    expect(s.pass).toBe(true);
  });

  test('every sheet gets the template and the variant', () => {
    expect(result.sheets.length).toBeGreaterThan(0);
    for (const s of result.sheets) {
      expect(s.template).toBe(template);
      expect(s.variant).toBe(variant);
    }
  });

  const notes = (readTruth(`${name}.truth.json`).cellNotes ?? []) as Array<{ sheet: string; cell: string; expected: string }>;

  test(`the truth lists ${noteCount} cell notes`, () => {
    expect(notes).toHaveLength(noteCount);
  });

  if (notes.length > 0) {
    test.each(notes.map((n) => [`${n.sheet}!${n.cell}`, n] as const))('cell note %s gets an info finding on that cell', (_at, note) => {
      const f = result.findings.find((x) => x.sheet === note.sheet && x.cell === note.cell && x.severity === 'info');
      expect(f?.message).toContain(note.expected);
    });
  }

  test('every S finding that has a recomputed value carries it as a proposal', () => {
    const discrepancies = result.findings.filter((x) => x.severity === 'error' || x.severity === 'rounding');
    expect(discrepancies.length).toBeGreaterThan(0);
    for (const f of discrepancies) {
      expect(f.proposal).toBeTruthy();
      expect(f.proposal!.value).toBe(f.expected);
    }
  });
});

test('changji: the three rounding cases state text and expected at the shown precision', async () => {
  const result = await checkFixture('changji-2020-selfeval.xlsx');
  const pick = (sheet: string, cell: string) => result.findings.find((f) => f.sheet === sheet && f.cell === cell && f.severity === 'rounding');
  expect(pick('宣传培训', 'H6')).toMatchObject({ rule: 'S-SCORE-01', stated: '9.8分', expected: '9.9' });
  expect(pick('执法宣传片', 'G7')).toMatchObject({ rule: 'S-RATE-01', stated: '87.68%', expected: '87.67%' });
  expect(pick('认证认可标准化', 'H6')).toMatchObject({ rule: 'S-SCORE-01', stated: '5.7分', expected: '5.6' });
  // The same unit-bearing amounts on the 其中 row are read alike.
  const row7 = result.findings.filter((f) => f.sheet === '2020中央食药监补助' && (f.cell === 'D7' || f.cell === 'E7') && f.rule === 'S-PARSE-02');
  expect(row7).toHaveLength(2);
});

test('jiaozuo: 0% for 0.75 of 0.75 is an error; 0% for 0 of 0 is not a finding; 分值 read from the 财政性资金 row', async () => {
  const result = await checkFixture('jiaozuo-2021-dept-selfeval.xlsx');
  expect(result.findings.find((f) => f.sheet === '焦作市局' && f.cell === 'H7')).toMatchObject({ severity: 'error', rule: 'S-RATE-01', stated: '0%', expected: '100%' });
  expect(result.findings.filter((f) => f.sheet === '解放区局' && f.cell === 'H7')).toHaveLength(0);
  expect(result.findings.filter((f) => f.sheet === '解放区局' && f.rule.startsWith('S-WGT'))).toHaveLength(0);
  expect(result.edits).toEqual([expect.objectContaining({ sheet: '焦作市局', cell: 'H7', current: '0%', proposed: '100%', value: 1 })]);
});
