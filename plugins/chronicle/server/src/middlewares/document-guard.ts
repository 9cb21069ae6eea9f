/**
 * Document Service middleware for the plugin's content types. It runs on every path that
 * writes documents (Content Manager, REST, scripts, the demo loader):
 * - keeps the audit trail append-only,
 * - applies the cross-field rules of ../domain/validation with a 400 naming the field,
 * - fills an empty slug from the record's main field (pinyin) and keeps slugs unique per type.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { typeNameOf, TYPE_META, type TypeName } from '../domain/content-types';
import { checkRecord } from '../domain/validation';
import { fallbackSlug, toSlug, uniqueSlug } from '../text/slug';
import { currentSystemActor } from './system-context';

type Data = Record<string, unknown>;

interface DocumentContext {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: string; data?: Data } & Record<string, unknown>;
}

const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);

const fail = (problems: { path: string[]; message: string }[]): never => {
  const message = problems.map((p) => p.message).join('; ');
  throw new errors.ValidationError(message, {
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
  });
};

export const documentGuard = (strapi: Core.Strapi) => {
  /** Stored values of the document: the same locale's draft if any, else any version (for shared fields). */
  const storedValues = async (uid: string, documentId: string, locale?: string): Promise<Data> => {
    const query = strapi.db.query(uid as never);
    const sameLocale = locale
      ? await query.findOne({ where: { documentId, locale }, orderBy: { publishedAt: 'desc' } })
      : null;
    const anyLocale = sameLocale ?? (await query.findOne({ where: { documentId } }));
    return (anyLocale as Data | null) ?? {};
  };

  const slugTaken = async (uid: string, slug: string, documentId?: string) => {
    const where: Data = { slug };
    if (documentId) where.documentId = { $ne: documentId };
    return (await strapi.db.query(uid as never).count({ where })) > 0;
  };

  const assignSlug = async (type: TypeName, uid: string, record: Data, data: Data, documentId?: string) => {
    if (type === 'workflow-transition') return;
    const given = typeof data.slug === 'string' ? data.slug.trim() : undefined;
    if (given) {
      if (await slugTaken(uid, given, documentId)) {
        fail([{ path: ['slug'], message: `slug "${given}" is already used by another ${type}` }]);
      }
      data.slug = given;
      return;
    }
    if (typeof record.slug === 'string' && record.slug.trim() && given === undefined) return;
    const { mainField, slugMode } = TYPE_META[type];
    const source = String(record[mainField] ?? '');
    const base = toSlug(source, { mode: slugMode }) || fallbackSlug(new Date(), documentId ?? Math.random().toString(36).slice(2, 8));
    data.slug = await uniqueSlug(base, (candidate) => slugTaken(uid, candidate, documentId));
  };

  return async (context: DocumentContext, next: () => Promise<unknown>) => {
    const type = typeNameOf(context.uid);
    if (!type || !WRITE_ACTIONS.has(context.action)) return next();

    if (type === 'workflow-transition') {
      if (currentSystemActor() !== 'audit-writer') {
        throw new errors.ForbiddenError('The audit trail is append-only: workflow transitions cannot be written or changed directly');
      }
      return next();
    }

    if (context.action === 'create' || context.action === 'update') {
      const data = (context.params.data ?? {}) as Data;
      context.params.data = data;
      const isCreate = context.action === 'create';
      const stored =
        !isCreate && context.params.documentId
          ? await storedValues(context.uid, context.params.documentId, context.params.locale)
          : {};
      const record = { ...stored, ...data };
      const problems = checkRecord(type, record, data, isCreate || Object.keys(stored).length === 0);
      if (problems.length) fail(problems);
      await assignSlug(type, context.uid, record, data, context.params.documentId);
    }
    return next();
  };
};
