/**
 * Bootstrap: the newsroom's locales, public access and admin layouts. Every step is
 * idempotent, so restarting changes nothing. The roles' rights are set by the application's
 * bootstrap (src/index.ts), once the admin has registered its permission conditions.
 */
import type { Core } from '@strapi/strapi';
import { collationWarning, isBytewiseCollation } from './domain/collation';
import { PLUGIN_NAME } from './domain/content-types';
import { OWN_OR_PUBLISHED } from './domain/permissions';
import { getService } from './get-service';
import { chronicleErrors } from './middlewares/errors';
import { installFastPath } from './middlewares/fast-hit';
import { publicHitMiddleware } from './middlewares/public-hit';
import { siteMiddleware } from './middlewares/site';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // The Reporter's read condition (domain/permissions): registered before the application's
  // bootstrap assigns the roles, and while conditions may still be registered.
  await strapi.service('admin::permission').conditionProvider.register({ ...OWN_OR_PUBLISHED, plugin: PLUGIN_NAME });
  await getService(strapi, 'locales').ensure();
  await getService(strapi, 'public-access').ensure();
  await getService(strapi, 'layouts').apply();
  getService(strapi, 'upload-guard').install();
  await warnAboutCollation(strapi);
  await getService(strapi, 'rate-limits').prepare();
  // The search index's tables (and pg_trgm), rebuilt when empty or of another version.
  await getService(strapi, 'search-index').prepare();

  // Our refusals (errors.ts), answered in one place for the API, the admin routes and the
  // document-service guards; before the router, like the site.
  strapi.server.use(chronicleErrors());

  // Public API cache hits, answered here before the router like the site's pages (issue 19),
  // when the fast path below did not answer them.
  getService(strapi, 'public-cache').watchPermissions();
  strapi.server.use(publicHitMiddleware(strapi));
  // The live timeline (services/live.ts): its bus also carries the cache's revisions.
  await getService(strapi, 'live').start();
  // Cache hits of the API and the site answered before koa (middlewares/fast-hit.ts).
  installFastPath(strapi);

  // The public site (docs/site.md). Installed here rather than in register() so it runs after
  // the global middlewares (logger, errors, security, query …) and before Strapi's router.
  strapi.server.use(siteMiddleware(strapi));

  // Scheduled publishing, every minute; runs only where cron is enabled (config/server.ts).
  strapi.cron.add({
    chronicleScheduledPublishing: {
      task: async () => {
        await getService(strapi, 'workflow').publishDue();
      },
      options: { rule: '* * * * *' },
    },
  });
};

/** PostgreSQL: say at boot when the database orders text differently from SQLite (domain/collation). */
const warnAboutCollation = async (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client !== 'postgres') return;
  const result = await strapi.db.connection.raw('SELECT current_database() AS name, datcollate AS collation FROM pg_database WHERE datname = current_database()');
  const row = (result.rows ?? [])[0] as { name: string; collation: string } | undefined;
  if (row && !isBytewiseCollation(row.collation)) strapi.log.warn(collationWarning(row.name, row.collation));
};

export default bootstrap;
