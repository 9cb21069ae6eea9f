/**
 * The users-permissions Public role may call the plugin's public (content-api) routes and
 * nothing else: Strapi's default public grants (self-registration, password reset …) are
 * removed, since readers never hold accounts here. The allowed actions are read from the content-api router
 * itself, so a new public route is opened by declaring it, and a removed one is closed. The router
 * is the one Strapi routes (the plugin's table plus any routes the tooling added before bootstrap:
 * the benchmark's, see tooling/index.ts).
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_NAME, pluginUid } from '../domain/content-types';
import contentApiRoutes from '../routes/content-api';

const PERMISSION_UID = 'plugin::users-permissions.permission';

export const publicActions = (routes: ReadonlyArray<{ handler: string }> = contentApiRoutes.routes): string[] =>
  [...new Set(routes.map((route) => pluginUid(route.handler)))].sort();

/** The content-api routes Strapi was given: the plugin's table as the tooling may have extended it. */
const routedContentApi = (strapi: Core.Strapi): ReadonlyArray<{ handler: string }> =>
  (strapi.plugin(PLUGIN_NAME).routes as Record<string, { routes?: Array<{ handler: string }> }>)['content-api']?.routes ??
  contentApiRoutes.routes;

const publicAccess = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensure() {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    if (!role) return;
    const wanted = publicActions(routedContentApi(strapi));
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
