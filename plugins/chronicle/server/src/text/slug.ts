/**
 * URL slugs for Chinese (and mixed-script) names and titles: every public record has one,
 * it must be ASCII, readable to someone who knows pinyin, and identical whichever locale
 * the record is edited in. Pure module: no Strapi import.
 *
 * Choice of shape: every Chinese syllable is its own hyphen-separated word
 * ('郭妍菊' → 'guo-yan-ju', '尖草坪区' → 'jian-cao-ping-qu'). Joining the syllables of
 * a word would need a word segmenter whose answers change between library versions;
 * one syllable per word is predictable, and a slug must never change once published.
 */
import { pinyin } from 'pinyin-pro';
import slugify from 'slugify';
import { DateTime } from 'luxon';
import { NEWSROOM_TIME_ZONE } from '../domain/time-zone';

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 80;

export type SlugMode = 'person' | 'place' | 'text';
export interface SlugOptions {
  mode?: SlugMode;
}

/**
 * Place names whose customary reading is not the one a general dictionary gives.
 * Values are the syllables joined by hyphens and are used verbatim, so an entry may
 * also be written as one word ('jiancaoping') if that is how the newsroom wants it.
 * Entries whose general reading is already right (尖草坪) are listed anyway where the
 * newsroom relies on them, so a dictionary update can never move their slugs.
 */
export const PLACE_OVERRIDES: Record<string, string> = {
  尖草坪: 'jian-cao-ping',
  万柏林: 'wan-bai-lin',
  杏花岭: 'xing-hua-ling',
  南固碾: 'nan-gu-nian',
  十里堡: 'shi-li-pu',
  马家堡: 'ma-jia-pu',
  吴堡: 'wu-bu',
  瓦窑堡: 'wa-yao-bu',
  六合: 'lu-he',
  六安: 'lu-an',
  涡阳: 'guo-yang',
  单县: 'shan-xian',
  洪洞: 'hong-tong',
  解州: 'xie-zhou',
  繁峙: 'fan-shi',
  蔚县: 'yu-xian',
  会稽: 'kuai-ji',
  歙县: 'she-xian',
  乐清: 'yue-qing',
  乐亭: 'lao-ting',
  大栅栏: 'da-shi-lan',
  什邡: 'shi-fang',
  黄陂: 'huang-pi',
  浚县: 'xun-xian',
  铅山: 'yan-shan',
  番禺: 'pan-yu',
  台州: 'tai-zhou',
  丽水: 'li-shui',
  蚌埠: 'beng-bu',
  长子: 'zhang-zi',
  东阿: 'dong-e',
  莘县: 'shen-xian',
  犍为: 'qian-wei',
  枞阳: 'zong-yang',
  牟平: 'mu-ping',
  荥阳: 'xing-yang',
  厦门: 'xia-men',
  重庆: 'chong-qing',
  长治: 'chang-zhi',
  吕梁: 'lv-liang',
};

/**
 * Single characters read differently when they end a place name: 堡 is bǔ/pù in
 * village and town names (吴堡, 柴沟堡) but bǎo in common words (城堡), and a general
 * dictionary picks the common word.
 */
const PLACE_FINAL_READINGS: Record<string, string> = { 堡: 'bu' };
/** Common words that end in such a character and keep the common reading (城堡, 碉堡). */
const COMMON_WORD_HEADS: Record<string, RegExp> = { 堡: /[城碉古地桥]/u };
const PLACE_SUFFIXES = /^(?:村|镇|乡|街道|街|县|区|市|$)/u;

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ASCII_ALNUM = /[A-Za-z0-9]/;
/** Apostrophes join (o'brien → obrien), as slugify itself does. */
const JOINERS = /['’ʼ`]/u;

type Word = string;

/** Pinyin of one run of Han characters, one lower-case syllable per character. */
function hanToWords(run: string, mode: SlugMode, isFirstRun: boolean): Word[] {
  const syllables =
    mode === 'person' && isFirstRun
      ? pinyin(run, { toneType: 'none', type: 'array', v: true, surname: 'head' })
      : pinyin(run, { toneType: 'none', type: 'array', v: true });
  return syllables.map((s, i) => {
    const clean = s.toLowerCase().replace(/ü/g, 'v');
    if (/^[a-z]+$/.test(clean)) return clean;
    // A character the dictionary does not know keeps a stable, unique ASCII form.
    const ch = Array.from(run)[i] ?? s;
    return `u${(ch.codePointAt(0) ?? 0).toString(16)}`;
  });
}

/** Place mode: overrides first (longest match), then the dictionary, then final-character readings. */
function placeRunToWords(run: string, isFirstRun: boolean): Word[] {
  const chars = Array.from(run);
  const keys = Object.keys(PLACE_OVERRIDES).sort((a, b) => b.length - a.length);
  const words: Word[] = [];
  let pending = '';
  const flush = (): void => {
    if (!pending) return;
    const w = hanToWords(pending, 'place', isFirstRun && words.length === 0);
    const pc = Array.from(pending);
    for (let k = 0; k < pc.length; k++) {
      const reading = PLACE_FINAL_READINGS[pc[k] as string];
      // Only when the character closes the name (or precedes an administrative suffix).
      const ch = pc[k] as string;
      const commonHead = COMMON_WORD_HEADS[ch];
      if (commonHead && commonHead.test(pc[k - 1] ?? '')) continue;
      if (reading && k > 0 && PLACE_SUFFIXES.test(pc.slice(k + 1).join(''))) w[k] = reading;
    }
    words.push(...w);
    pending = '';
  };
  let i = 0;
  while (i < chars.length) {
    const rest = chars.slice(i).join('');
    const key = keys.find((k) => rest.startsWith(k));
    if (key) {
      flush();
      words.push(...slugWords(PLACE_OVERRIDES[key] as string));
      i += Array.from(key).length;
    } else {
      pending += chars[i];
      i += 1;
    }
  }
  flush();
  return words;
}

function slugWords(s: string): Word[] {
  return s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** One non-Han character as ASCII: kept, transliterated, or coded so it is never lost. */
function otherCharToAscii(ch: string): string | null {
  if (ASCII_ALNUM.test(ch)) return ch.toLowerCase();
  if (!LETTER_OR_DIGIT.test(ch)) return null;
  const t = slugify(ch, { lower: true, strict: true });
  if (t) return t;
  return `u${(ch.codePointAt(0) ?? 0).toString(16)}`;
}

function cutToLength(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max + 1);
  const cut = head.lastIndexOf('-');
  const out = cut > 0 ? head.slice(0, cut) : slug.slice(0, max);
  return out.replace(/-+$/, '');
}

/**
 * A slug for a name or title. Returns '' only when the text holds no letter, digit or
 * Han character at all; callers then use {@link fallbackSlug}.
 */
export function toSlug(text: string, options: SlugOptions = {}): string {
  const mode: SlugMode = options.mode ?? 'text';
  if (typeof text !== 'string') return '';
  const source = text.normalize('NFKC');
  if (!LETTER_OR_DIGIT.test(source)) return '';

  const words: Word[] = [];
  let latin = '';
  const endLatin = (): void => {
    if (latin) words.push(latin);
    latin = '';
  };
  let seenHan = false;
  let last = 0;
  const handleOther = (chunk: string): void => {
    for (const ch of chunk) {
      if (JOINERS.test(ch)) continue;
      const ascii = otherCharToAscii(ch);
      if (ascii === null) endLatin();
      else if (/^[a-z0-9]$/.test(ascii) || /^[a-z]+$/.test(ascii)) latin += ascii;
      else {
        endLatin();
        words.push(ascii);
      }
    }
    endLatin();
  };
  for (const m of source.matchAll(HAN_RUN)) {
    handleOther(source.slice(last, m.index));
    const run = m[0];
    words.push(...(mode === 'place' ? placeRunToWords(run, !seenHan) : hanToWords(run, mode, !seenHan)));
    seenHan = true;
    last = (m.index ?? 0) + run.length;
  }
  handleOther(source.slice(last));

  // slugify is the final normaliser, so its rules (lower case, strict) are the contract.
  const joined = slugify(words.join('-'), { lower: true, strict: true, replacement: '-' })
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return cutToLength(joined, SLUG_MAX_LENGTH);
}

/** Whether a string contains Han characters (used by callers to choose a slug mode). */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * The slug for a record whose title has nothing sluggable: the day it was made (in the
 * newsroom's time zone, so a late-evening entry does not get tomorrow's UTC date) and
 * a short piece of its id.
 */
export function fallbackSlug(date: Date, id: string, timeZone = NEWSROOM_TIME_ZONE): string {
  const day = DateTime.fromJSDate(date, { zone: timeZone });
  if (!day.isValid) throw new RangeError('fallbackSlug: invalid date');
  const prefix = day.toFormat('yyyy-MM-dd');
  const idPart = toSlug(String(id ?? ''));
  if (!idPart) return prefix;
  return cutToLength(`${prefix}-${idPart}`, SLUG_MAX_LENGTH);
}

/**
 * The first of base, base-2, base-3 … that is not taken. The base is shortened (at a
 * hyphen) when needed so the suffixed slug still fits in {@link SLUG_MAX_LENGTH}.
 */
export async function uniqueSlug(base: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  if (!SLUG_RE.test(base)) throw new TypeError(`uniqueSlug: not a slug: ${JSON.stringify(base)}`);
  if (!(await taken(base))) return base;
  for (let n = 2; n < 10_000; n++) {
    const suffix = `-${n}`;
    const head = cutToLength(base, SLUG_MAX_LENGTH - suffix.length);
    const candidate = `${head}${suffix}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new Error(`uniqueSlug: no free slug for ${base}`);
}
