import { collationWarning, isBytewiseCollation } from '../collation';

test.each([
  ['C', true],
  ['C.UTF-8', true],
  ['C.utf8', true],
  ['POSIX', true],
  ['en_US.UTF-8', false],
  ['zh_CN.UTF-8', false],
  ['', false],
  [null, false],
])('%s is bytewise: %s', (collation, expected) => {
  expect(isBytewiseCollation(collation)).toBe(expected);
});

test('the warning names the database, its collation and the fix', () => {
  expect(collationWarning('news', 'en_US.UTF-8')).toMatch(/"news".*"en_US\.UTF-8".*LC_COLLATE "C\.UTF-8"/);
});
