/**
 * Saved revisions of the editorial records (docs/workflow.md, "Revisions"): recording one
 * after each write that changed a locale's content (called by the revisions guard,
 * middlewares/documents/revisions.ts), listing them with what changed since the version last
 * approved (or submitted), and whether an English translation is behind its Chinese original
 * (domain/translation-stale.ts), for the admin and the public API. The rows are append-only
 * (the audit-trail guard); this service only ever creates them.
 */
import type { Core } from '@strapi/strapi';
import type { RevisionsAnswer, RevisionSince } from '../contracts/admin';
import { typeUid } from '../domain/content-types';
import { DEFAULT_LOCALE } from '../domain/enums';
import { diffSnapshots, snapshotFingerprint, toSnapshot, type Snapshot } from '../domain/revision-diff';
import { isTranslationStale, sourceOfTranslation, textFingerprint, translatedFields, type TranslationRevision } from '../domain/translation-stale';
import { runAs } from '../request-context';

export const REVISION_UID = typeUid('revision');
const TRANSITION_UID = typeUid('workflow-transition');
/** The newest revisions listed with a diff (older ones stay stored). */
const LIST_LIMIT = 50;

type Row = Record<string, any>;
type Attributes = Record<string, { type: string; target?: string; component?: string; relation?: string; private?: boolean; pluginOptions?: any }>;

/** Who saved: an admin user (id and name), or a named system actor. */
export interface RevisionEditor {
  id?: number;
  name: string;
}

const LABEL_FIELDS = ['title', 'fullName', 'name', 'label', 'slug'];

const revisions = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (uid: string) => strapi.db.query(uid as never);
  const attributesOf = (uid: string): Attributes => ((strapi.contentTypes as any)[uid]?.attributes ?? {}) as Attributes;

  /** What a snapshot reads: every component whole, every link and file by its label fields. */
  const populateOf = (uid: string) => {
    const populate: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(attributesOf(uid))) {
      if (attribute.type === 'component') populate[name] = { populate: '*' };
      else if (attribute.type === 'media') populate[name] = { fields: ['name'] };
      else if (attribute.type === 'relation' && attribute.target && !attribute.target.startsWith('admin::') && name !== 'localizations') {
        const target = attributesOf(attribute.target);
        populate[name] = { fields: LABEL_FIELDS.filter((f) => f in target) };
      }
    }
    return populate;
  };

  const snapshotOf = async (uid: string, documentId: string, locale: string): Promise<Snapshot | null> => {
    const document = await strapi.documents(uid as never).findOne({ documentId, locale, status: 'draft', populate: populateOf(uid) } as never);
    return document ? toSnapshot(document as Record<string, unknown>) : null;
  };

  const latest = async (uid: string, documentId: string, locale: string): Promise<Row | null> =>
    query(REVISION_UID).findOne({
      where: { contentUid: uid, subjectDocumentId: documentId, subjectLocale: locale },
      select: ['id', 'number', 'fingerprint', 'textFingerprint', 'sourceFingerprint'],
      orderBy: [{ id: 'desc' }],
    });

  /** Draft rows (the working copy) of the document, zh-Hans first: an English revision reads the Chinese one recorded just before. */
  const workingLocales = async (uid: string, documentId: string): Promise<Array<{ locale: string; number: number }>> => {
    const model = (strapi.contentTypes as any)[uid] as { options?: { draftAndPublish?: boolean } };
    const rows = (await query(uid).findMany({
      where: { documentId, ...(model?.options?.draftAndPublish ? { publishedAt: null } : {}) },
      select: ['locale', 'revision'],
    })) as Row[];
    return rows
      .map((r) => ({ locale: r.locale as string, number: Number(r.revision ?? 0) }))
      .sort((a, b) => (a.locale === DEFAULT_LOCALE ? -1 : b.locale === DEFAULT_LOCALE ? 1 : a.locale.localeCompare(b.locale)));
  };

  /** The newest revision of each locale of these documents, for staleness. */
  const newestByDocument = async (uid: string, documentIds: readonly string[]) => {
    const found = new Map<string, Map<string, TranslationRevision>>();
    if (!documentIds.length) return found;
    const rows = (await query(REVISION_UID).findMany({
      where: { contentUid: uid, subjectDocumentId: { $in: [...documentIds] } },
      select: ['subjectDocumentId', 'subjectLocale', 'textFingerprint', 'sourceFingerprint'],
      orderBy: [{ id: 'desc' }],
    })) as Row[];
    for (const row of rows) {
      const locales = found.get(row.subjectDocumentId) ?? new Map<string, TranslationRevision>();
      if (!locales.has(row.subjectLocale)) {
        locales.set(row.subjectLocale, { locale: row.subjectLocale, textFingerprint: row.textFingerprint ?? null, sourceFingerprint: row.sourceFingerprint ?? null });
      }
      found.set(row.subjectDocumentId, locales);
    }
    return found;
  };

  /** The documents (of those given) whose `locale` translation is behind the Chinese. */
  const staleTranslations = async (uid: string, documentIds: readonly string[], locale: string): Promise<Set<string>> => {
    const stale = new Set<string>();
    if (locale === DEFAULT_LOCALE) return stale;
    for (const [documentId, locales] of await newestByDocument(uid, documentIds)) {
      if (isTranslationStale(locales.get(DEFAULT_LOCALE), locales.get(locale))) stale.add(documentId);
    }
    return stale;
  };

  /** Is this document's `locale` translation behind the Chinese? */
  const isStale = async (uid: string, documentId: string, locale: string) => (await staleTranslations(uid, [documentId], locale)).has(documentId);

  return {
    /**
     * After a write of `writtenLocale` (or of the whole document): append a revision for each
     * locale whose content changed, and for an English translation saved against a Chinese
     * text it had not been saved against before. Runs in the write's transaction when it has one.
     */
    async record(uid: string, documentId: string, writtenLocale: string | undefined, action: string, editor: RevisionEditor) {
      const fields = translatedFields(attributesOf(uid) as never);
      let originalText: string | null = null;
      for (const { locale, number } of await workingLocales(uid, documentId)) {
        const snapshot = await snapshotOf(uid, documentId, locale);
        if (!snapshot) continue;
        const fingerprint = snapshotFingerprint(snapshot);
        const text = textFingerprint(snapshot, fields);
        if (locale === DEFAULT_LOCALE) originalText = text;
        const previous = await latest(uid, documentId, locale);
        const source = sourceOfTranslation(writtenLocale, locale, originalText, previous?.sourceFingerprint ?? null);
        if (previous && previous.fingerprint === fingerprint && (previous.sourceFingerprint ?? null) === source) continue;
        await runAs('audit-writer', () =>
          strapi.documents(REVISION_UID as never).create({
            data: {
              contentUid: uid,
              subjectDocumentId: documentId,
              subjectLocale: locale,
              number,
              action,
              editor: editor.id ?? null,
              editorName: editor.name,
              savedAt: new Date().toISOString(),
              fingerprint,
              textFingerprint: text,
              sourceFingerprint: source,
              snapshot,
            },
          } as never)
        );
      }
    },

    staleTranslations,
    isStale,

    /**
     * A locale's revisions, newest first, and what changed from the base to the newest: the
     * version last approved (`since=approved`), else last submitted; the version last
     * submitted (`since=submitted`); a revision number. With no such step, the first revision.
     */
    async since(uid: string, documentId: string, locale: string, since: RevisionSince): Promise<RevisionsAnswer> {
      const rows = (await query(REVISION_UID).findMany({
        where: { contentUid: uid, subjectDocumentId: documentId, subjectLocale: locale },
        select: ['id', 'number', 'action', 'editorName', 'savedAt'],
        orderBy: [{ id: 'desc' }],
        limit: LIST_LIMIT,
      })) as Row[];
      const entry = (r: Row) => ({ number: Number(r.number), action: String(r.action ?? 'update'), editor: String(r.editorName ?? ''), savedAt: new Date(r.savedAt).toISOString() });

      const step = async (to: 'approved' | 'in_review') =>
        (await query(TRANSITION_UID).findOne({
          // A submission: from a draft (or changes requested, or withdrawn), not an edit that sent an approved record back.
          where: { contentUid: uid, subjectDocumentId: documentId, subjectLocale: locale, to, ...(to === 'in_review' ? { from: { $in: ['draft', 'changes_requested', 'withdrawn'] } } : {}) },
          select: ['revision', 'at', 'actorName'],
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
        })) as Row | null;

      let reason: 'approved' | 'submitted' | 'revision' | 'first' = 'first';
      let baseNumber: number | null = null;
      let step_: Row | null = null;
      if (typeof since === 'number') {
        reason = 'revision';
        baseNumber = since;
      } else {
        if (since === 'approved') {
          step_ = await step('approved');
          if (step_) reason = 'approved';
        }
        if (!step_) {
          step_ = await step('in_review');
          if (step_) reason = 'submitted';
        }
        if (step_) baseNumber = Number(step_.revision ?? 0);
      }
      // The locale's content at that point: its newest revision at or before that number.
      const baseRow = (
        baseNumber === null
          ? await query(REVISION_UID).findOne({ where: { contentUid: uid, subjectDocumentId: documentId, subjectLocale: locale }, orderBy: [{ id: 'asc' }] })
          : await query(REVISION_UID).findOne({
              where: { contentUid: uid, subjectDocumentId: documentId, subjectLocale: locale, number: { $lte: baseNumber } },
              orderBy: [{ id: 'desc' }],
            })
      ) as Row | null;
      const currentRow = rows.length
        ? ((await query(REVISION_UID).findOne({ where: { id: rows[0].id }, select: ['id', 'number', 'action', 'editorName', 'savedAt', 'snapshot'] })) as Row)
        : null;
      const order = Object.keys(attributesOf(uid));
      const parse = (value: unknown): Snapshot => (typeof value === 'string' ? JSON.parse(value) : (value as Snapshot)) ?? {};
      const changes = currentRow && baseRow && baseRow.id !== currentRow.id ? diffSnapshots(parse(baseRow.snapshot), parse(currentRow.snapshot), order) : [];
      return {
        uid,
        documentId,
        locale,
        base: baseRow
          ? { ...entry(baseRow), reason, step: step_ ? { actor: String(step_.actorName ?? ''), at: new Date(step_.at).toISOString(), revision: Number(step_.revision ?? 0) } : null }
          : null,
        current: currentRow ? entry(currentRow) : null,
        changes,
        revisions: rows.map(entry),
        translationStale: locale === DEFAULT_LOCALE ? null : await isStale(uid, documentId, locale),
      };
    },
  };
};

export type RevisionsService = ReturnType<typeof revisions>;
export default revisions;
