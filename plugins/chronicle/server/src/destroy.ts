import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

/**
 * Close what the plugin opened outside Strapi's own connections: the Redis client of the
 * rate limits and the extraction worker threads (services/extraction-pool).
 */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'rate-limits').close();
  await strapi.plugin('chronicle')?.service('extraction')?.closeExtractor?.();
};

export default destroy;
