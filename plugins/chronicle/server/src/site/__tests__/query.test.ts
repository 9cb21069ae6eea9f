import { parseSiteQuery } from '../routes';

describe('site query parameters', () => {
  test('valid filters pass, empty form fields mean no filter', () => {
    expect(parseSiteQuery('timeline', { lang: 'en', unit: 'nanzhai-jiedao', from: '2022-02-23', to: '2022-03-06' })).toEqual({
      data: { lang: 'en', unit: 'nanzhai-jiedao', from: '2022-02-23', to: '2022-03-06' },
    });
    expect(parseSiteQuery('honours', { unit: '', kind: '' })).toEqual({ data: {} });
    expect(parseSiteQuery('home', { utm_source: 'wechat', fbclid: 'x' })).toEqual({ data: {} });
  });

  test('anything else is a problem that names the parameter', () => {
    expect(parseSiteQuery('home', { lang: 'fr' })).toEqual({ problem: 'lang: must be one of zh-Hans, en' });
    expect(parseSiteQuery('report', { unit: 'x' })).toEqual({ problem: 'unknown query parameter: unit' });
    expect(parseSiteQuery('timeline', { from: '2022-02-30' })).toEqual({ problem: 'from: is not a real calendar day' });
    expect(parseSiteQuery('timeline', { lang: ['en', 'en'] })).toEqual({ problem: 'lang: give it once, as plain text' });
    expect(parseSiteQuery('honours', { kind: 'wizard' })).toMatchObject({ problem: expect.stringMatching(/^kind: must be one of grid-worker/) });
    expect(parseSiteQuery('sitemap', { lang: 'en' })).toEqual({ problem: 'unknown query parameter: lang' });
  });
});
