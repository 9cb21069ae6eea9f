/** Typed access to the plugin's services: getService(strapi, 'roles') is checked by the compiler. */
import type { Core } from '@strapi/strapi';
import type { ServiceMap } from './services';

export const getService = <K extends keyof ServiceMap>(strapi: Core.Strapi, name: K): ServiceMap[K] =>
  strapi.plugin('chronicle').service(name) as ServiceMap[K];
