/** The value a finding's proposal writes (the pane's 应用 and juesuan fix): text is written as text, so a figure must arrive as a number. */
import { CheckResult, Finding } from '../../src/core/findings';
import { editFor } from '../../src/core/edits';

const result = { file: 'x.xlsx', sheets: [], findings: [], edits: [] } as CheckResult;
const withProposal = (value: string): Finding =>
  ({ sheet: '自评表', cell: 'H7', rule: 'S-RATE-01', severity: 'error', message: '', stated: '1', expected: value, proposal: { sheet: '自评表', cell: 'H7', value } }) as Finding;

test.each([
  ['1,234.50', { value: 1234.5 }],
  ['-3', { value: -3 }],
  ['85.50%', { value: 0.855, numFmt: '0.00%' }],
  ['100%', { value: 1, numFmt: '0%' }],
  ['优', { value: '优' }],
])('a proposal of %s is written as %p', (text, expected) => {
  const e = editFor(withProposal(text), result)!;
  expect({ value: e.value, numFmt: e.numFmt }).toEqual({ numFmt: undefined, ...expected });
});
