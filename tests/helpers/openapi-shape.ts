/**
 * The parts of OpenAPI 3.1 that our document uses, as a zod schema: the structural check
 * the tests run on /api/chronicle/openapi.json. (@apidevtools/swagger-parser, the full
 * validator the issue names, is not installed here; this covers the same fields strictly.)
 */
import { z } from 'zod';

const schemaObject: z.ZodType = z.lazy(() =>
  z
    .object({
      $ref: z.string().regex(/^#\/components\/schemas\/[A-Za-z]+$/).optional(),
      type: z.union([z.string(), z.array(z.string())]).optional(),
      properties: z.record(z.string(), schemaObject).optional(),
      items: schemaObject.optional(),
      anyOf: z.array(schemaObject).optional(),
      allOf: z.array(schemaObject).optional(),
      required: z.array(z.string()).optional(),
      enum: z.array(z.unknown()).optional(),
    })
    .passthrough()
);

const parameter = z
  .object({
    name: z.string().min(1),
    in: z.enum(['query', 'path', 'header', 'cookie']),
    required: z.boolean(),
    description: z.string().optional(),
    schema: schemaObject,
  })
  .strict()
  .refine((p) => p.in !== 'path' || p.required, 'path parameters must be required');

const media = z.record(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/), z.object({ schema: schemaObject }).strict());

const response = z
  .object({
    description: z.string().min(1),
    headers: z.record(z.string(), z.object({ description: z.string(), schema: schemaObject }).strict()).optional(),
    content: media.optional(),
  })
  .strict();

const operation = z
  .object({
    operationId: z.string().regex(/^[A-Za-z]+$/),
    summary: z.string().min(1),
    tags: z.array(z.string()),
    parameters: z.array(parameter),
    responses: z.record(z.string().regex(/^[1-5]\d\d$/), response).refine((r) => '200' in r, 'a 200 response'),
  })
  .strict();

export const openApiShape = z
  .object({
    openapi: z.string().regex(/^3\.1\.\d+$/),
    info: z.object({ title: z.string().min(1), version: z.string().min(1), description: z.string().optional() }).strict(),
    servers: z.array(z.object({ url: z.string() }).strict()),
    paths: z.record(
      z.string().regex(/^\/[A-Za-z0-9/{}._-]*$/),
      z.object({ get: operation }).strict()
    ),
    components: z.object({ schemas: z.record(z.string(), schemaObject) }).strict(),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      if (ids.has(item.get.operationId)) ctx.addIssue({ code: 'custom', message: `duplicate operationId ${item.get.operationId}` });
      ids.add(item.get.operationId);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = item.get.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      if (templated.sort().join() !== declared.sort().join()) {
        ctx.addIssue({ code: 'custom', message: `${path}: path parameters ${templated} declared as ${declared}` });
      }
    }
  });
