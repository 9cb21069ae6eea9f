import { CM_ACTIONS, editorGrants, OWN_OR_PUBLISHED, reporterGrants, workflowActionId } from '../permissions';

describe('newsroom roles', () => {
  const reporter = reporterGrants();
  const editor = editorGrants();

  test('a reporter never publishes, approves or touches the audit trail', () => {
    expect(reporter.some((g) => g.action === CM_ACTIONS.publish)).toBe(false);
    expect(reporter.some((g) => g.action === workflowActionId('workflow.approve'))).toBe(false);
    expect(reporter.some((g) => g.action === workflowActionId('workflow.publish'))).toBe(false);
    expect(reporter.some((g) => g.subject === 'workflow-transition')).toBe(false);
    expect(reporter.some((g) => g.action === workflowActionId('workflow.submit'))).toBe(true);
  });

  test('a reporter edits and deletes only their own documents, and reads their own work and what is published', () => {
    for (const g of reporter.filter((g) => g.action === CM_ACTIONS.update || g.action === CM_ACTIONS.delete)) {
      expect(g.ownOnly).toBe(true);
    }
    for (const subject of ['field-report', 'chronicle', 'frontline-profile', 'timeline-event', 'grid-statistic']) {
      expect(reporter.find((g) => g.action === CM_ACTIONS.read && g.subject === subject)?.ownOrPublished).toBe(true);
    }
    expect(reporter.find((g) => g.action === CM_ACTIONS.read && g.subject === 'unit')?.ownOnly).toBeFalsy();
    expect(reporter.find((g) => g.action === CM_ACTIONS.read && g.subject === 'unit')?.ownOrPublished).toBeFalsy();
    expect(reporter.some((g) => g.subject === 'unit' && g.action !== CM_ACTIONS.read)).toBe(false);
  });

  test('an editor publishes every editorial type and holds every workflow action', () => {
    for (const subject of ['field-report', 'chronicle', 'frontline-profile', 'timeline-event', 'grid-statistic']) {
      expect(editor).toContainEqual({ action: CM_ACTIONS.publish, subject });
    }
    expect(editor.filter((g) => g.action.startsWith('plugin::chronicle.workflow.')).map((g) => g.action).sort()).toEqual([
      'plugin::chronicle.workflow.approve',
      'plugin::chronicle.workflow.publish',
      'plugin::chronicle.workflow.submit',
    ]);
  });

  test('an editor only reads the audit trail', () => {
    expect(editor.filter((g) => g.subject === 'workflow-transition')).toEqual([
      { action: CM_ACTIONS.read, subject: 'workflow-transition' },
    ]);
  });

  test('no role holds the same grant twice', () => {
    for (const grants of [reporter, editor]) {
      const keys = grants.map((g) => `${g.action}|${g.subject ?? ''}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  test("the reporter's read condition: own rows, published rows, and drafts that are the published version", () => {
    const q = OWN_OR_PUBLISHED.handler({ id: 7 });
    expect(q).toEqual({
      $or: [{ 'createdBy.id': 7 }, { publishedAt: { $ne: null } }, { workflowState: { $in: ['published', 'corrected'] } }],
    });
  });
});
