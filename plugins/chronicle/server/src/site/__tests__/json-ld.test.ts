import { itemList, newsArticle, person, serializeJsonLd } from '../json-ld';

describe('JSON-LD', () => {
  test('serialisation cannot close the script element and still parses to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script> & \u2028' };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });

  test('a NewsArticle leaves out what it does not know', () => {
    const doc = newsArticle({
      url: 'https://x/reports/a',
      headline: '标题',
      description: null,
      datePublished: '2022-03-01T00:00:00.000Z',
      dateModified: null,
      dateline: '2022-03-01',
      authors: ['王记者'],
      image: null,
      language: 'zh-Hans',
      publisherName: '纪实',
    });
    expect(doc).toMatchObject({ '@type': 'NewsArticle', headline: '标题', author: [{ '@type': 'Person', name: '王记者' }] });
    expect(doc).not.toHaveProperty('description');
    expect(doc).not.toHaveProperty('image');
  });

  test('Person and ItemList', () => {
    expect(person({ url: 'u', name: '赵某', jobTitle: '网格员', organisation: null, image: null, awards: ['优秀网格员'], description: null })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      url: 'u',
      name: '赵某',
      jobTitle: '网格员',
      award: ['优秀网格员'],
    });
    const list = itemList('光荣榜', [{ url: 'a', name: 'A' }, { url: 'b', name: 'B' }]);
    expect(list.numberOfItems).toBe(2);
    expect((list.itemListElement as any[])[1]).toEqual({ '@type': 'ListItem', position: 2, url: 'b', name: 'B' });
  });
});
