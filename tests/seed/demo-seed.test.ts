/**
 * The demo newsroom against the seed page it was written from: the facts (names, figures) come
 * from the seed, the sentences do not. Needs the seed folder: run by `npm run check:seed`.
 */
import { demoNewsroom as data } from '../../plugins/chronicle/server/src/demo/data';
import { collectStrings } from '../../plugins/chronicle/server/src/demo/__tests__/strings';
import { readSeedPage } from './seeds';

/** A run this long (whitespace ignored) shared with the seed counts as copying. */
const COPY_WINDOW = 10;

/**
 * Official unit names that may appear verbatim even if they are long. Only exact zh names
 * of units in the data are allowed here (checked below); names shorter than COPY_WINDOW
 * pass the check on their own, so this list only matters for long names.
 */
const LONG_NAME_WHITELIST = ['太原市第六十六中学'];

/** Unit names the seed abbreviates ("交警一、二大队"): spelt out in the data. */
const UNIT_NAMES_NOT_LITERAL_IN_SEED = ['交警一大队', '交警二大队'];

const ALL_STRINGS = collectStrings(data, 'demoNewsroom', new Set());

describe('demo newsroom: seed facts, own words', () => {
  let seed = '';
  beforeAll(() => {
    seed = readSeedPage();
  });

  const stripSpace = (s: string) => s.replace(/\s+/gu, '');
  /** Also ignore punctuation, so that copying with changed punctuation is caught too. */
  const stripSpaceAndPunct = (s: string) => s.replace(/[\s\p{P}\p{S}]+/gu, '');

  function windows(s: string, n: number): Set<string> {
    const chars = Array.from(s);
    const out = new Set<string>();
    for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
    return out;
  }

  /** Whitelisted long names are masked with a character the seed cannot contain. */
  function mask(s: string): string {
    let out = s;
    for (const name of LONG_NAME_WHITELIST) out = out.split(name).join('\u0000');
    return out;
  }

  it('the whitelist holds exact unit names only', () => {
    const unitNames = new Set(data.units.map((u) => u.text.zh.name));
    for (const n of LONG_NAME_WHITELIST) expect({ name: n, isUnit: unitNames.has(n) }).toEqual({ name: n, isUnit: true });
  });

  it(`no string repeats ${COPY_WINDOW} or more consecutive characters of the seed`, () => {
    const seedWindows = [stripSpace, stripSpaceAndPunct].map((norm) => windows(norm(seed), COPY_WINDOW));
    const copies: string[] = [];
    for (const [at, s] of ALL_STRINGS) {
      [stripSpace, stripSpaceAndPunct].forEach((norm, i) => {
        for (const w of windows(norm(mask(s)), COPY_WINDOW)) {
          if (seedWindows[i].has(w)) copies.push(`${at}: "${w}"`);
        }
      });
    }
    expect([...new Set(copies)]).toEqual([]);
  });

  it('names of people and units come from the seed', () => {
    const missing: string[] = [];
    for (const p of data.profiles) if (!seed.includes(p.text.zh.fullName)) missing.push(p.text.zh.fullName);
    for (const c of data.contributors) if (!seed.includes(c.text.zh.name)) missing.push(c.text.zh.name);
    for (const u of data.units) {
      if (!UNIT_NAMES_NOT_LITERAL_IN_SEED.includes(u.text.zh.name) && !seed.includes(u.text.zh.name)) missing.push(u.text.zh.name);
    }
    expect(missing).toEqual([]);
  });

  it('every figure appears in the seed', () => {
    const flat = stripSpace(seed);
    const missing: string[] = [];
    for (const s of data.statistics) {
      const forms = [`${s.value}${s.countUnit}`, `${s.value}余${s.countUnit}`, `${s.value}名`, `${s.value}个`];
      if (s.value >= 10000 && s.value % 10000 === 0) forms.push(`${s.value / 10000}万`);
      if (s.value === 1000) forms.push('千余');
      if (!forms.some((f) => flat.includes(f))) missing.push(`${s.key}: ${s.value}`);
    }
    expect(missing).toEqual([]);
  });
});

