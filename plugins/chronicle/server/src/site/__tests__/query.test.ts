import { parseSiteQuery } from '../routes';

describe('site query parameters', () => {
  test('valid filters pass, empty form fields mean no filter', () => {
    expect(parseSiteQuery('timeline', { lang: 'en', unit: 'nanzhai-jiedao', from: '2022-02-23', to: '2022-03-06' })).toEqual({
      data: { lang: 'en', unit: 'nanzhai-jiedao', from: '2022-02-23', to: '2022-03-06' },
    });
    expect(parseSiteQuery('honours', { unit: '', kind: '' })).toEqual({ data: {} });
    expect(parseSiteQuery('home', { utm_source: 'wechat', fbclid: 'x' })).toEqual({ data: {} });
  });

  test('what a page does not read is ignored: share parameters, WeChat\'s from, anything else', () => {
    expect(parseSiteQuery('honours', { from: 'singlemessage', isappinstalled: '0', spm: 'a.b', scene: '1' })).toEqual({ data: {} });
    expect(parseSiteQuery('timeline', { from: 'timeline', isappinstalled: '0' })).toEqual({ data: {} });
    expect(parseSiteQuery('timeline', { from: '2022-02-23', clicktime: '1700000000' })).toEqual({ data: { from: '2022-02-23' } });
    expect(parseSiteQuery('report', { unit: 'x', bogus: ['a', 'b'] })).toEqual({ data: {} });
    // WeChat's in-app browser and others spell the language their way.
    expect(parseSiteQuery('home', { lang: 'zh_CN' })).toEqual({ data: { lang: 'zh-Hans' } });
    expect(parseSiteQuery('home', { lang: 'en-US' })).toEqual({ data: { lang: 'en' } });
  });

  test('a bad value of a parameter the page reads is a problem that names it', () => {
    expect(parseSiteQuery('home', { lang: 'fr' })).toEqual({ problem: 'lang: must be one of zh-Hans, en' });
    expect(parseSiteQuery('timeline', { from: '2022-02-30' })).toEqual({ problem: 'from: is not a real calendar day' });
    expect(parseSiteQuery('timeline', { lang: ['en', 'en'] })).toEqual({ problem: 'lang: give it once, as plain text' });
    expect(parseSiteQuery('honours', { kind: 'wizard' })).toMatchObject({ problem: expect.stringMatching(/^kind: must be one of grid-worker/) });
  });
});
