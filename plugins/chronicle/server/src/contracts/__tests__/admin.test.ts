/**
 * The admin payload contracts and the server's validators describe the same requests: the
 * same fields, the same types, the same optional fields, strict at every level (the
 * validators add limits and messages on top). And the answers the services build are typed
 * by the contracts (checked by the compiler); here their schemas are checked to refuse a
 * leaked field.
 */
import { z } from 'zod';
import { historyQuery as historyValidator, queueQuery as queueValidator, transitionBody } from '../../validation/workflow';
import { acceptBody, extractBody } from '../../validation/extraction';
import { revisionsQuery as revisionsValidator } from '../../validation/revisions';
import {
  acceptAnswer,
  acceptRequest,
  extractRequest,
  historyEntry,
  historyQuery,
  queueQuery,
  revisionsQuery,
  transitionRequest,
  type AcceptRequest,
} from '../admin';

type Json = Record<string, any>;

/** What a JSON Schema says about fields and types, without limits, patterns or messages. */
const shape = (schema: Json): unknown => {
  if (schema.anyOf) return { anyOf: [...new Set(schema.anyOf.map((s: Json) => JSON.stringify(shape(s))))].sort() };
  if (schema.type === 'object') {
    const required = new Set<string>(schema.required ?? []);
    return {
      object: Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, { required: required.has(k), is: shape(v as Json) }])),
      closed: schema.additionalProperties === false,
    };
  }
  if (schema.type === 'array') return { array: shape(schema.items) };
  return schema.type ?? 'any';
};
const described = (schema: z.ZodType) => shape(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json);

describe('the admin request contracts match the validators', () => {
  test.each([
    ['transition', transitionRequest, transitionBody],
    ['history', historyQuery, historyValidator],
    ['revisions', revisionsQuery, revisionsValidator],
    ['queue', queueQuery, queueValidator],
    ['extract', extractRequest, extractBody],
    ['accept', acceptRequest, acceptBody],
  ] as Array<[string, z.ZodType, z.ZodType]>)('%s: same fields, types and optional fields, closed at every level', (_name, contract, validator) => {
    expect(described(contract)).toEqual(described(validator));
  });

  const fingerprint = 'a'.repeat(32);
  const payload: AcceptRequest = {
    reportDocumentId: 'abc',
    locale: 'zh-Hans',
    events: [{ fingerprint, title: '转运', start: '2022-02-24T12:00:00+08:00', end: null, precision: 'hour', approximate: true, text: '句子' }],
    statistics: [{ fingerprint: 'b'.repeat(32), label: '师生', value: 1144, qualifier: 'exact', unit: '名', metric: 'people', text: '句子' }],
    rejected: ['c'.repeat(32)],
  };

  test('an accept payload the contract accepts, the validator accepts; a leaked or misspelt field fails both', () => {
    expect(acceptRequest.safeParse(payload).success).toBe(true);
    expect(acceptBody.safeParse(payload).success).toBe(true);
    for (const bad of [
      { ...payload, userId: 1 },
      { ...payload, events: [{ ...payload.events![0], sentence: 'x' }] },
      { ...payload, statistics: [{ ...payload.statistics![0], qualifier: 'roughly' }] },
      { ...payload, rejected: ['not-a-fingerprint'] },
    ]) {
      expect(acceptRequest.safeParse(bad).success).toBe(false);
      expect(acceptBody.safeParse(bad).success).toBe(false);
    }
  });

  test('a transition request: the contract and the validator agree on a good one and on a misspelt one', () => {
    const good = { uid: 'plugin::chronicle.field-report', documentId: 'abc', locale: 'zh-Hans', to: 'scheduled', publishAt: '2022-03-08T08:00:00+08:00' };
    expect(transitionRequest.safeParse(good).success).toBe(true);
    expect(transitionBody.safeParse(good).success).toBe(true);
    const bad = { ...good, publish_at: good.publishAt };
    expect(transitionRequest.safeParse(bad).success).toBe(false);
    expect(transitionBody.safeParse(bad).success).toBe(false);
  });
});

describe('the admin answer contracts are strict', () => {
  test('a history entry or an accept answer with a field more fails', () => {
    const entry = { from: 'draft', to: 'in_review', actor: 'Editor', note: null, at: '2022-03-08T00:00:00.000Z' };
    expect(historyEntry.safeParse(entry).success).toBe(true);
    expect(historyEntry.safeParse({ ...entry, actorEmail: 'e@x' }).success).toBe(false);
    const answer = { events: [{ documentId: 'd', title: 't' }], statistics: [], rejected: 0, alreadyDecided: [] };
    expect(acceptAnswer.safeParse(answer).success).toBe(true);
    expect(acceptAnswer.safeParse({ ...answer, events: [{ documentId: 'd', title: 't', id: 1 }] }).success).toBe(false);
  });
});
