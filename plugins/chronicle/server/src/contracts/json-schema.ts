/**
 * The contracts as JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1): the component
 * schemas of the OpenAPI document, generated with zod's z.toJSONSchema from the schemas
 * registered in `components`. A field added to a contract appears in the API description
 * with no second edit. Pure module.
 */
import { z } from 'zod';
import { components } from './shared';
// The public answers register themselves in `components` when their module loads.
import './public';

type Json = Record<string, unknown>;

export const COMPONENT_PREFIX = '#/components/schemas/';

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Drops what zod writes that says nothing to a reader of the API description: `$schema` and
 * `$id` on each component (the document says both), the ±2^53 bounds zod gives every
 * integer, and the regular expression beside a `format: date` / `date-time` (the format
 * says it).
 */
const tidy = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(tidy);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' || key === '$id') continue;
    if (key === 'pattern' && (node.format === 'date' || node.format === 'date-time')) continue;
    if (node.type === 'integer' && (key === 'minimum' || key === 'maximum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER) continue;
    out[key] = tidy(value);
  }
  return out;
};

/** Every registered contract as a component schema, keyed by its id. */
export const componentSchemas = (): Record<string, Json> => {
  const { schemas } = z.toJSONSchema(components, { target: 'draft-2020-12', uri: (id) => `${COMPONENT_PREFIX}${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, tidy(schema) as Json]));
};
