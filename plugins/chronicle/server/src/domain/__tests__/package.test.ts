import { WORKFLOW_STATES, type WorkflowState } from '../enums';
import { movedWithNote, packageRefusal, planPackage, type PackageItem } from '../package';
import { renderMessage } from '../messages';
import { nextStates } from '../workflow';

const item = (title: string, state: WorkflowState, type: PackageItem['type'] = 'timeline-event'): PackageItem => ({
  uid: `plugin::chronicle.${type}`,
  type,
  documentId: `doc-${title}`,
  title,
  state,
});
const titles = (items: PackageItem[]) => items.map((i) => i.title);

/** One item in each state, titled by its state. */
const everyState = WORKFLOW_STATES.map((s) => item(s, s));

describe('which items move with the report', () => {
  test.each<[WorkflowState, WorkflowState, WorkflowState[]]>([
    ['draft', 'in_review', ['draft', 'changes_requested']],
    ['changes_requested', 'in_review', ['draft', 'changes_requested']],
    ['in_review', 'changes_requested', ['in_review']],
    ['approved', 'changes_requested', ['in_review', 'approved']],
    ['in_review', 'approved', ['in_review']],
    ['approved', 'scheduled', ['approved']],
    ['scheduled', 'approved', ['scheduled']],
    ['approved', 'published', ['approved', 'scheduled']],
    ['scheduled', 'published', ['approved', 'scheduled']],
    ['in_review', 'draft', []],
    ['published', 'corrected', []],
    ['published', 'withdrawn', []],
    ['withdrawn', 'draft', []],
  ])('%s → %s moves items in %j', (from, to, moved) => {
    expect(titles(planPackage(from, to, everyState).moves)).toEqual(moved);
  });

  test('every carried step is a step the items can take themselves', () => {
    for (const from of WORKFLOW_STATES) {
      for (const to of nextStates(from)) {
        for (const moved of planPackage(from, to, everyState).moves) {
          expect(nextStates(moved.state)).toContain(to);
        }
      }
    }
  });

  test('an empty package moves nothing and blocks nothing', () => {
    expect(planPackage('approved', 'published', [])).toEqual({ moves: [], blocked: [], gated: true });
  });
});

describe('which items stop the report', () => {
  test('publishing: anything not approved, scheduled or already live', () => {
    const plan = planPackage('approved', 'published', everyState);
    expect(plan.gated).toBe(true);
    expect(titles(plan.blocked)).toEqual(['draft', 'in_review', 'changes_requested', 'withdrawn']);
  });

  test('scheduling: anything not approved, scheduled or live', () => {
    expect(titles(planPackage('approved', 'scheduled', everyState).blocked)).toEqual([
      'draft',
      'in_review',
      'changes_requested',
      'withdrawn',
    ]);
  });

  test('approving: anything not in review or beyond it', () => {
    expect(titles(planPackage('in_review', 'approved', everyState).blocked)).toEqual(['draft', 'changes_requested', 'withdrawn']);
  });

  test('submitting, requesting changes and unscheduling never stop the report', () => {
    for (const [from, to] of [
      ['draft', 'in_review'],
      ['in_review', 'changes_requested'],
      ['scheduled', 'approved'],
    ] as Array<[WorkflowState, WorkflowState]>) {
      const plan = planPackage(from, to, everyState);
      expect(plan.gated).toBe(false);
      expect(plan.blocked).toEqual([]);
    }
  });

  test('an item already published stays and does not stop the report', () => {
    const plan = planPackage('approved', 'published', [item('A', 'published'), item('B', 'approved', 'grid-statistic')]);
    expect(titles(plan.moves)).toEqual(['B']);
    expect(plan.blocked).toEqual([]);
  });

  test('one item with changes requested stops publication', () => {
    const plan = planPackage('approved', 'published', [item('A', 'approved'), item('B', 'changes_requested')]);
    expect(titles(plan.blocked)).toEqual(['B']);
  });
});

describe('messages', () => {
  test('the refusal names each item by title and state (and why), one language at a time, by code', () => {
    const refusal = packageRefusal('published', [
      { type: 'timeline-event', documentId: 'e1', title: '封控区调整', state: 'changes_requested' },
      {
        type: 'grid-statistic',
        documentId: 's1',
        title: '新增病例',
        state: 'approved',
        reason: { code: 'workflow.embargoed', params: { embargo: '2026-12-04T00:00:00.000Z' } },
      },
    ]);
    expect(refusal.code).toBe('package.blocked');
    expect(refusal.message).toBe(
      'the report cannot be published until its linked items can go with it: "封控区调整" (changes requested), ' +
        '"新增病例" (approved: embargoed until 2026-12-04T00:00:00.000Z; schedule it instead)'
    );
    expect(renderMessage(refusal.code, refusal.params, 'zh-Hans')).toBe(
      '稿件的关联条目尚不能一并发布，请先处理：《封控区调整》（退回修改）、《新增病例》（已审定：禁发至 2026年12月4日 08:00（北京时间），请改为定时发布）'
    );
  });

  test('the audit note says which report the item moved with, and keeps the editor’s note', () => {
    expect(movedWithNote('网格员入户排查')).toBe('随稿件《网格员入户排查》一并流转 / moved with report "网格员入户排查"');
    expect(movedWithNote('网格员入户排查', ' 补充来源 ')).toBe('随稿件《网格员入户排查》一并流转 / moved with report "网格员入户排查": 补充来源');
  });
});
