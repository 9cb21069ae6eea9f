/**
 * The users-permissions Public role may call the plugin's public (content-api) routes and
 * nothing else: Strapi's default public grants (self-registration, password reset …) are
 * removed, since readers never hold accounts here. The allowed actions are read from the content-api router
 * itself, so a new public route is opened by declaring it, and a removed one is closed.
 */
import type { Core } from '@strapi/strapi';
import { pluginUid } from '../domain/content-types';
import contentApiRoutes from '../routes/content-api';

const PERMISSION_UID = 'plugin::users-permissions.permission';

export const publicActions = (): string[] =>
  [...new Set(contentApiRoutes.routes.map((route) => pluginUid(route.handler)))].sort();

const publicAccess = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensure() {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    if (!role) return;
    const wanted = publicActions();
    const existing = (await strapi.db.query(PERMISSION_UID).findMany({
      where: { role: role.id },
    })) as Array<{ id: number; action: string }>;
    const have = new Set(existing.map((p) => p.action));
    for (const action of wanted.filter((a) => !have.has(a))) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
    const stale = existing.filter((p) => !wanted.includes(p.action)).map((p) => p.id);
    if (stale.length) await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: stale } } });
  },
});

export type PublicAccessService = ReturnType<typeof publicAccess>;
export default publicAccess;
