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
}

export const REPORTER_ROLE = {
  code: 'chronicle-reporter',
  name: 'Reporter',
  description: 'Reporters and correspondents: draft their own field reports, profiles, events and figures; submit for review; never publish.',
};

/**
 * Reporter: Author-like on the editorial types (own entries, no publish), may read every
 * unit, contributor, profile, chronicle, event and figure so they can link to them, but
 * sees only their own field reports. Never touches the audit trail.
 */
export const reporterGrants = (): PermissionGrant[] => [
  ...EDITORIAL_TYPES.flatMap((subject): PermissionGrant[] => [
    { action: CM_ACTIONS.create, subject },
    { action: CM_ACTIONS.read, subject, ownOnly: subject === 'field-report' },
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
