/**
 * Contracts: zod schemas of every answer of the public API and every payload of the admin
 * routes, the one place a field is declared. The serializers are typed by them, the OpenAPI
 * components are generated from them (./json-schema.ts), the admin and the site import
 * their types, and tests/api/contracts.test.ts parses real answers with them.
 */
export * from './shared';
export * from './public';
export * from './admin';
export { componentSchemas, COMPONENT_PREFIX } from './json-schema';
