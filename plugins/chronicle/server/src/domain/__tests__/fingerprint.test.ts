import { contentFingerprint } from '../fingerprint';

const base = {
  id: 7,
  documentId: 'abc',
  title: '网格员',
  body: '正文',
  updatedAt: '2022-03-07T00:00:00.000Z',
  workflowState: 'approved',
  dateline: { id: 3, place: '太原', date: '2022-03-07' },
  bylines: [{ id: 9, role: 'reporter', contributor: { id: 1, documentId: 'c1', name: '王勇' } }],
  profiles: [{ id: 4, documentId: 'p1', fullName: '郭妍菊', updatedAt: 'x' }],
};

describe('contentFingerprint', () => {
  test('ignores ids, timestamps, workflow fields and the linked documents’ own content', () => {
    const resaved = {
      ...base,
      id: 8,
      updatedAt: '2022-03-08T00:00:00.000Z',
      workflowState: 'in_review',
      dateline: { ...base.dateline, id: 30 },
      bylines: [{ ...base.bylines[0], id: 90, contributor: { id: 1, documentId: 'c1', name: 'Wang Yong' } }],
      profiles: [{ id: 5, documentId: 'p1', fullName: 'changed elsewhere' }],
    };
    expect(contentFingerprint(resaved)).toBe(contentFingerprint(base));
  });

  test.each([
    ['a field', { title: '网格员们' }],
    ['a component field', { dateline: { id: 3, place: '北京', date: '2022-03-07' } }],
    ['a byline role', { bylines: [{ id: 9, role: 'correspondent', contributor: { documentId: 'c1' } }] }],
    ['a linked document', { profiles: [{ id: 4, documentId: 'p2' }] }],
    ['the order of links', { profiles: [{ documentId: 'p2' }, { documentId: 'p1' }] }],
    ['a cleared field', { body: null }],
  ])('changes when %s changes', (_what, change) => {
    expect(contentFingerprint({ ...base, ...change })).not.toBe(contentFingerprint(base));
  });
});
