/**
 * Roll-ups computed the slow way, as the statistics route computed them before issue #8:
 * every published figure read into memory, the locale picked per document, and each additive
 * figure added into its unit and every unit above it, one by one. The route now sums in SQL
 * and combines groups; the API tests check that both give the same answer.
 */
import type { Core } from '@strapi/strapi';
import { combineQualifiers } from '../../plugins/chronicle/server/src/domain/rollup';

type Row = Record<string, any>;

export interface ReferenceRollup {
  metric: string;
  countUnit: string | null;
  unit: string;
  value: number;
  qualifier: string;
  count: number;
}

const DEFAULT_LOCALE = 'zh-Hans';

/** One row per document: the requested locale's, else zh-Hans's. */
const pick = (rows: Row[], locale: string) => {
  const chosen = new Map<string, Row>();
  for (const row of rows) {
    const current = chosen.get(row.documentId);
    if (!current || (current.locale !== locale && row.locale === locale)) chosen.set(row.documentId, row);
  }
  return [...chosen.values()];
};

export async function rollupsByLoadingEveryFigure(strapi: Core.Strapi, params: { locale?: string; metric?: string } = {}): Promise<ReferenceRollup[]> {
  const locale = params.locale ?? DEFAULT_LOCALE;
  const locales = locale === DEFAULT_LOCALE ? [locale] : [locale, DEFAULT_LOCALE];
  const figures = pick(
    (await strapi.db.query('plugin::chronicle.grid-statistic' as never).findMany({
      where: { publishedAt: { $notNull: true }, locale: { $in: locales }, ...(params.metric ? { metric: params.metric } : {}) },
      select: ['documentId', 'locale', 'metric', 'countUnit', 'value', 'qualifier', 'additive', 'verificationState'],
      populate: { scopeUnit: { select: ['documentId'] } },
    })) as Row[],
    locale
  );
  const units = pick(
    (await strapi.db.query('plugin::chronicle.unit' as never).findMany({
      where: { locale: { $in: locales } },
      select: ['documentId', 'slug', 'locale'],
      populate: { parent: { select: ['documentId'] } },
    })) as Row[],
    locale
  );
  const parents = new Map(units.map((u) => [u.documentId as string, (u.parent?.documentId as string) ?? null]));
  const slugs = new Map(units.map((u) => [u.documentId as string, u.slug as string]));
  const sums = new Map<string, ReferenceRollup & { cents: number; fromBelow: boolean }>();
  for (const figure of figures) {
    const own = figure.scopeUnit?.documentId as string | undefined;
    // Roll-ups sum verified figures only (issue #17).
    if (!figure.additive || !own || !parents.has(own) || figure.verificationState !== 'verified') continue;
    const seen = new Set<string>();
    for (let unit: string | null | undefined = own; unit && parents.has(unit) && !seen.has(unit); unit = parents.get(unit)) {
      seen.add(unit);
      const key = JSON.stringify([figure.metric, figure.countUnit ?? null, unit]);
      const sum = sums.get(key) ?? { metric: figure.metric, countUnit: figure.countUnit ?? null, unit: slugs.get(unit) as string, value: 0, cents: 0, qualifier: 'exact', count: 0, fromBelow: false };
      sum.cents += Math.round(Number(figure.value) * 100);
      sum.qualifier = combineQualifiers(sum.qualifier as never, figure.qualifier);
      sum.count += 1;
      sum.fromBelow ||= unit !== own;
      sums.set(key, sum);
    }
  }
  return [...sums.values()]
    .filter((s) => s.fromBelow || s.count > 1)
    .map(({ cents, fromBelow: _fromBelow, ...s }) => ({ ...s, value: cents / 100 }))
    .sort(byKey);
}

const keyOf = (r: ReferenceRollup) => JSON.stringify([r.metric, r.countUnit, r.unit]);
const byKey = (a: ReferenceRollup, b: ReferenceRollup) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

/** The route's roll-ups in the reference's shape and order. */
export const asReference = (rollups: Row[]): ReferenceRollup[] =>
  rollups
    .map((r) => ({ metric: r.metric, countUnit: r.countUnit, unit: r.unit.slug, value: r.value, qualifier: r.qualifier, count: r.count }))
    .sort(byKey);
