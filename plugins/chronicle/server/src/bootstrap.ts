/**
 * Bootstrap: the newsroom's locales, public access and admin layouts. Every step is
 * idempotent, so restarting changes nothing. The roles' rights are set by the application's
 * bootstrap (src/index.ts), once the admin has registered its permission conditions.
 */
import type { Core } from '@strapi/strapi';
import { getService } from './get-service';
import { siteMiddleware } from './middlewares/site';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'locales').ensure();
  await getService(strapi, 'public-access').ensure();
  await getService(strapi, 'layouts').apply();
  getService(strapi, 'upload-guard').install();

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

export default bootstrap;
