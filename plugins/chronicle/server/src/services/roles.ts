/**
 * Creates and updates the Reporter and Editor roles' rights on the chronicle types (docs/editors.md#who-may-do-what).
 * Idempotent: the full set of each role's chronicle permissions is recomputed and assigned,
 * so restarting changes nothing, and rights the operator gave on other types are kept.
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_NAME, PLUGIN_UID_PREFIX } from '../domain/content-types';
import {
  editorGrants,
  OWN_OR_PUBLISHED_ID,
  reporterGrants,
  REPORTER_ROLE,
  subjectUid,
  type PermissionGrant,
} from '../domain/permissions';
import type { LocalesService } from './locales';

interface Permission {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
}

const isChronicle = (p: Permission) =>
  p.action.startsWith(PLUGIN_UID_PREFIX) || (p.subject ?? '').startsWith(PLUGIN_UID_PREFIX);

const roles = ({ strapi }: { strapi: Core.Strapi }) => {
  const toPermissions = async (grants: PermissionGrant[]): Promise<Permission[]> => {
    const contentTypeService = strapi.service('admin::content-type');
    const { actionProvider } = strapi.service('admin::permission');
    // A sibling service by its own type: services/index.ts (the service map) imports this file.
    const locales = await (strapi.plugin(PLUGIN_NAME).service('locales') as LocalesService).codes();
    const permissions: Permission[] = [];
    for (const grant of grants) {
      const subject = subjectUid(grant);
      // Only the properties Strapi keeps for this action, or the stored permission would
      // differ from the wanted one and be rewritten at every start.
      const properties: Record<string, unknown> = {};
      if (subject && (await actionProvider.appliesToProperty('fields', grant.action, subject))) {
        const contentType = strapi.contentTypes[subject as keyof typeof strapi.contentTypes];
        properties.fields = contentTypeService.getNestedFields(contentType, { components: strapi.components });
      }
      if (subject && (await actionProvider.appliesToProperty('locales', grant.action, subject))) {
        properties.locales = locales;
      }
      permissions.push({
        action: grant.action,
        subject,
        properties,
        conditions: grant.ownOnly ? ['admin::is-creator'] : grant.ownOrPublished ? [OWN_OR_PUBLISHED_ID] : [],
      });
    }
    return permissions;
  };

  /** Replace the role's chronicle permissions by `wanted`, keep everything else it has. */
  const assign = async (roleId: number, wanted: Permission[]) => {
    const roleService = strapi.service('admin::role');
    const current = (await strapi.service('admin::permission').findMany({
      where: { role: { id: roleId } },
    })) as Permission[];
    const kept = current
      .filter((p) => !isChronicle(p))
      .map(({ action, subject, properties, conditions }) => ({ action, subject, properties, conditions }));
    await roleService.assignPermissions(roleId, [...kept, ...wanted]);
  };

  return {
    async ensure() {
      const roleService = strapi.service('admin::role');
      // Our bootstrap may run before the admin's: let Strapi create its default roles
      // (Super Admin, Editor, Author) first, or it would skip them once ours exists.
      await roleService.createRolesIfNoneExist();
      let reporter = await roleService.findOne({ code: REPORTER_ROLE.code });
      if (!reporter) reporter = await roleService.create(REPORTER_ROLE);
      await assign(reporter.id, await toPermissions(reporterGrants()));

      const editor = await roleService.findOne({ code: 'strapi-editor' });
      if (editor) await assign(editor.id, await toPermissions(editorGrants()));
    },

    async roleIdByCode(code: string): Promise<number | undefined> {
      const role = await strapi.service('admin::role').findOne({ code });
      return role?.id;
    },
  };
};

export type RolesService = ReturnType<typeof roles>;
export default roles;
