import { diffSnapshots, snapshotFingerprint, textDiff, toSnapshot, type TextSegment } from '../revision-diff';

const render = (segments: TextSegment[]) => segments.map((s) => (s.op === 'equal' ? s.text : s.op === 'insert' ? `[+${s.text}]` : `[-${s.text}]`)).join('');

describe('textDiff (by character, Chinese-aware)', () => {
  test('a changed Chinese word shows as one deletion and one insertion, by character', () => {
    expect(textDiff('网格员入户排查', '网格员上门排查')).toEqual([
      { op: 'equal', text: '网格员' },
      { op: 'delete', text: '入户' },
      { op: 'insert', text: '上门' },
      { op: 'equal', text: '排查' },
    ]);
  });

  test('a changed figure inside a sentence without spaces is found, not the whole sentence', () => {
    expect(render(textDiff('累计出动警力4800余人次', '累计出动警力4900余人次'))).toBe('累计出动警力4[-8][+9]00余人次');
  });

  test('a one-character unchanged island between two changes is folded into them', () => {
    // 入户 → 上户 … with 户 kept alone would read [-入][+上]户[-排][+走]; folded it reads as one change.
    const segments = textDiff('入户排查', '上户走访');
    expect(segments.filter((s) => s.op === 'equal')).toEqual([]);
    expect(render(segments)).toBe('[-入户排查][+上户走访]');
  });

  test('long unchanged stretches are cut to their context', () => {
    const long = '这'.repeat(100);
    const segments = textDiff(`${long}甲${long}`, `${long}乙${long}`);
    expect(segments[0]).toEqual({ op: 'equal', text: `…${'这'.repeat(24)}` });
    expect(segments[segments.length - 1]).toEqual({ op: 'equal', text: `${'这'.repeat(24)}…` });
    expect(render(segments)).toContain('[-甲][+乙]');
  });

  test('mixed Chinese and Latin text, and surrogate pairs, stay whole characters', () => {
    expect(render(textDiff('视频通话10万余次', '视频通话12万余次'))).toBe('视频通话1[-0][+2]万余次');
    expect(render(textDiff('𠀀甲', '𠀀乙'))).toBe('𠀀[-甲][+乙]');
  });
});

describe('snapshots', () => {
  const doc = {
    id: 7,
    documentId: 'abc',
    title: '标题',
    revision: 3,
    workflowState: 'in_review',
    updatedAt: new Date('2022-03-01T00:00:00Z'),
    createdBy: { id: 1, firstname: 'x' },
    dateline: { id: 4, place: '尖草坪区', date: '2022-02-24' },
    bylines: [{ id: 1, role: 'reporter', contributor: { id: 9, documentId: 'c1', name: '李记者', slug: 'li' } }],
    chronicle: { id: 3, documentId: 'ch1', title: '纪实', body: '很长的正文' },
  };

  test('system fields are left out; linked records are kept by documentId and label', () => {
    expect(toSnapshot(doc)).toEqual({
      title: '标题',
      dateline: { place: '尖草坪区', date: '2022-02-24' },
      bylines: [{ role: 'reporter', contributor: { documentId: 'c1', label: '李记者' } }],
      chronicle: { documentId: 'ch1', label: '纪实' },
    });
  });

  test('the fingerprint ignores bookkeeping and the labels of linked records', () => {
    const a = toSnapshot(doc);
    const b = toSnapshot({ ...doc, id: 8, revision: 9, updatedAt: new Date(), chronicle: { documentId: 'ch1', title: '改名的纪实' } });
    expect(snapshotFingerprint(a)).toBe(snapshotFingerprint(b));
    expect(snapshotFingerprint(toSnapshot({ ...doc, title: '新标题' }))).not.toBe(snapshotFingerprint(a));
  });
});

describe('diffSnapshots', () => {
  const before = toSnapshot({
    title: '民警连续值守',
    importance: 2,
    body: '2月24日，民警入户排查。',
    dateline: { place: '尖草坪区', date: '2022-02-24' },
    bylines: [
      { role: 'reporter', contributor: { documentId: 'c1', name: '李记者' } },
      { role: 'correspondent', contributor: { documentId: 'c2', name: '王通讯员' } },
    ],
    chronicle: null,
  });
  const after = toSnapshot({
    title: '民警连续值守',
    importance: 3,
    body: '2月24日，民警上门排查。',
    dateline: { place: '尖草坪区', date: '2022-02-25' },
    bylines: [
      { role: 'reporter', contributor: { documentId: 'c1', name: '李记者' } },
      { role: 'translator', contributor: { documentId: 'c3', name: 'Translator' } },
    ],
    chronicle: { documentId: 'ch1', title: '纪实' },
    updatedAt: '2022-03-01T00:00:00Z',
  });

  test('field by field, in schema order: values old → new, text by character, lists as added and removed items', () => {
    const changes = diffSnapshots(before, after, ['title', 'body', 'dateline', 'bylines', 'chronicle', 'importance']);
    expect(changes).toEqual([
      {
        field: 'body',
        kind: 'text',
        segments: [
          { op: 'equal', text: '2月24日，民警' },
          { op: 'delete', text: '入户' },
          { op: 'insert', text: '上门' },
          { op: 'equal', text: '排查。' },
        ],
      },
      { field: 'dateline.date', kind: 'value', before: '2022-02-24', after: '2022-02-25' },
      { field: 'bylines', kind: 'list', added: ['Translator · translator'], removed: ['王通讯员 · correspondent'] },
      { field: 'chronicle', kind: 'value', before: null, after: '纪实' },
      { field: 'importance', kind: 'value', before: '2', after: '3' },
    ]);
  });

  test('no change, no entries; from nothing, everything is new', () => {
    expect(diffSnapshots(before, before)).toEqual([]);
    const fromNothing = diffSnapshots(null, { title: '标题' });
    expect(fromNothing).toEqual([{ field: 'title', kind: 'text', segments: [{ op: 'insert', text: '标题' }] }]);
  });

  test('a reordered list is one entry with nothing added or removed', () => {
    const reordered = { ...before, bylines: [...(before.bylines as unknown[])].reverse() } as typeof before;
    expect(diffSnapshots(before, reordered)).toEqual([{ field: 'bylines', kind: 'list', added: [], removed: [] }]);
  });
});
