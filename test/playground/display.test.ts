/** The playground grid shows numbers as Excel does under their format (the three misreadings first). */
import { displayNumber } from '../../src/playground/display';

test.each([
  ['#,##0,', 1234567, '1,235'],
  ['# ?/?', 1.5, '1 1/2'],
  ['0.00E+00', 12345, '1.23E+04'],
  ['#,##0.00', 20581.5, '20,581.50'],
  ['0.00%', 0.9866, '98.66%'],
  ['0%', 0.835, '84%'],
  ['General', 0.1 + 0.2, '0.3'],
  [undefined, 1234567.891, '1234567.891'],
  ['#,##0.00;[Red]-#,##0.00', -3.5, '-3.50'],
  ['0.00"万元"', 12.3, '12.30万元'],
  ['0%', 0.8325, '83%'],
  ['#,##0.00', 17074.25, '17,074.25'],
  ['0.00', 35, '35.00'],
  ['General', 97.2, '97.2'],
  ['#,##0.00', -1234.5, '-1,234.50'],
] as const)('%s shows %s as %s', (fmt, value, shown) => {
  expect(displayNumber(value, fmt)).toBe(shown);
});

test('a format it cannot read still shows the number', () => {
  expect(displayNumber(2.5, '[[[')).toBe('2.5');
});
