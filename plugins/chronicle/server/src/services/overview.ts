/** Counts of the newsroom's records, for the admin's Newsroom page and the status route. */
import type { Core } from '@strapi/strapi';
import { EDITORIAL_TYPES, REFERENCE_TYPES, typeUid, type TypeName } from '../domain/content-types';

const overview = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Documents per type; for editorial types, how many are published. */
  async counts() {
    const result: Record<string, { documents: number; published?: number }> = {};
    const types: TypeName[] = [...REFERENCE_TYPES, ...EDITORIAL_TYPES];
    for (const type of types) {
      const documents = await strapi.documents(typeUid(type) as never).count({});
      const entry: { documents: number; published?: number } = { documents };
      if (EDITORIAL_TYPES.includes(type)) {
        entry.published = await strapi.documents(typeUid(type) as never).count({ status: 'published' } as never);
      }
      result[type] = entry;
    }
    return result;
  },
});

export type OverviewService = ReturnType<typeof overview>;
export default overview;
