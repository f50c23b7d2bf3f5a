import { readNumber, readNumberText, shownDecimals } from '../../src/core/numbers';

function num(r: ReturnType<typeof readNumber>) {
  if (r.kind !== 'number') throw new Error(`expected a number, got ${r.kind}`);
  return { value: r.value.toString(), decimals: r.decimals, percent: r.percent };
}

describe('number reading', () => {
  test('stored numbers keep their exact decimal value, no float noise', () => {
    expect(num(readNumber({ value: 20581.5, numFmt: '#,##0.00' }))).toEqual({ value: '20581.5', decimals: 2, percent: false });
    expect(num(readNumber({ value: 0.1 + 0.2, numFmt: '0.00' })).value).toBe('0.3');
  });
  test('a stored value with more decimals than shown is read as shown, half-up, and remembered', () => {
    const r = readNumber({ value: 12.345, numFmt: '0.00' });
    expect(r.kind === 'number' && r.value.toString()).toBe('12.35');
    expect(r.kind === 'number' && r.storedValue?.toString()).toBe('12.345');
  });
  test('percent formats read in percent units at the shown precision', () => {
    expect(num(readNumber({ value: 0.9866, numFmt: '0.00%' }))).toEqual({ value: '98.66', decimals: 2, percent: true });
    expect(num(readNumber({ value: 0.8325, numFmt: '0%' }))).toEqual({ value: '83', decimals: 0, percent: true });
  });
  test('General shows the stored decimals', () => {
    expect(shownDecimals('General', 97.2)).toEqual({ decimals: 1, percent: false });
    expect(shownDecimals(undefined, 10)).toEqual({ decimals: 0, percent: false });
  });
  test('text numbers: thousands separators, full-width digits, parentheses, units, padding', () => {
    expect(num(readNumberText('17,074.25'))).toEqual({ value: '17074.25', decimals: 2, percent: false });
    expect(num(readNumberText('１２３．４５'))).toEqual({ value: '123.45', decimals: 2, percent: false });
    expect(num(readNumberText('(1.00)')).value).toBe('-1');
    expect(num(readNumberText('9.8分')).value).toBe('9.8');
    expect(num(readNumberText('10 ')).value).toBe('10');
    expect(num(readNumberText('98.66%'))).toEqual({ value: '98.66', decimals: 2, percent: true });
    expect(num(readNumberText('1,234，567.8')).value).toBe('1234567.8');
  });
  test('dashes and blanks are empty; words and error values are unreadable, never 0', () => {
    for (const dash of ['—', '——', '────', '-', '－', '─']) expect(readNumberText(dash)).toEqual({ kind: 'empty', dash: true });
    expect(readNumber(undefined).kind).toBe('empty');
    expect(readNumberText('未填报').kind).toBe('unreadable');
    expect(readNumber({ value: null, error: '#REF!' }).kind).toBe('unreadable');
    expect(readNumber({ value: null, formula: 'SUM(C8:C9)', formulaWithoutValue: true }).kind).toBe('unknown');
  });
});
