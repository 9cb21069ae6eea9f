/**
 * Reading numbers as Chinese reporting writes them: Arabic digits (half- or full-width,
 * with thousands commas and decimals), Chinese numerals (两千三百万, 一百零五, 二〇二二),
 * financial numerals (壹贰叁) and the mixed form newsrooms prefer for large figures
 * (1.5万, 2亿3000万). Shared by the quantity and date parsers. Pure module.
 */

export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  貳: 2,
  叁: 3,
  參: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  陸: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};

/** Multipliers inside a four-digit section (十百千) and between sections (万亿). */
export const SMALL_MULTIPLIERS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
export const LARGE_MULTIPLIERS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

const DIGIT_CHARS = Object.keys(CHINESE_DIGITS).join('');
const SMALL_CHARS = Object.keys(SMALL_MULTIPLIERS).join('');
const LARGE_CHARS = Object.keys(LARGE_MULTIPLIERS).join('');

/** Character classes, for composing larger patterns elsewhere. */
export const CHINESE_DIGIT_CLASS = `[${DIGIT_CHARS}]`;
export const CHINESE_NUMERAL_CLASS = `[${DIGIT_CHARS}${SMALL_CHARS}${LARGE_CHARS}]`;
export const MULTIPLIER_CLASS = `[${SMALL_CHARS}${LARGE_CHARS}]`;

/**
 * One number as a pattern source (no groups). Arabic with optional thousands commas and
 * decimals, optionally followed by multipliers and further Arabic parts (2亿3000万);
 * or a run of Chinese numerals with an optional 点 decimal before 万/亿 (一点五万).
 */
// A multiplier right before 米/克/瓦 is a metric prefix (35千米), not part of the number.
const ARABIC_MULTIPLIER = `(?:${MULTIPLIER_CLASS}(?![米克瓦]))`;
// Every repetition is bounded: no figure a report states is longer, and a run of 10,000
// digits or 万万万 must cost one short match per chunk, not a parse of the whole run.
export const NUMBER_SOURCE =
  `(?:\\d{1,3}(?:,\\d{3}){1,6}(?!\\d)|\\d{1,20})(?:\\.\\d{1,12})?(?:${ARABIC_MULTIPLIER}{1,4}(?:\\d{1,8}(?:\\.\\d{1,12})?${ARABIC_MULTIPLIER}{0,4}){0,4})?` +
  `|${CHINESE_NUMERAL_CLASS}{1,24}(?:点${CHINESE_DIGIT_CLASS}{1,12}[${LARGE_CHARS}]${CHINESE_NUMERAL_CLASS}{0,12})?`;

/**
 * Full-width digits and punctuation to ASCII, one UTF-16 unit for one, so that indexes
 * found in the result are indexes into the original text.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E]/;
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

type Token =
  | { kind: 'arabic'; value: number }
  | { kind: 'digit'; value: number; zero: boolean }
  | { kind: 'small'; value: number }
  | { kind: 'large'; value: number }
  | { kind: 'point' };

const TOKEN_RE = new RegExp(
  `(\\d+(?:\\.\\d+)?)|(${CHINESE_DIGIT_CLASS})|([${SMALL_CHARS}])|([${LARGE_CHARS}])|(点)`,
  'gy',
);

function tokenize(s: string): Token[] | null {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let pos = 0;
  while (pos < s.length) {
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(s);
    if (!m) return null;
    if (m[1] !== undefined) out.push({ kind: 'arabic', value: Number(m[1]) });
    else if (m[2] !== undefined)
      out.push({ kind: 'digit', value: CHINESE_DIGITS[m[2]] as number, zero: (CHINESE_DIGITS[m[2]] as number) === 0 });
    else if (m[3] !== undefined) out.push({ kind: 'small', value: SMALL_MULTIPLIERS[m[3]] as number });
    else if (m[4] !== undefined) out.push({ kind: 'large', value: LARGE_MULTIPLIERS[m[4]] as number });
    else out.push({ kind: 'point' });
    pos = TOKEN_RE.lastIndex;
  }
  return out;
}

/** Rounds away binary noise such as 2.3 × 10000 = 22999.999999999996. */
export function tidyNumber(n: number): number {
  // 15 significant digits: beyond any figure a report states, within a double's precision
  // even for 1200.6亿 (where scaling by 1e6 to round would already lose digits).
  return Number(n.toPrecision(15));
}

/**
 * The value of one number written in any of the supported forms, or null if the text
 * is not a number. Positional Chinese digits (二〇二二) read digit by digit, so years
 * work; colloquial abbreviations read as speakers mean them (两万五 = 25000,
 * 三百五 = 350).
 */
export function parseNumber(input: string): number | null {
  if (typeof input !== 'string') return null;
  const s = toHalfWidth(input.trim()).replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  if (!s) return null;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const tokens = tokenize(s);
  if (!tokens || tokens.length === 0) return null;

  // Positional: only digits, no multipliers (二〇二二, 一九九八).
  if (tokens.every((t) => t.kind === 'digit')) {
    if (tokens.length === 1) return (tokens[0] as { value: number }).value;
    return Number(tokens.map((t) => (t as { value: number }).value).join(''));
  }

  let total = 0;
  let section = 0;
  let current: number | null = null;
  let currentIsChineseDigit = false;
  let lastMultiplier = 0; // multiplier just before `current`, 0 if a 零 or nothing intervened
  let lastSmall = Infinity;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    switch (t.kind) {
      case 'arabic':
        if (current !== null) return null;
        current = t.value;
        currentIsChineseDigit = false;
        break;
      case 'digit':
        if (t.zero) {
          if (current !== null) return null;
          lastMultiplier = 0;
          break;
        }
        if (current !== null) return null; // 三四 inside a number with multipliers: not a number
        current = t.value;
        currentIsChineseDigit = true;
        break;
      case 'point': {
        if (current === null) return null;
        let frac = '';
        while (i + 1 < tokens.length && (tokens[i + 1] as Token).kind === 'digit') {
          frac += String((tokens[i + 1] as { value: number }).value);
          i += 1;
        }
        if (!frac) return null;
        current = Number(`${current}.${frac}`);
        currentIsChineseDigit = false;
        break;
      }
      case 'small': {
        if (t.value >= lastSmall) return null; // 百千: not a number
        section += (current ?? 1) * t.value;
        lastSmall = t.value;
        current = null;
        lastMultiplier = t.value;
        break;
      }
      case 'large': {
        const value = section + (current ?? 0);
        if (value === 0) {
          // 万 alone is ten thousand; 万亿 stacks on what came before; anything else is noise.
          if (total === 0) total = t.value;
          else if (t.value === 1e8 && lastMultiplier === 1e4) total *= 1e8;
          else return null;
        } else if (t.value === 1e8) total = (total + value) * 1e8;
        else total += value * t.value;
        section = 0;
        current = null;
        lastSmall = Infinity;
        lastMultiplier = t.value;
        break;
      }
    }
  }
  if (current !== null) {
    // 两万五, 三百五, 一千二: a bare digit straight after a multiplier means the next place down.
    const colloquial = currentIsChineseDigit && lastMultiplier >= 100;
    section += colloquial
      ? current * (lastMultiplier === 1e8 ? 1e7 : lastMultiplier === 1e4 ? 1e3 : lastMultiplier / 10)
      : current;
  }
  return tidyNumber(total + section);
}

/** A Chinese or Arabic numeral for small integers (months, days, hours): 十一 → 11, ０９ → 9. */
export function parseSmallInteger(input: string): number | null {
  const n = parseNumber(input);
  if (n === null || !Number.isInteger(n)) return null;
  return n;
}

/** Whether the text is written with Arabic digits (as news style writes real statistics). */
export function isArabic(text: string): boolean {
  return /[0-9\uFF10-\uFF19]/.test(text);
}

/** Whether a Chinese-numeral text uses a multiplier (十百千万亿), as opposed to bare digits. */
const MULTIPLIER_RE = new RegExp(MULTIPLIER_CLASS);
export function hasMultiplier(text: string): boolean {
  return MULTIPLIER_RE.test(text);
}
