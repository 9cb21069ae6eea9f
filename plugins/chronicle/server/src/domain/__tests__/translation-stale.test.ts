import { isTranslationStale, sourceOfTranslation, textFingerprint, translatedFields } from '../translation-stale';

const attributes = {
  title: { type: 'string', pluginOptions: { i18n: { localized: true } } },
  body: { type: 'richtext', pluginOptions: { i18n: { localized: true } } },
  bylines: { type: 'component', pluginOptions: { i18n: { localized: true } } },
  slug: { type: 'string', pluginOptions: { i18n: { localized: false } } },
  embargoUntil: { type: 'datetime', pluginOptions: { i18n: { localized: false } } },
  chronicle: { type: 'relation' },
  corrections: { type: 'component', pluginOptions: { i18n: { localized: true } } },
  workflowState: { type: 'enumeration', pluginOptions: { i18n: { localized: false } } },
};

test('a translator translates the localized text and components, not shared fields, links, workflow or corrections', () => {
  expect(translatedFields(attributes)).toEqual(['title', 'body', 'bylines']);
});

test('the text fingerprint changes with the text only', () => {
  const fields = translatedFields(attributes);
  const base = { title: '标题', body: '正文', slug: 'a', embargoUntil: null };
  expect(textFingerprint({ ...base, slug: 'b', embargoUntil: '2022-03-01T00:00:00.000Z' }, fields)).toBe(textFingerprint(base, fields));
  expect(textFingerprint({ ...base, body: '正文（修改）' }, fields)).not.toBe(textFingerprint(base, fields));
});

describe('isTranslationStale', () => {
  const zh = (textFingerprint: string) => ({ locale: 'zh-Hans', textFingerprint, sourceFingerprint: null });
  const en = (sourceFingerprint: string | null) => ({ locale: 'en', textFingerprint: 'e', sourceFingerprint });

  test('fresh after translating, stale after the Chinese changes, fresh again once the English is saved against it', () => {
    expect(isTranslationStale(zh('A'), en('A'))).toBe(false);
    expect(isTranslationStale(zh('B'), en('A'))).toBe(true);
    expect(isTranslationStale(zh('B'), en('B'))).toBe(false);
  });

  test('nothing to compare: not stale', () => {
    expect(isTranslationStale(undefined, en('A'))).toBe(false);
    expect(isTranslationStale(zh('A'), undefined)).toBe(false);
    expect(isTranslationStale(zh('A'), en(null))).toBe(false);
    // The Chinese is never stale against itself.
    expect(isTranslationStale(zh('A'), { ...zh('B'), sourceFingerprint: 'A' })).toBe(false);
  });
});

test('the English records the Chinese it was written against; a side effect keeps what it recorded', () => {
  expect(sourceOfTranslation('en', 'en', 'NOW', 'OLD')).toBe('NOW');
  expect(sourceOfTranslation('zh-Hans', 'en', 'NOW', 'OLD')).toBe('OLD');
  expect(sourceOfTranslation('zh-Hans', 'zh-Hans', 'NOW', 'OLD')).toBeNull();
});
