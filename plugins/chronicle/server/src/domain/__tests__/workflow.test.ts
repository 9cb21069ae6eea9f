import { WORKFLOW_STATES, type WorkflowState } from '../enums';
import { decide, nextStates, RULES, stateAfterEdit, type Actor, type DocumentFacts } from '../workflow';

const NOW = new Date('2022-03-07T02:00:00Z');
const reporter: Actor = { kind: 'user', id: 1, name: 'reporter', permissions: new Set(['submit']) };
const reporter2: Actor = { kind: 'user', id: 2, name: 'reporter2', permissions: new Set(['submit']) };
const editor: Actor = { kind: 'user', id: 3, name: 'editor', permissions: new Set(['submit', 'approve', 'publish']) };
const system: Actor = { kind: 'system', name: 'system:scheduler', permissions: new Set() };

const doc = (state: WorkflowState, extra: Partial<DocumentFacts> = {}): DocumentFacts => ({ state, createdBy: 1, ...extra });

describe('the transition table', () => {
  const allowed: Array<[WorkflowState, WorkflowState]> = RULES.flatMap((r) => r.from.map((f) => [f, r.to] as [WorkflowState, WorkflowState]));

  test.each(WORKFLOW_STATES.flatMap((from) => WORKFLOW_STATES.map((to) => [from, to] as const)))(
    '%s → %s is a 409 exactly when no rule exists',
    (from, to) => {
      const verdict = decide(
        doc(from),
        { to, note: 'note', publishAt: '2022-03-08T00:00:00Z', correction: { kind: 'correction', text: 'fixed' } },
        system,
        NOW
      );
      const exists = allowed.some(([f, t]) => f === from && t === to);
      expect(verdict.ok).toBe(exists);
      if (!verdict.ok) expect(verdict.status).toBe(409);
    }
  );

  test('the 409 message lists where the document can go', () => {
    const verdict = decide(doc('draft'), { to: 'published' }, editor, NOW);
    expect(verdict).toEqual({
      ok: false,
      status: 409,
      message: 'cannot go from draft to published; from draft the document can go to in_review',
      code: 'workflow.no-transition',
      params: { from: 'draft', to: 'published', options: ['in_review'] },
    });
  });

  test('every state but a dead end has a way forward', () => {
    for (const state of WORKFLOW_STATES) expect(nextStates(state).length).toBeGreaterThan(0);
  });
});

describe('who may do what', () => {
  test('the author submits their draft; another reporter may not', () => {
    expect(decide(doc('draft'), { to: 'in_review' }, reporter, NOW)).toEqual({ ok: true, effects: [] });
    expect(decide(doc('draft'), { to: 'in_review' }, reporter2, NOW)).toMatchObject({ ok: false, status: 403 });
  });

  test('an editor may submit anyone’s draft', () => {
    expect(decide(doc('draft'), { to: 'in_review' }, editor, NOW).ok).toBe(true);
  });

  test('a reporter cannot approve, schedule, publish, correct or withdraw', () => {
    expect(decide(doc('in_review', { createdBy: 9 }), { to: 'approved' }, reporter, NOW)).toMatchObject({ ok: false, status: 403 });
    expect(decide(doc('approved'), { to: 'published' }, reporter, NOW)).toMatchObject({ ok: false, status: 403 });
    expect(decide(doc('approved'), { to: 'scheduled', publishAt: '2022-03-08T00:00:00Z' }, reporter, NOW)).toMatchObject({ ok: false, status: 403 });
    expect(decide(doc('published'), { to: 'corrected', correction: { kind: 'update', text: 'x' } }, reporter, NOW)).toMatchObject({ ok: false, status: 403 });
    expect(decide(doc('published'), { to: 'withdrawn', note: 'x' }, reporter, NOW)).toMatchObject({ ok: false, status: 403 });
  });

  test('nobody approves their own work, not even an editor', () => {
    const own = doc('in_review', { createdBy: editor.id });
    expect(decide(own, { to: 'approved' }, editor, NOW)).toMatchObject({ ok: false, status: 403, message: 'an author cannot approve their own work', code: 'workflow.own-work' });
    const submitted = doc('in_review', { createdBy: 1, submittedBy: editor.id });
    expect(decide(submitted, { to: 'approved' }, editor, NOW)).toMatchObject({ ok: false, status: 403 });
    expect(decide(doc('in_review', { createdBy: 1, submittedBy: 1 }), { to: 'approved' }, editor, NOW)).toEqual({ ok: true, effects: [] });
  });

  test('nobody approves a revision they wrote since the submission', () => {
    const rewritten = doc('in_review', { createdBy: 1, submittedBy: 1, writers: [1, editor.id] });
    expect(decide(rewritten, { to: 'approved' }, editor, NOW)).toEqual({
      ok: false,
      status: 403,
      message: 'you changed this document since it was submitted; another editor must approve it',
      code: 'workflow.changed-since-submitted',
      params: {},
    });
    expect(decide(doc('in_review', { createdBy: 1, submittedBy: 1, writers: [1] }), { to: 'approved' }, editor, NOW)).toEqual({ ok: true, effects: [] });
    // Asking for changes stays open to a writer: it approves nothing.
    expect(decide(rewritten, { to: 'changes_requested', note: 'n' }, editor, NOW)).toEqual({ ok: true, effects: [] });
  });

  test('a system actor follows the same table', () => {
    expect(decide(doc('draft'), { to: 'published' }, system, NOW)).toMatchObject({ ok: false, status: 409 });
  });
});

describe('what a transition needs', () => {
  test('changes are requested with a note', () => {
    expect(decide(doc('in_review', { createdBy: 9 }), { to: 'changes_requested' }, editor, NOW)).toMatchObject({ ok: false, status: 400 });
    expect(decide(doc('in_review', { createdBy: 9 }), { to: 'changes_requested', note: '请补充时间' }, editor, NOW).ok).toBe(true);
  });

  test('a withdrawal needs a public reason and unpublishes', () => {
    expect(decide(doc('published'), { to: 'withdrawn', note: '  ' }, editor, NOW)).toMatchObject({ ok: false, status: 400 });
    expect(decide(doc('corrected'), { to: 'withdrawn', note: '当事人撤回授权' }, editor, NOW)).toEqual({ ok: true, effects: ['unpublish', 'set-withdrawal'] });
  });

  test('a correction needs its text and republishes', () => {
    expect(decide(doc('published'), { to: 'corrected' }, editor, NOW)).toMatchObject({ ok: false, status: 400 });
    expect(decide(doc('published'), { to: 'corrected', correction: { kind: 'correction', text: '' } }, editor, NOW)).toMatchObject({ ok: false, status: 400 });
    expect(decide(doc('published'), { to: 'corrected', correction: { kind: 'correction', text: '人数应为1144名' } }, editor, NOW)).toEqual({
      ok: true,
      effects: ['append-correction', 'publish'],
    });
  });

  test.each([
    [undefined, 'publishAt is required to schedule publication'],
    ['yesterday', 'publishAt must be an ISO 8601 date-time'],
    ['2022-03-07T01:59:59Z', 'publishAt must be in the future'],
  ])('scheduling with publishAt %p is a 400: %s', (publishAt, message) => {
    expect(decide(doc('approved'), { to: 'scheduled', publishAt }, editor, NOW)).toMatchObject({ ok: false, status: 400, message, code: expect.stringMatching(/^workflow\.publish-at\./) });
  });

  test('scheduling keeps the instant, normalised to UTC', () => {
    expect(decide(doc('approved'), { to: 'scheduled', publishAt: '2022-03-08T08:00:00+08:00' }, editor, NOW)).toEqual({
      ok: true,
      effects: ['schedule'],
      scheduledFor: '2022-03-08T00:00:00.000Z',
    });
  });
});

describe('embargo and schedule', () => {
  const embargoed = doc('approved', { embargoUntil: '2022-03-08T00:00:00Z' });

  test('an embargoed document is not published before its time', () => {
    expect(decide(embargoed, { to: 'published' }, editor, NOW)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/embargoed until 2022-03-08/) });
    expect(decide(embargoed, { to: 'published' }, editor, new Date('2022-03-08T00:00:00Z')).ok).toBe(true);
  });

  test('it may not be scheduled before the embargo either', () => {
    expect(decide(embargoed, { to: 'scheduled', publishAt: '2022-03-07T12:00:00Z' }, editor, NOW)).toMatchObject({ ok: false, status: 400 });
    expect(decide(embargoed, { to: 'scheduled', publishAt: '2022-03-08T00:00:00Z' }, editor, NOW).ok).toBe(true);
  });

  test('a scheduled document is published when due, not before', () => {
    const scheduled = doc('scheduled', { scheduledFor: '2022-03-07T03:00:00Z' });
    expect(decide(scheduled, { to: 'published' }, system, NOW)).toMatchObject({ ok: false, status: 409 });
    expect(decide(scheduled, { to: 'published' }, system, new Date('2022-03-07T03:00:00Z'))).toEqual({ ok: true, effects: ['clear-withdrawal', 'publish', 'unschedule'] });
  });
});

describe('editing', () => {
  test.each([
    ['draft', 'draft'],
    ['in_review', 'in_review'],
    ['changes_requested', 'changes_requested'],
    ['approved', 'in_review'],
    ['scheduled', 'in_review'],
    ['published', 'in_review'],
    ['corrected', 'in_review'],
    ['withdrawn', 'withdrawn'],
  ] as const)('an edit in %s leaves it %s', (before, after) => {
    expect(stateAfterEdit(before)).toBe(after);
  });
});
