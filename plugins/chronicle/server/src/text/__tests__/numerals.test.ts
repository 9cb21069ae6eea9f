import fc from 'fast-check';
import { parseNumber, parseSmallInteger, toHalfWidth, isArabic, hasMultiplier } from '../numerals';

describe('parseNumber', () => {
  test.each<[string, number]>([
    // Arabic
    ['0', 0],
    ['7', 7],
    ['893', 893],
    ['4800', 4800],
    ['1,144', 1144],
    ['1,234,567', 1234567],
    ['201.9', 201.9],
    ['０', 0],
    ['１１４４', 1144],
    ['２０１．９', 201.9],
    // Mixed Arabic and multipliers
    ['10万', 100000],
    ['1.5万', 15000],
    ['2.3万', 23000],
    ['50万', 500000],
    ['3千', 3000],
    ['2亿', 200000000],
    ['2亿3000万', 230000000],
    ['1.2亿', 120000000],
    ['1200.6亿', 120060000000],
    ['0.07万', 700],
    ['０.５万', 5000],
    // Chinese
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['二', 2],
    ['两', 2],
    ['十', 10],
    ['十一', 11],
    ['十五', 15],
    ['二十', 20],
    ['三十一', 31],
    ['六十六', 66],
    ['九十九', 99],
    ['一百', 100],
    ['百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['三百五十', 350],
    ['千', 1000],
    ['一千', 1000],
    ['一千零一', 1001],
    ['两千三百', 2300],
    ['万', 10000],
    ['一万', 10000],
    ['十万', 100000],
    ['五十万', 500000],
    ['一万三千', 13000],
    ['两千三百万', 23000000],
    ['一千二百万', 12000000],
    ['三亿五千万', 350000000],
    ['一亿零五百万', 105000000],
    ['一万亿', 1000000000000],
    // Colloquial abbreviations
    ['两万五', 25000],
    ['三百五', 350],
    ['一千二', 1200],
    ['一亿五', 150000000],
    // Chinese decimals before a large multiplier
    ['一点五万', 15000],
    ['三点二亿', 320000000],
    // Positional (years)
    ['二〇二二', 2022],
    ['一九九八', 1998],
    ['二零零八', 2008],
    // Financial numerals
    ['壹佰', 100],
    ['贰仟叁佰', 2300],
    ['伍拾', 50],
  ])('%s → %d', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  test.each([
    [''],
    ['   '],
    ['abc'],
    ['百千'],
    ['十十'],
    ['3五'],
    ['五六十'],
    ['点'],
    ['一点'],
    ['万亿万亿x'],
    ['1.2.3'],
  ])('%j is not a number', (input) => {
    expect(parseNumber(input)).toBeNull();
  });

  test('non-string input is not a number', () => {
    expect(parseNumber(undefined as unknown as string)).toBeNull();
  });

  test('property: Arabic integers read as themselves', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (n) => {
        expect(parseNumber(String(n))).toBe(n);
      }),
    );
  });

  test('property: n万 is n × 10000 without binary noise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 9 }), (whole, tenth) => {
        const text = tenth === 0 ? `${whole}万` : `${whole}.${tenth}万`;
        expect(parseNumber(text)).toBe(whole * 10000 + tenth * 1000);
      }),
    );
  });

  test('property: Chinese numerals written by rule read back (1 … 99 999)', () => {
    const digits = '零一二三四五六七八九';
    const write = (n: number): string => {
      // A plain writer: no colloquial forms, 零 for gaps, 一十 shortened to 十 at the start.
      const places: Array<[number, string]> = [
        [10000, '万'],
        [1000, '千'],
        [100, '百'],
        [10, '十'],
        [1, ''],
      ];
      let out = '';
      let zero = false;
      let rest = n;
      for (const [p, name] of places) {
        const d = Math.floor(rest / p);
        rest %= p;
        if (d === 0) {
          if (out) zero = true;
          continue;
        }
        if (zero) out += '零';
        zero = false;
        out += digits[d] + name;
      }
      return out.startsWith('一十') ? out.slice(1) : out;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (n) => {
        expect(parseNumber(write(n))).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseSmallInteger', () => {
  test.each<[string, number | null]>([
    ['12', 12],
    ['十二', 12],
    ['廿', null],
    ['1.5', null],
    ['两', 2],
  ])('%s → %s', (input, expected) => {
    expect(parseSmallInteger(input)).toBe(expected);
  });
});

describe('toHalfWidth', () => {
  test.each([
    ['１２３', '123'],
    ['５０％', '50%'],
    ['Ａｂｃ', 'Abc'],
    ['中文，不变', '中文,不变'],
    ['no change', 'no change'],
  ])('%s → %s', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  test('keeps the length, so offsets stay valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(toHalfWidth(s).length).toBe(s.length);
      }),
    );
  });
});

describe('isArabic / hasMultiplier', () => {
  test.each<[string, boolean, boolean]>([
    ['893', true, false],
    ['10万', true, true],
    ['千', false, true],
    ['二〇二二', false, false],
    ['１２', true, false],
  ])('%s → arabic %s, multiplier %s', (input, arabic, multiplier) => {
    expect(isArabic(input)).toBe(arabic);
    expect(hasMultiplier(input)).toBe(multiplier);
  });
});
