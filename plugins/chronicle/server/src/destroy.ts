import type { Core } from '@strapi/strapi';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // The extraction worker threads (services/extraction-pool).
  await strapi.plugin('chronicle')?.service('extraction')?.closeExtractor?.();
};

export default destroy;
