/** GET /chronicle/overview — admin: counts of the newsroom's records. */
import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';

const overview = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    ctx.body = { counts: await getService(strapi, 'overview').counts() };
  },
});

export default overview;
