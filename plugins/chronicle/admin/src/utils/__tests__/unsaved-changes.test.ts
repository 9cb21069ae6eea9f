import { lostChanges, track, userChanges, type KeptEdits } from '../unsaved-changes';

const loaded = { id: 7, documentId: 'abc', revision: 3, title: '原标题', kicker: '', body: '正文', unit: { connect: [], disconnect: [] }, dutyRoles: [{ role: 'grid' }] };

test('userChanges: the fields typed into, not bookkeeping or relations', () => {
  const values = { ...loaded, title: '新标题', revision: 4, updatedAt: 'x', unit: { connect: [{ id: 2 }], disconnect: [] }, dutyRoles: [{ role: 'police' }] };
  expect(userChanges(loaded, values)).toEqual({ title: '新标题', dutyRoles: [{ role: 'police' }] });
  expect(userChanges(loaded, { ...loaded })).toEqual({});
  expect(userChanges({ ...loaded, kicker: null }, { ...loaded, kicker: undefined })).toEqual({});
});

test('lostChanges: what the reloaded version lacks', () => {
  expect(lostChanges({ title: '新标题', body: '正文' }, { ...loaded, revision: 5 })).toEqual({ title: '新标题' });
  expect(lostChanges({ title: '新标题' }, { ...loaded, title: '新标题' })).toEqual({});
});

describe('track: a refused save, a successful save, and typing', () => {
  const edited = { ...loaded, title: '我的标题' };

  test('a refused save: the Content Manager resets the form to what it sent, then reloads the other version; the edits are offered back', () => {
    let state = track(null, { kind: 'edited', initial: loaded, values: edited });
    expect(state.kept).toEqual({ revision: 3, changes: { title: '我的标题' } });
    state = track(state.kept, { kind: 'reloaded', initial: edited }); // resetForm(latestValues)
    expect(state).toEqual({ kept: { revision: 3, changes: { title: '我的标题' } }, lost: null });
    state = track(state.kept, { kind: 'reloaded', initial: { ...loaded, revision: 4, title: '别人的标题' } });
    expect(state.lost).toEqual({ title: '我的标题' });
  });

  test('a refused Publish rolled back on the same revision: offered back too', () => {
    const kept: KeptEdits = { revision: 3, changes: { title: '我的标题' } };
    expect(track(kept, { kind: 'reloaded', initial: loaded }).lost).toEqual({ title: '我的标题' });
  });

  test('a successful save: the new revision holds the edits, which are then forgotten', () => {
    let state = track(null, { kind: 'edited', initial: loaded, values: edited });
    state = track(state.kept, { kind: 'reloaded', initial: edited });
    state = track(state.kept, { kind: 'reloaded', initial: { ...edited, revision: 4 } });
    expect(state).toEqual({ kept: null, lost: null });
  });

  test('typing back to the loaded text keeps the last edits until a reload says otherwise; no edits, nothing offered', () => {
    const state = track(null, { kind: 'edited', initial: loaded, values: edited });
    expect(track(state.kept, { kind: 'edited', initial: loaded, values: loaded }).kept).toEqual(state.kept);
    expect(track(null, { kind: 'reloaded', initial: { ...loaded, revision: 9 } })).toEqual({ kept: null, lost: null });
  });
});
