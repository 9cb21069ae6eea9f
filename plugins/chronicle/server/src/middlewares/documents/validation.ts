/**
 * The cross-field rules of ../../domain/validation on every create and update, with a 400
 * naming the field; and units stay a tree (a unit cannot sit under itself or its own
 * sub-unit), which needs the stored tree.
 */
import type { Core } from '@strapi/strapi';
import { pluginUid, typeUid } from '../../domain/content-types';
import { findUnitCycle } from '../../domain/unit-cycle';
import { checkRecord, DEFAULT_LIMITS, type ValidationLimits } from '../../domain/validation';
import { codedProblem, factsOf, fail, type Data, type DocumentMiddleware } from './facts';

const UNIT_UID = typeUid('unit');

/** The one target a relation value points at: a documentId, or a row id. */
export const relationTarget = (value: unknown): { documentId?: string; id?: number } | null | undefined => {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (Array.isArray(value)) return value.length ? relationTarget(value[value.length - 1]) : null;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.set)) return relationTarget(v.set);
    if (Array.isArray(v.connect) && v.connect.length) return relationTarget(v.connect);
    if (Array.isArray(v.disconnect) && v.disconnect.length && !v.connect) return null;
    if (typeof v.documentId === 'string') return { documentId: v.documentId };
    if (typeof v.id === 'number' || typeof v.id === 'string') return { id: Number(v.id) };
  }
  return undefined;
};

export const validation = (strapi: Core.Strapi): DocumentMiddleware => {
  const query = (uid: string) => strapi.db.query(uid as never);

  /** Stored values the write keeps: the same locale's draft, or (for a new locale) the shared fields of another. */
  const storedValues = async (uid: string, documentId: string, locale: string | undefined, newLocale: boolean): Promise<Data> => {
    const sameLocale = locale && !newLocale ? await query(uid).findOne({ where: { documentId, locale }, orderBy: { publishedAt: 'desc' } }) : null;
    if (sameLocale) return sameLocale as Data;
    const any = (await query(uid).findOne({ where: { documentId } })) as Data | null;
    if (!any) return {};
    const attributes = ((strapi.contentTypes as any)[uid]?.attributes ?? {}) as Record<string, any>;
    return Object.fromEntries(Object.entries(any).filter(([k]) => attributes[k]?.pluginOptions?.i18n?.localized === false));
  };

  /** A unit's parent may not be the unit itself or one of its sub-units (../../domain/unit-cycle). */
  const assertAcyclic = async (documentId: string | undefined, parent: unknown) => {
    const target = relationTarget(parent);
    if (!target || !documentId) return;
    // Units have no draft and published versions: every row is the unit, one per locale.
    const units = (await query(UNIT_UID).findMany({
      select: ['id', 'documentId', 'name', 'locale'],
      populate: { parent: { select: ['documentId'] } },
    })) as Data[];
    const parentOf = new Map<string, string | null>();
    const names = new Map<string, string>();
    for (const unit of units) {
      const id = unit.documentId as string;
      if (!names.has(id) || unit.locale === 'zh-Hans') {
        parentOf.set(id, ((unit.parent as Data | null | undefined)?.documentId as string | undefined) ?? null);
        names.set(id, String(unit.name ?? id));
      }
    }
    const newParent = target.documentId ?? (units.find((u) => u.id === target.id)?.documentId as string | undefined);
    const cycle = findUnitCycle(parentOf, documentId, newParent);
    if (cycle) fail([codedProblem(strapi, ['parent'], 'unit.cycle', { chain: cycle.map((id) => names.get(id) ?? id) })]);
  };

  return async (context, next) => {
    const facts = factsOf(context);
    if (!facts || facts.type === 'workflow-transition') return next();
    if (facts.kind !== 'create' && facts.kind !== 'create-locale' && facts.kind !== 'update') return next();
    const data = (context.params.data ?? {}) as Data;
    context.params.data = data;
    const isNew = facts.kind !== 'update';
    const stored = facts.documentId ? await storedValues(context.uid, facts.documentId, facts.locale, facts.kind === 'create-locale') : {};
    const record = { ...stored, ...data };
    const limits = (strapi.config.get(pluginUid('validation')) as ValidationLimits | undefined) ?? DEFAULT_LIMITS;
    const problems = checkRecord(facts.type, record, data, isNew || Object.keys(stored).length === 0, limits);
    // Each in the request's language (the admin's), by its code.
    if (problems.length) fail(problems.map((p) => (p.code ? codedProblem(strapi, p.path, p.code, p.params) : p)));
    if (facts.type === 'unit' && 'parent' in data) await assertAcyclic(facts.documentId, data.parent);
    return next();
  };
};
