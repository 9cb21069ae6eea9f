import { renderMessage } from '../messages';
import { readRevision } from '../revision';

describe('readRevision', () => {
  test.each([
    [undefined, { kind: 'none' }],
    [null, { kind: 'sent', value: 0 }],
    [0, { kind: 'sent', value: 0 }],
    [7, { kind: 'sent', value: 7 }],
    ['12', { kind: 'sent', value: 12 }],
  ])('%j → %j', (value, expected) => {
    expect(readRevision(value)).toEqual(expected);
  });

  test.each([['abc'], [-1], [1.5], ['1e3'], [''], [{ $gt: 0 }], [[1]], [true], [Number.MAX_SAFE_INTEGER + 2], ['9999999999']])(
    '%j is invalid',
    (value) => {
      expect(readRevision(value)).toEqual({ kind: 'invalid', message: expect.stringMatching(/revision/) });
    }
  );
});

test('the refusal names both revisions and says what to do, in each language on its own', () => {
  const english = renderMessage('document.stale-revision', { sent: 3, stored: 5 }, 'en');
  expect(english).toContain('you opened revision 3; it is now at revision 5');
  expect(english).toContain('Nothing was saved');
  expect(english).not.toMatch(/[\u4e00-\u9fff]/);
  const chinese = renderMessage('document.stale-revision', { sent: 3, stored: 5 }, 'zh-Hans');
  expect(chinese).toContain('您打开的是第 3 版，现为第 5 版');
  expect(chinese).toContain('本次未保存任何内容');
  expect(chinese).not.toContain('Nothing was saved');
});
