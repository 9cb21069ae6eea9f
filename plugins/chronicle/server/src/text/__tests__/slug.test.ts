import fc from 'fast-check';
import { toSlug, fallbackSlug, uniqueSlug, SLUG_RE, SLUG_MAX_LENGTH, PLACE_OVERRIDES } from '../slug';
import { SLUG_PATTERN } from '../../domain/enums';

describe('toSlug: text mode', () => {
  test.each([
    ['郭妍菊', 'guo-yan-ju'],
    ['网格员', 'wang-ge-yuan'],
    ['绿码', 'lv-ma'],
    ['女士', 'nv-shi'],
    ['吕梁', 'lv-liang'],
    ['暴雨面前 队员不退', 'bao-yu-mian-qian-dui-yuan-bu-tui'],
    ['战“疫”纪实', 'zhan-yi-ji-shi'],
    ['Chronicle', 'chronicle'],
    ['Chronicle 2022 纪实', 'chronicle-2022-ji-shi'],
    ['2022年', '2022-nian'],
    ['２０２２年', '2022-nian'],
    ['ＡＢＣ', 'abc'],
    ['A区', 'a-qu'],
    ['3号楼', '3-hao-lou'],
    ['COVID-19 防控', 'covid-19-fang-kong'],
    ["O'Brien", 'obrien'],
    ['café', 'cafe'],
    ['Жук', 'zhuk'],
    ['Straße', 'strasse'],
    ['  多个   空格  ', 'duo-ge-kong-ge'],
    ['a--b__c', 'a-b-c'],
    ['UPPER lower', 'upper-lower'],
    ['１２３', '123'],
    ['①②', '12'],
    ['〇', 'ling'],
    ['二〇二二', 'er-ling-er-er'],
    ['人民警察', 'ren-min-jing-cha'],
    ['核酸检测', 'he-suan-jian-ce'],
    ['健康码（绿码）', 'jian-kang-ma-lv-ma'],
    ['7·20 暴雨', '7-20-bao-yu'],
    ['郑州', 'zheng-zhou'],
    ['消防救援支队', 'xiao-fang-jiu-yuan-zhi-dui'],
    ['x7k2', 'x7k2'],
  ])('%s → %s', (input, expected) => {
    expect(toSlug(input)).toBe(expected);
  });
});

describe('toSlug: person mode reads surnames as surnames', () => {
  test.each([
    ['单雄信', 'shan-xiong-xin'],
    ['曾国藩', 'zeng-guo-fan'],
    ['解缙', 'xie-jin'],
    ['仇英', 'qiu-ying'],
    ['查良镛', 'zha-liang-yong'],
    ['区志强', 'ou-zhi-qiang'],
    ['朴树', 'piao-shu'],
    ['盖聂', 'ge-nie'],
    ['缪小兰', 'miao-xiao-lan'],
    ['乐嘉', 'yue-jia'],
    ['尉迟恭', 'yu-chi-gong'],
    ['郭妍菊', 'guo-yan-ju'],
    ['王建国', 'wang-jian-guo'],
    ['赵晓明', 'zhao-xiao-ming'],
    ['吕大明', 'lv-da-ming'],
  ])('%s → %s', (input, expected) => {
    expect(toSlug(input, { mode: 'person' })).toBe(expected);
  });

  test('surname reading applies only to the head of the name', () => {
    expect(toSlug('王单', { mode: 'person' })).toBe('wang-dan');
  });

  test('text mode keeps the common reading', () => {
    expect(toSlug('单雄信')).toBe('dan-xiong-xin');
  });
});

describe('toSlug: place mode', () => {
  test.each([
    ['尖草坪区', 'jian-cao-ping-qu'],
    ['尖草坪', 'jian-cao-ping'],
    ['万柏林区', 'wan-bai-lin-qu'],
    ['南固碾社区', 'nan-gu-nian-she-qu'],
    ['六安市', 'lu-an-shi'],
    ['洪洞县', 'hong-tong-xian'],
    ['蔚县', 'yu-xian'],
    ['歙县', 'she-xian'],
    ['乐亭县', 'lao-ting-xian'],
    ['乐清市', 'yue-qing-shi'],
    ['十里堡', 'shi-li-pu'],
    ['吴堡县', 'wu-bu-xian'],
    ['柴沟堡镇', 'chai-gou-bu-zhen'],
    ['瓦窑堡', 'wa-yao-bu'],
    ['城堡', 'cheng-bao'],
    ['蚌埠', 'beng-bu'],
    ['黄陂区', 'huang-pi-qu'],
    ['长子县', 'zhang-zi-xian'],
    ['长治市', 'chang-zhi-shi'],
    ['厦门', 'xia-men'],
    ['重庆', 'chong-qing'],
    ['南寨街道', 'nan-zhai-jie-dao'],
    ['迎新街街道', 'ying-xin-jie-jie-dao'],
    ['柴村街道', 'chai-cun-jie-dao'],
    ['太原市尖草坪区', 'tai-yuan-shi-jian-cao-ping-qu'],
    ['207所社区', '207-suo-she-qu'],
  ])('%s → %s', (input, expected) => {
    expect(toSlug(input, { mode: 'place' })).toBe(expected);
  });

  test('every override is itself a valid slug fragment', () => {
    for (const [name, reading] of Object.entries(PLACE_OVERRIDES)) {
      expect(reading).toMatch(SLUG_RE);
      expect(toSlug(name, { mode: 'place' })).toBe(reading);
    }
  });
});

describe('toSlug: empty and meaningless input', () => {
  test.each([[''], ['   '], ['%%%'], ['——'], ['“”'], ['!!!???'], ['…'], ['\n\t'], ['😀']])('%j → empty', (input) => {
    expect(toSlug(input)).toBe('');
  });

  test.each([['あいう'], ['한국'], ['ก'], ['𠮷'], ['ʰ']])('%j keeps a coded form rather than vanishing', (input) => {
    const slug = toSlug(input);
    expect(slug).not.toBe('');
    expect(slug).toMatch(SLUG_RE);
  });
});

describe('toSlug: length', () => {
  test('cut at a hyphen boundary, at most 80 characters', () => {
    const slug = toSlug('城东街道数百名志愿者连夜加固河堤'.repeat(5));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toMatch(SLUG_RE);
    expect(toSlug('城东街道数百名志愿者连夜加固河堤'.repeat(5)).startsWith(slug)).toBe(true);
    expect(slug.endsWith('-')).toBe(false);
  });

  test('a single over-long word is cut hard', () => {
    const slug = toSlug('a'.repeat(200));
    expect(slug).toBe('a'.repeat(80));
  });
});

describe('toSlug: properties', () => {
  test('SLUG_RE agrees with the shared SLUG_PATTERN', () => {
    expect(SLUG_RE.source).toBe(SLUG_PATTERN);
  });

  test('every output matches SLUG_RE and is empty only without letters or digits', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.constantFrom<'text' | 'person' | 'place'>('text', 'person', 'place'),
        (s, mode) => {
          const slug = toSlug(s, { mode });
          if (slug === '') {
            expect(/[\p{L}\p{N}]/u.test(s.normalize('NFKC'))).toBe(false);
          } else {
            expect(slug).toMatch(SLUG_RE);
            expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test('Chinese text always gives a non-empty slug', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    fc.assert(
      fc.property(fc.array(han, { minLength: 1, maxLength: 20 }), (chars) => {
        const slug = toSlug(chars.join(''));
        expect(slug).toMatch(SLUG_RE);
      }),
      { numRuns: 300 },
    );
  });

  test('stable: the same input always gives the same slug', () => {
    expect(toSlug('织密“安全网” 守护万家')).toBe(toSlug('织密“安全网” 守护万家'));
  });
});

describe('fallbackSlug', () => {
  test.each([
    [new Date('2022-02-23T03:00:00Z'), 'x7k2', '2022-02-23-x7k2'],
    // 23:30 in Beijing: still the 23rd
    [new Date('2022-02-23T15:30:00Z'), 'x7k2', '2022-02-23-x7k2'],
    // 01:00 Beijing on the 24th is the 23rd in UTC: the newsroom's day wins
    [new Date('2022-02-23T17:00:00Z'), 'X7K2', '2022-02-24-x7k2'],
    [new Date('2022-02-23T03:00:00Z'), '', '2022-02-23'],
    [new Date('2022-02-23T03:00:00Z'), '!!', '2022-02-23'],
    [new Date('2022-02-23T03:00:00Z'), 'abc_def', '2022-02-23-abc-def'],
  ])('%s %j → %s', (date, id, expected) => {
    const slug = fallbackSlug(date, id);
    expect(slug).toBe(expected);
    expect(slug).toMatch(SLUG_RE);
  });

  test('invalid date throws', () => {
    expect(() => fallbackSlug(new Date('nope'), 'x')).toThrow(RangeError);
  });

  test('long ids are cut to the maximum length', () => {
    const slug = fallbackSlug(new Date('2022-02-23T03:00:00Z'), 'a'.repeat(200));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toMatch(SLUG_RE);
  });
});

describe('uniqueSlug', () => {
  const takenFrom = (set: string[]) => async (candidate: string) => set.includes(candidate);

  test.each<[string, string[], string]>([
    ['guo-yan-ju', [], 'guo-yan-ju'],
    ['guo-yan-ju', ['guo-yan-ju'], 'guo-yan-ju-2'],
    ['guo-yan-ju', ['guo-yan-ju', 'guo-yan-ju-2'], 'guo-yan-ju-3'],
    ['guo-yan-ju', ['guo-yan-ju', 'guo-yan-ju-2', 'guo-yan-ju-3', 'guo-yan-ju-4'], 'guo-yan-ju-5'],
    ['a', ['a', 'a-2'], 'a-3'],
    ['a-2', ['a-2'], 'a-2-2'],
  ])('%s with %j taken → %s', async (base, taken, expected) => {
    await expect(uniqueSlug(base, takenFrom(taken))).resolves.toBe(expected);
  });

  test('suffix still fits within the maximum length', async () => {
    const base = toSlug('城东街道数百名志愿者连夜加固河堤'.repeat(5));
    const slug = await uniqueSlug(base, async (c) => c === base);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toMatch(SLUG_RE);
    expect(slug.endsWith('-2')).toBe(true);
  });

  test.each([[''], ['Not A Slug'], ['-a'], ['a--b']])('rejects a base that is not a slug: %j', async (base) => {
    await expect(uniqueSlug(base, async () => false)).rejects.toThrow(TypeError);
  });
});
