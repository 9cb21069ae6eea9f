import { excerpt, locate, segments } from '../highlight';

const body = '2月24日晚上9时许，民警出动。\n\n全市出动警力4800余人次。';

test('locate: the offsets when they point at the expression, else the first occurrence, else null', () => {
  expect(locate(body, { text: '4800余人次', offset: 24, endOffset: 31 })).toEqual([24, 31]);
  expect(body.slice(24, 31)).toBe('4800余人次');
  // The body was edited since the proposals were made: found by searching.
  expect(locate(`前言。${body}`, { text: '4800余人次', offset: 24, endOffset: 31 })).toEqual([27, 34]);
  expect(locate(body, { text: '99名', offset: 0, endOffset: 3 })).toBeNull();
  expect(locate(body, { text: '', offset: 0, endOffset: 0 })).toBeNull();
});

test('segments: the whole text, each expression marked once with its key, overlaps dropped', () => {
  const s = segments(body, [
    { key: 'b', text: '4800余人次', offset: 24, endOffset: 31 },
    { key: 'a', text: '2月24日晚上9时许', offset: 0, endOffset: 10 },
    { key: 'c', text: '9时许', offset: 7, endOffset: 10 },
    { key: 'gone', text: '不存在', offset: 0, endOffset: 3 },
  ]);
  expect(s.map((x) => x.text).join('')).toBe(body);
  expect(s.filter((x) => x.key).map((x) => [x.key, x.text])).toEqual([
    ['a', '2月24日晚上9时许'],
    ['b', '4800余人次'],
  ]);
  expect(segments('', [])).toEqual([]);
});

test('excerpt: a few characters either side, spaces flattened, ellipses where cut', () => {
  expect(excerpt(body, { text: '4800余人次', offset: 24, endOffset: 31 }, 6)).toEqual(['…全市出动警力', '4800余人次', '。']);
  expect(excerpt(body, { text: '2月24日晚上9时许', offset: 0, endOffset: 10 }, 3)).toEqual(['', '2月24日晚上9时许', '，民警…']);
});
