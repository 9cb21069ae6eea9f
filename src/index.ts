/**
 * The application's lifecycles. The newsroom lives in the chronicle plugin; the one thing
 * done here is the roles' rights, because they need the admin's permission conditions
 * (admin::is-creator), which the admin registers in its own bootstrap, after the plugins'.
 * The application's bootstrap runs after every plugin's and the admin's.
 */
import type { Core } from '@strapi/strapi';

export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.plugin('chronicle').service('roles').ensure();
  },
};
