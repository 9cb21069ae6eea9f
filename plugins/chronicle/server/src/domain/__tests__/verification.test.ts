import { excludedFigures, rollUpGroups, rollupKey, type FigureGroup } from '../rollup';
import {
  approvalBlockers,
  approvalRefusal,
  claimChanged,
  decideVerification,
  needsVerifiedFigures,
  publicSource,
  sourceProblems,
  stateOf,
  type FigureFacts,
  type VerifierFacts,
} from '../verification';

const editor: VerifierFacts = { kind: 'user', id: 2, mayApprove: true };
const author: VerifierFacts = { kind: 'user', id: 1, mayApprove: true };
const reporter: VerifierFacts = { kind: 'user', id: 3, mayApprove: false };
const figure = (over: Partial<FigureFacts> = {}): FigureFacts => ({
  state: 'unverified',
  createdBy: 1,
  source: { kind: 'document', title: '太原日报', page: '3' },
  ...over,
});

describe('who may check a figure', () => {
  test('an editor who did not write it may verify', () => {
    expect(decideVerification(figure(), 'verify', editor)).toEqual({ ok: true, to: 'verified' });
  });
  test('its author may not, even as an editor (409, own-figure)', () => {
    const verdict = decideVerification(figure(), 'verify', author);
    expect(verdict).toMatchObject({ ok: false, status: 409, code: 'figure.verify.own-figure' });
    expect(!verdict.ok && verdict.message).toMatch(/不能核实自己.* \/ you cannot check a figure you wrote/);
  });
  test('a reporter may not (403)', () => {
    expect(decideVerification(figure({ createdBy: 9 }), 'verify', reporter)).toMatchObject({ ok: false, status: 403, code: 'figure.verify.not-editor' });
  });
  test('a named system actor holds every right', () => {
    expect(decideVerification(figure(), 'verify', { kind: 'system', mayApprove: true }).ok).toBe(true);
  });
});

describe('the state machine', () => {
  test('unverified → verified | disputed, and an editor may reconsider', () => {
    expect(decideVerification(figure(), 'dispute', editor, 'the bureau says 900')).toEqual({ ok: true, to: 'disputed' });
    expect(decideVerification(figure({ state: 'disputed' }), 'verify', editor)).toEqual({ ok: true, to: 'verified' });
    expect(decideVerification(figure({ state: 'verified' }), 'dispute', editor, 'why')).toEqual({ ok: true, to: 'disputed' });
  });
  test('the same state again is a 409', () => {
    expect(decideVerification(figure({ state: 'verified' }), 'verify', editor)).toMatchObject({ ok: false, status: 409, code: 'figure.verify.same-state' });
  });
  test('a dispute needs a note', () => {
    expect(decideVerification(figure(), 'dispute', editor, '  ')).toMatchObject({ ok: false, status: 400, code: 'figure.verify.note-required' });
  });
  test('a verification needs a complete source', () => {
    expect(decideVerification(figure({ source: { kind: null } }), 'verify', editor)).toMatchObject({ ok: false, status: 400, code: 'figure.verify.source-incomplete' });
    expect(decideVerification(figure({ source: { kind: 'statement', name: '王某' } }), 'verify', editor)).toMatchObject({ ok: false, status: 400 });
  });
  test('stored rows without a state are unverified', () => {
    expect(stateOf(null)).toBe('unverified');
    expect(stateOf('bogus')).toBe('unverified');
    expect(stateOf('disputed')).toBe('disputed');
  });
});

describe('sources', () => {
  test.each([
    [{ kind: 'document' as const, title: '太原日报' }, []],
    [{ kind: 'document' as const }, ['sourceTitle']],
    [{ kind: 'url' as const, url: 'https://example.org/a' }, []],
    [{ kind: 'url' as const, url: 'javascript:alert(1)' }, ['sourceUrl']],
    [{ kind: 'statement' as const, name: '王某', office: '区卫健委主任' }, []],
    [{ kind: 'statement' as const }, ['sourceName', 'sourceOffice']],
    [{ kind: 'own-count' as const }, []],
  ])('%j misses %j', (source, fields) => {
    expect(sourceProblems(source).map((p) => p.field)).toEqual(fields);
  });
  test('readers see only the parts of the source’s kind', () => {
    expect(publicSource({ kind: 'url', url: ' https://example.org ', title: 'left over', name: 'x' })).toEqual({
      kind: 'url', title: null, page: null, url: 'https://example.org', name: null, office: null,
    });
    expect(publicSource({ kind: null })).toBeNull();
  });
});

describe('what changes the claim', () => {
  const stored = { value: '100000.00', qualifier: 'more-than', countUnit: '次' };
  test.each([
    [{ value: 100000 }, false],
    [{ value: 100001 }, true],
    [{ qualifier: 'about' }, true],
    [{ countUnit: '人次' }, true],
    [{ label: 'renamed' }, false],
    [{}, false],
  ])('%j → %s', (data, changed) => {
    expect(claimChanged(stored, data)).toBe(changed);
  });
  test('an empty unit of count equals none', () => {
    expect(claimChanged({ value: 1, qualifier: 'exact', countUnit: null }, { countUnit: '' })).toBe(false);
  });
});

describe('what blocks approval', () => {
  const figures = [
    { documentId: 'a', label: '视频通话', display: '10万余次', state: 'verified' as const },
    { documentId: 'b', label: '网格员', display: '1000余名', state: 'unverified' as const },
    { documentId: 'c', label: '核酸检测', display: '约50万人', state: 'disputed' as const },
  ];
  test('every figure not verified, named with its display and state in both languages', () => {
    const blockers = approvalBlockers(figures);
    expect(blockers.map((f) => f.documentId)).toEqual(['b', 'c']);
    const message = approvalRefusal(blockers);
    expect(message).toContain('“网格员” 1000余名（未核实）');
    expect(message).toContain('"核酸检测" 约50万人 (disputed)');
  });
  test.each([
    ['in_review', 'approved', true],
    ['draft', 'published', true],
    ['approved', 'published', false],
    ['scheduled', 'published', false],
    ['approved', 'scheduled', false],
    ['in_review', 'changes_requested', false],
  ])('%s → %s needs verified figures: %s', (from, to, needed) => {
    expect(needsVerifiedFigures(from, to)).toBe(needed);
  });
});

describe('roll-ups sum verified figures only', () => {
  const units = [
    { id: 'district', parentId: null },
    { id: 'sub', parentId: 'district' },
  ];
  const g = (unitId: string, value: number, state: FigureGroup['state'], count = 1): FigureGroup => ({ metric: 'calls', countUnit: '次', unitId, qualifier: 'exact', value, count, state });
  test('unverified and disputed groups are left out of the sums and counted up the tree', () => {
    const groups = [g('sub', 10, 'verified'), g('district', 5, 'verified'), g('sub', 7, 'unverified', 2), g('sub', 99, 'disputed')];
    const sums = rollUpGroups(units, groups);
    expect(sums).toEqual([{ metric: 'calls', countUnit: '次', unitId: 'district', value: 15, qualifier: 'exact', count: 2 }]);
    const left = excludedFigures(units, groups);
    expect(left.total).toEqual({ unverified: 2, disputed: 1 });
    expect(left.byRollup.get(rollupKey(sums[0]))).toEqual({ unverified: 2, disputed: 1 });
  });
});
