import { missingAltText } from '../alt-text';

const image = (alternativeText: string | null = null) => ({ mime: 'image/jpeg', alternativeText });

describe('missingAltText', () => {
  test('a report names each photo without alt text, in reading order', () => {
    const report = {
      cover: { image: image(), alt: '' },
      photos: [{ image: image(), alt: '网格员协助居民做核酸检测' }, { image: image(), alt: null }, { image: image('民警在卡口执勤'), alt: null }],
    };
    expect(missingAltText('field-report', report)).toEqual(['cover', 'photos[2]']);
  });

  test('a photo component without an image needs nothing', () => {
    expect(missingAltText('field-report', { cover: { image: null, alt: null }, photos: [] })).toEqual([]);
  });

  test('a portrait uses the file’s alternative text', () => {
    expect(missingAltText('frontline-profile', { portrait: image() })).toEqual(['portrait']);
    expect(missingAltText('frontline-profile', { portrait: image('郭妍菊肖像') })).toEqual([]);
    expect(missingAltText('frontline-profile', { portrait: null })).toEqual([]);
  });

  test('event media: images need alt text, videos do not', () => {
    const media = [image('集结'), { mime: 'video/mp4', alternativeText: null }, image('  ')];
    expect(missingAltText('timeline-event', { media })).toEqual(['media[3]']);
  });

  test('types without images never block', () => {
    expect(missingAltText('grid-statistic', {})).toEqual([]);
    expect(missingAltText('chronicle', {})).toEqual([]);
  });
});
