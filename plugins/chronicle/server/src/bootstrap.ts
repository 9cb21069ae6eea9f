/**
 * Bootstrap: the newsroom's locales, roles, public access and admin layouts. Every step is
 * idempotent, so restarting changes nothing.
 */
import type { Core } from '@strapi/strapi';
import { getService } from './get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'locales').ensure();
  await getService(strapi, 'roles').ensure();
  await getService(strapi, 'public-access').ensure();
  await getService(strapi, 'layouts').apply();
};

export default bootstrap;
