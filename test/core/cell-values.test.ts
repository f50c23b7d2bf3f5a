/**
 * CellValues keeps plain stored numbers as integer hundredths instead of Reading objects. Whatever the shortcut,
 * each cell must read exactly as readNumber reads it — save that a percentage format on an amount is a wrong
 * format, not a rate — the same value, the same cents, the same reading.
 */
import fc from 'fast-check';
import { Cell, makeSheetGrid } from '../../src/core/grid';
import { CellValues } from '../../src/core/gongkai/identity';
import { GTable } from '../../src/core/gongkai/model';
import { CENTS_LIMIT, readNumber, Reading, ZERO } from '../../src/core/numbers';

const NUMFMTS = [undefined, 'General', '0', '0.0', '0.00', '#,##0.00', '0.000', '0.0%', '0.00%', '@', '#,##0;[Red]-#,##0', '0.00_);(0.00)'];

const cents = fc.integer({ min: -1e15, max: 1e15 }).map((c) => c / 100);
const number = fc.oneof(
  cents,
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e14, max: 1e14, noNaN: true }),
  fc.constantFrom(0, -0, 0.1 + 0.2, 1e13, 99999999999.99, 1e21, 5e-7, 0.005, 1.005, -0.01, Infinity),
);
const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.record({ value: number, numFmt: fc.constantFrom(...NUMFMTS) }),
  fc.constantFrom<Cell | undefined>(undefined, { value: null }, { value: '' }, { value: '—' }, { value: '1,234.50' }, { value: null, error: '#REF!' }, { value: null, formula: 'A1', formulaWithoutValue: true }, { value: true }),
);

/** What the 公开表 checks expect: a stored number under a percentage format is the stored amount (R-FORMAT). */
function asAmount(r: Reading): Reading {
  if (r.kind !== 'number' || !r.percent || r.fromText) return r;
  const value = r.value.div(100);
  return { ...r, value, decimals: r.decimals + 2, storedValue: undefined, cents: value.decimalPlaces() <= 2 && value.abs().lt(CENTS_LIMIT) ? value.times(100).toNumber() : undefined };
}

function oneCell(c: Cell | undefined) {
  const sheet = makeSheetGrid({ name: 'S', cells: [[c]] });
  const place = { table: { sheet } as GTable, pos: { row: 0, col: 0 } };
  return { sheet, place };
}

test('every cell reads through CellValues exactly as through readNumber', () => {
  fc.assert(
    fc.property(cell, (c) => {
      const { sheet, place } = oneCell(c);
      const expected = asAmount(readNumber(c));
      const values = new CellValues();
      const value = values.value(place);
      const want = expected.kind === 'number' ? expected.value : expected.kind === 'empty' ? ZERO : null;
      expect(value === null ? null : value.toString()).toBe(want === null ? null : want.toString());
      const wantCents = expected.kind === 'number' ? expected.cents : expected.kind === 'empty' ? 0 : undefined;
      expect(values.cents(place)).toEqual(wantCents);
      const read = values.read(sheet, place.pos);
      expect(read.kind).toBe(expected.kind);
      if (read.kind === 'number' && expected.kind === 'number') {
        expect(read.value.toString()).toBe(expected.value.toString());
        expect(read.decimals).toBe(expected.decimals);
        expect(read.percent).toBe(expected.percent);
        expect(read.storedValue?.toString()).toBe(expected.storedValue?.toString());
      }
      const plain = values.of(sheet).plainKind(0, 0);
      if (plain === 'number') expect(expected.kind === 'number' && !expected.fromText && !expected.storedValue && !expected.percent).toBe(true);
      if (plain === 'blank') expect(expected.kind).toBe('empty');
    }),
    { numRuns: 5000 },
  );
});

test('a cent stored as 0.1 + 0.2 is not taken as 0.30 under a two-decimal format', () => {
  const { place } = oneCell({ value: 0.1 + 0.2, numFmt: '0.00' });
  const values = new CellValues();
  expect(values.value(place)!.toString()).toBe('0.3');
  expect(values.read(place.table.sheet, place.pos)).toMatchObject({ kind: 'number', storedValue: expect.anything() });
});

test('General shows at most 10 significant digits: the decimals counted on the string are decimal.js\'s', () => {
  const { shownDecimals, Decimal } = require('../../src/core/numbers');
  fc.assert(
    fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), cents, fc.integer()), (v: number) => {
      const want = Math.max(0, new Decimal(v.toPrecision(10)).decimalPlaces());
      expect(shownDecimals('General', v).decimals).toBe(want);
    }),
    { numRuns: 5000 },
  );
});
