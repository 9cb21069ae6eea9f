import { z } from 'zod';
import { isShareParameter, normaliseLocale, ownParameters, withoutShareParameters } from '../share-params';

describe('share parameters', () => {
  test('WeChat, analytics and ad parameters are recognised, in any case; ordinary names are not', () => {
    for (const key of ['from', 'isappinstalled', 'scene', 'clicktime', 'enterid', 'spm', 'utm_source', 'UTM_Campaign', 'fbclid', 'gclid']) {
      expect([key, isShareParameter(key)]).toEqual([key, true]);
    }
    for (const key of ['locale', 'unit', 'cursor', 'status', 'populate', 'filters', 'utm']) {
      expect([key, isShareParameter(key)]).toEqual([key, false]);
    }
  });

  test('dropped unless the route owns the name', () => {
    const query = { from: 'singlemessage', isappinstalled: '0', utm_source: 'x', locale: 'en', populate: '*' };
    expect(withoutShareParameters(query)).toEqual({ locale: 'en', populate: '*' });
    expect(withoutShareParameters(query, ['from', 'locale'])).toEqual({ from: 'singlemessage', locale: 'en', populate: '*' });
    expect(withoutShareParameters(undefined)).toEqual({});
  });

  test("a schema's own parameters, refined or not", () => {
    const schema = z.object({ from: z.string(), to: z.string() }).strict().refine(() => true);
    expect(ownParameters(schema)).toEqual(['from', 'to']);
    expect(ownParameters(z.string())).toEqual([]);
  });

  test('locale spellings map to the two locales; anything else is left for the schema', () => {
    expect(['zh-CN', 'zh_CN', 'zh', 'ZH-HANS', 'en-US', 'en_GB'].map(normaliseLocale)).toEqual(['zh-Hans', 'zh-Hans', 'zh-Hans', 'zh-Hans', 'en', 'en']);
    expect(normaliseLocale('fr')).toBe('fr');
    expect(normaliseLocale(['en'])).toEqual(['en']);
  });
});
