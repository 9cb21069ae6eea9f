/**
 * Typed access to the plugin's services: getService(strapi, 'roles') is checked by the compiler. For
 * controllers, middlewares and the lifecycles; a service reaches a sibling by that sibling's own
 * type instead (services/index.ts imports every service, so a service importing this file
 * would close a circle: src/__tests__/layers.test.ts).
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_NAME } from './domain/content-types';
import type { ServiceMap } from './services';

export const getService = <K extends keyof ServiceMap>(strapi: Core.Strapi, name: K): ServiceMap[K] =>
  strapi.plugin(PLUGIN_NAME).service(name) as ServiceMap[K];
