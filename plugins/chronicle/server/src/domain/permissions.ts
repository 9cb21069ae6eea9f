/**
 * The newsroom's roles as data (docs/editors.md#who-may-do-what): which Content Manager actions each role gets
 * on which chronicle type, and the plugin's own workflow actions. Pure module; the
 * bootstrap turns it into Strapi admin permissions.
 */
import { EDITORIAL_TYPES, pluginUid, REFERENCE_TYPES, typeUid, type TypeName } from './content-types';

export const WORKFLOW_ACTIONS = ['workflow.submit', 'workflow.approve', 'workflow.publish'] as const;
export const workflowActionId = (action: (typeof WORKFLOW_ACTIONS)[number]) => pluginUid(action);

/** Opening the plugin's Newsroom page in the admin. */
export const NEWSROOM_PAGE_ACTION = pluginUid('read');

const CM = 'plugin::content-manager.explorer';
export const CM_ACTIONS = {
  create: `${CM}.create`,
  read: `${CM}.read`,
  update: `${CM}.update`,
  delete: `${CM}.delete`,
  publish: `${CM}.publish`,
} as const;

export interface PermissionGrant {
  action: string;
  subject?: TypeName;
  /** Only the documents the user created (Strapi's admin::is-creator condition). */
  ownOnly?: boolean;
  /** Only the user's own rows and rows readers can see (OWN_OR_PUBLISHED). */
  ownOrPublished?: boolean;
}

/**
 * A Reporter reads what readers can read, and their own work: a row they created, a
 * published row, or a draft row that is exactly the published version (workflow state
 * `published` or `corrected`, the live states: any edit moves the draft back to draft or in
 * review). Others' drafts, reviews, approvals and withdrawn records stay out of every list,
 * form, picker and history.
 * Written with the operators Strapi both turns into SQL and matches in memory ($ne, $in).
 */
export const OWN_OR_PUBLISHED = {
  name: 'own-or-published',
  displayName: 'Own, or published',
  handler: (user: { id: number | string }) => ({
    $or: [{ 'createdBy.id': user.id }, { publishedAt: { $ne: null } }, { workflowState: { $in: ['published', 'corrected'] } }],
  }),
} as const;
/** Strapi names a plugin's condition plugin::<plugin>.<name>. */
export const OWN_OR_PUBLISHED_ID = pluginUid(OWN_OR_PUBLISHED.name);

export const REPORTER_ROLE = {
  code: 'chronicle-reporter',
  name: 'Reporter',
  description: 'Reporters and correspondents: draft their own field reports, profiles, events and figures; submit for review; never publish.',
};

/**
 * Reporter: Author-like on the editorial types (own entries, no publish); reads their own
 * work and what is published (OWN_OR_PUBLISHED) so they can link to it, and every unit and
 * contributor. Never touches the audit trail.
 */
export const reporterGrants = (): PermissionGrant[] => [
  ...EDITORIAL_TYPES.flatMap((subject): PermissionGrant[] => [
    { action: CM_ACTIONS.create, subject },
    { action: CM_ACTIONS.read, subject, ownOrPublished: true },
    { action: CM_ACTIONS.update, subject, ownOnly: true },
    { action: CM_ACTIONS.delete, subject, ownOnly: true },
  ]),
  ...REFERENCE_TYPES.map((subject): PermissionGrant => ({ action: CM_ACTIONS.read, subject })),
  { action: 'plugin::upload.read', ownOnly: true },
  { action: 'plugin::upload.assets.create' },
  { action: 'plugin::upload.assets.update', ownOnly: true },
  { action: 'plugin::upload.assets.download' },
  { action: 'plugin::upload.assets.copy-link' },
  { action: workflowActionId('workflow.submit') },
  { action: NEWSROOM_PAGE_ACTION },
];

/** Editor: everything on the chronicle types (audit trail: read only) plus the workflow actions. */
export const editorGrants = (): PermissionGrant[] => [
  ...[...EDITORIAL_TYPES, ...REFERENCE_TYPES].flatMap((subject): PermissionGrant[] =>
    (Object.values(CM_ACTIONS) as string[])
      .filter((action) => action !== CM_ACTIONS.publish || EDITORIAL_TYPES.includes(subject))
      .map((action) => ({ action, subject }))
  ),
  { action: CM_ACTIONS.read, subject: 'workflow-transition' },
  ...WORKFLOW_ACTIONS.map((action) => ({ action: workflowActionId(action) })),
  { action: NEWSROOM_PAGE_ACTION },
];

export const subjectUid = (grant: PermissionGrant) => (grant.subject ? typeUid(grant.subject) : null);
