/**
 * The OpenAPI document after its component schemas came to be generated from the contracts
 * (z.toJSONSchema) is equivalent to the hand-written one it replaced
 * (__fixtures__/openapi-before-contracts.json, built from domain/openapi.ts before the
 * change): the same paths, operations, parameters and responses, and component schemas that
 * accept the same fields with the same types. The comparison normalises only what JSON Schema
 * generation spells differently without changing what a schema accepts; the last tests show
 * that a real change still fails it. The document stays valid OpenAPI 3.1.
 *
 * A deliberate change to the API description (a new route, a new field) replaces the fixture
 * with the new document (JSON.stringify(openApiDocument(), null, 2)) in the same commit, so the
 * diff of the fixture shows exactly what the description gained.
 */
import { z } from 'zod';
import before from '../__fixtures__/openapi-before-contracts.json';
import { openApiDocument } from '../openapi';
import { components } from '../../contracts/shared';
import { openApiShape } from '../../../../../../tests/helpers/openapi-shape';

type Json = Record<string, any>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Spellings of the same schema: `additionalProperties: {}` (or true) is the default; a string
 * `propertyNames` says nothing in JSON; an empty `properties`, or a property whose schema is
 * `{}` in an object open to more properties, constrains nothing; `type` beside a `const` of
 * that type is implied by it; `required` is a set.
 */
export const normalise = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(normalise);
  if (!isObject(node)) return node;
  const out: Json = {};
  const open = node.additionalProperties !== false;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && (value === true || (isObject(value) && Object.keys(value).length === 0))) continue;
    if (key === 'propertyNames' && isObject(value) && value.type === 'string' && Object.keys(value).length === 1) continue;
    if (key === 'type' && 'const' in node && value === typeof node.const) continue;
    if (key === 'required' && Array.isArray(value)) {
      out.required = [...value].sort();
      continue;
    }
    if (key === 'properties' && isObject(value)) {
      const kept = Object.entries(value).filter(([, schema]) => !(open && isObject(schema) && Object.keys(schema).length === 0));
      if (kept.length) out.properties = Object.fromEntries(kept.map(([k, v]) => [k, normalise(v)]));
      continue;
    }
    out[key] = normalise(value);
  }
  return out;
};

const after = () => JSON.parse(JSON.stringify(openApiDocument()));

describe('the OpenAPI document generated from the contracts', () => {
  test('has the same paths, operations, parameters and responses as before, byte for byte', () => {
    const doc = after();
    expect(Object.keys(doc.paths).sort()).toEqual(Object.keys(before.paths).sort());
    expect(doc.paths).toEqual(before.paths);
    expect({ ...doc, paths: undefined, components: undefined }).toEqual({ ...before, paths: undefined, components: undefined });
  });

  test('has the same component schemas, accepting the same fields with the same types', () => {
    const doc = after();
    expect(Object.keys(doc.components.schemas).sort()).toEqual(Object.keys(before.components.schemas).sort());
    for (const name of Object.keys(before.components.schemas)) {
      expect([name, normalise(doc.components.schemas[name])]).toEqual([name, normalise((before.components.schemas as Json)[name])]);
    }
  });

  test('is a structurally valid OpenAPI 3.1 document (our shape check and @apidevtools/swagger-parser)', async () => {
    const doc = after();
    const parsed = openApiShape.safeParse(doc);
    if (!parsed.success) throw new Error(parsed.error.message);
    const SwaggerParser = require('@apidevtools/swagger-parser');
    const api = await SwaggerParser.validate(structuredClone(doc));
    expect(api.openapi).toBe('3.1.0');
    // zod's own spellings are tidied away: the document names its dialect once, at the top
    const text = JSON.stringify(doc);
    expect(text).not.toContain('$schema');
    expect(text).not.toContain('"$id"');
    expect(text).not.toContain(String(Number.MAX_SAFE_INTEGER));
  });

  test('the comparison is not blind: a changed type, a dropped field, a loosened object or a dropped null fail it', () => {
    const event = (mutate: (schema: Json) => void) => {
      const schema = structuredClone(after().components.schemas.Event);
      mutate(schema);
      return normalise(schema);
    };
    const reference = normalise(before.components.schemas.Event);
    expect(event(() => undefined)).toEqual(reference);
    expect(event((s) => (s.properties.occurredAt.type = 'number'))).not.toEqual(reference);
    expect(event((s) => delete s.properties.place)).not.toEqual(reference);
    expect(event((s) => delete s.additionalProperties)).not.toEqual(reference);
    expect(event((s) => (s.properties.place = { type: 'string' }))).not.toEqual(reference);
    expect(event((s) => s.required.pop())).not.toEqual(reference);
  });

  test('a field added to a contract appears in the API description with no second edit', () => {
    const probe = z.strictObject({ slug: z.string(), addedField: z.int().nullable() });
    probe.register(components, { id: 'ContractProbe' });
    try {
      const schema = after().components.schemas.ContractProbe;
      expect(schema).toEqual({
        type: 'object',
        properties: { slug: { type: 'string' }, addedField: { anyOf: [{ type: 'integer' }, { type: 'null' }] } },
        required: ['slug', 'addedField'],
        additionalProperties: false,
      });
    } finally {
      components.remove(probe);
    }
    expect(after().components.schemas.ContractProbe).toBeUndefined();
  });
});
