import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

/** Close what the plugin opened outside Strapi's own connections (the Redis client of the rate limits). */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'rate-limits').close();
};

export default destroy;
