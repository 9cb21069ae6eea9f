/**
 * Where a ChronicleError thrown anywhere below becomes an answer: the public API's
 * controllers, the plugin's admin routes, and the document-service guards under the Content
 * Manager all throw it and let it rise to here. Installed at bootstrap (after Strapi's global
 * middlewares, before its router and the site); every other error rises on to strapi::errors.
 */
import { isChronicleError, sendError } from '../errors';

export const chronicleErrors = () => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (error) {
    if (!isChronicleError(error)) throw error;
    sendError(ctx, error);
  }
};
