/**
 * What every document guard needs to know about one Document Service call on the plugin's
 * types, worked out once per call: what kind of write it is (judged from the data, not from
 * the route that made it), who is acting, and the document's stored rows in every locale.
 * The guards in this folder read it with `factsOf(context)`.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { refusal } from '../../errors';
import { languageOf, renderMessage, type MessageCode, type MessageLanguage, type MessageParams } from '../../domain/messages';
import { typeNameOf, type TypeName } from '../../domain/content-types';
import { currentRequest, writeActorOf, type WriteActor } from '../../request-context';

export type Data = Record<string, unknown>;
export type Row = Record<string, any>;

export interface DocumentContext {
  uid: string;
  action: string;
  params: { documentId?: string; locale?: string | string[]; data?: Data } & Record<string, unknown>;
}

export type Next = () => Promise<unknown>;
export type DocumentMiddleware = (context: DocumentContext, next: Next) => Promise<unknown>;

/** Document Service actions that only read. */
export const READ_ACTIONS = new Set(['findOne', 'findMany', 'findFirst', 'count']);
/** Helpers Strapi's own middlewares (i18n) call while a guarded write is under way. */
export const HELPER_ACTIONS = new Set(['updateComponents', 'omitComponentData']);

/**
 * The write, named by what it does to the data:
 * - create: a new document;  create-locale: a new locale of an existing document (a `create`
 *   with an existing documentId, or an `update` of a locale that does not exist yet);
 * - update: an existing locale;  clone, delete, publish, unpublish, discard (discardDraft).
 */
export type WriteKind = 'create' | 'create-locale' | 'update' | 'clone' | 'delete' | 'publish' | 'unpublish' | 'discard';

/** Who is acting (../../request-context.ts). */
export type { WriteActor };

export interface WriteFacts {
  type: TypeName;
  kind: WriteKind;
  actor: WriteActor;
  documentId?: string;
  /** The single locale written, when the call names one (or the default locale). */
  locale?: string;
  /** Every stored row of the document (all locales, draft and published), oldest first. */
  rows: Row[];
}

const facts = new WeakMap<object, WriteFacts>();

export const factsOf = (context: DocumentContext): WriteFacts | undefined => facts.get(context);

const ROW_FIELDS = ['id', 'documentId', 'locale', 'publishedAt', 'workflowState', 'slug', 'revision'];

/** The document's rows, with their creator (for Strapi's is-creator condition). */
export const documentRows = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<Row[]> => {
  const attributes = (strapi.contentTypes as any)[uid]?.attributes ?? {};
  // Every row has the first four; the others only on the types that define them.
  const select = ROW_FIELDS.filter((f, i) => i < 4 || f in attributes);
  return strapi.db.query(uid as never).findMany({
    where: { documentId },
    select,
    populate: { createdBy: { select: ['id'] } },
    orderBy: { id: 'asc' },
  } as never) as Promise<Row[]>;
};

const kindOf = (action: string, rows: Row[], locale: string | undefined, documentId: string | undefined): WriteKind | undefined => {
  switch (action) {
    case 'create':
      return documentId && rows.length ? 'create-locale' : 'create';
    case 'update':
      return rows.length && locale && !rows.some((r) => r.locale === locale) ? 'create-locale' : 'update';
    case 'clone':
    case 'delete':
    case 'publish':
    case 'unpublish':
      return action;
    case 'discardDraft':
      return 'discard';
    default:
      return undefined;
  }
};

export const singleLocaleOf = (strapi: Core.Strapi, locale: DocumentContext['params']['locale']): string | undefined => {
  if (typeof locale === 'string' && locale !== '*') return locale;
  if (locale === undefined) return strapi.plugin('i18n').service('locales').getDefaultLocale() as string;
  return undefined;
};

/**
 * First of the guards: works out the facts of a write on the plugin's types. A write action
 * the guards do not know is refused rather than passed through (a later Strapi may add one).
 */
export const establishFacts =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    const type = typeNameOf(context.uid);
    if (!type || READ_ACTIONS.has(context.action) || HELPER_ACTIONS.has(context.action)) return next();
    const data = (context.params.data ?? {}) as Data;
    const bodyDocumentId = typeof data.documentId === 'string' && data.documentId ? data.documentId : undefined;
    const documentId = (typeof context.params.documentId === 'string' && context.params.documentId) || (context.action === 'create' ? bodyDocumentId : undefined);
    const rows = documentId ? await documentRows(strapi, context.uid, documentId) : [];
    const locale = singleLocaleOf(strapi, context.params.locale);
    const kind = kindOf(context.action, rows, locale, documentId);
    const actor = writeActorOf(strapi);
    if (!kind) {
      throw refusal(403, 'document.unknown-write', { action: context.action, type });
    }
    facts.set(context, { type, kind, actor, documentId, locale, rows });
    return next();
  };

/**
 * A field problem by code (domain/messages), in the language of the request under way (its
 * `Accept-Language`, which the admin sets to its own): Strapi's ValidationError is rendered by
 * Strapi, so the language is chosen here. English outside a request.
 */
export const codedProblem = (strapi: Core.Strapi, path: string[], code: MessageCode, params: MessageParams = {}) => {
  const ctx = currentRequest(strapi);
  const language = languageOf(ctx?.get?.('accept-language'));
  return { path, message: renderMessage(code, params, language), code, params, language };
};

/** A 400 that names the faulty fields, the way the Content Manager shows it next to them. */
export const fail = (problems: { path: string[]; message: string; code?: MessageCode; params?: MessageParams; language?: MessageLanguage }[]): never => {
  // Several problems in one toast, with the punctuation of their language.
  const message = problems.map((p) => p.message).join(problems.some((p) => p.language === 'zh-Hans') ? '；' : '; ');
  const coded = problems.find((p) => p.code);
  throw new errors.ValidationError(message, {
    ...(coded ? { code: coded.code, params: coded.params ?? {} } : {}),
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError', value: null })),
  });
};
