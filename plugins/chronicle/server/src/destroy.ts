import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

/**
 * Close what the plugin opened outside Strapi's own connections: the Redis client of the
 * rate limits, the extraction worker threads (services/extraction-pool), and the live
 * timeline's streams and channel (services/live.ts).
 */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'live').close();
  await getService(strapi, 'rate-limits').close();
  await strapi.plugin('chronicle')?.service('extraction')?.closeExtractor?.();
};

export default destroy;
