/**
 * Loads the demo newsroom (../demo/data: JSON checked by ../demo/schema.ts) as real documents
 * in both locales, published. Tooling: `npm run demo` and the tests add it (./index.ts).
 * Idempotent: records are matched by slug, updated in place and published again, so loading
 * twice leaves the same counts. Runs as the named system actor 'demo-loader'.
 */
import type { Core } from '@strapi/strapi';
import { typeUid, type TypeName } from '../domain/content-types';
import type { Locale } from '../domain/enums';
import { NEWSROOM_TIME_ZONE } from '../domain/time-zone';
import { demoNewsroom } from '../demo/data';
import type { Bilingual, DemoNewsroom } from '../demo/types';
import { runAs } from '../request-context';
import { systemActor } from '../services/workflow';

type Data = Record<string, unknown>;

interface Keyed {
  key: string;
  slug: string;
}

const LOCALE_TEXT: Array<[Locale, 'zh' | 'en']> = [
  ['zh-Hans', 'zh'],
  ['en', 'en'],
];

export const DEMO_ACCOUNTS = [
  { email: 'admin@chronicle.local', firstname: 'Admin', lastname: 'Chronicle', role: 'strapi-super-admin' },
  { email: 'editor@chronicle.local', firstname: 'Editor', lastname: 'Demo', role: 'strapi-editor' },
  { email: 'reporter@chronicle.local', firstname: 'Reporter', lastname: 'Demo', role: 'chronicle-reporter' },
  { email: 'reporter2@chronicle.local', firstname: 'Reporter', lastname: 'Two', role: 'chronicle-reporter' },
] as const;

/** Parents before children, so a unit's parent exists when it is written. */
export const orderUnits = <T extends { key: string; parent?: string }>(units: T[]): T[] => {
  const byKey = new Map(units.map((u) => [u.key, u]));
  const ordered: T[] = [];
  const placed = new Set<string>();
  const place = (unit: T, path: Set<string>) => {
    if (placed.has(unit.key)) return;
    if (path.has(unit.key)) throw new Error(`unit tree has a cycle at ${unit.key}`);
    const parent = unit.parent ? byKey.get(unit.parent) : undefined;
    if (unit.parent && !parent) throw new Error(`unit ${unit.key} names a missing parent ${unit.parent}`);
    if (parent) place(parent, new Set([...path, unit.key]));
    placed.add(unit.key);
    ordered.push(unit);
  };
  units.forEach((u) => place(u, new Set()));
  return ordered;
};

const demo = ({ strapi }: { strapi: Core.Strapi }) => {
  const ids = new Map<string, string>();

  const docId = (key: string | undefined): string | null => {
    if (!key) return null;
    const id = ids.get(key);
    if (!id) throw new Error(`demo data refers to ${key} before it was written`);
    return id;
  };
  const docIds = (keys: string[]) => keys.map((k) => docId(k) as string);

  /**
   * Create or update one document in both locales; `shared` holds non-localized fields and
   * relations. A locale that is already published is left alone: the demo is loaded once,
   * and a second load changes nothing.
   */
  const upsert = async <T>(
    type: TypeName,
    record: Keyed & { text: Bilingual<T> },
    shared: Data,
    localized: (text: T, lang: 'zh' | 'en') => Data
  ) => {
    const uid = typeUid(type) as never;
    const existing = (await strapi.db.query(uid).findOne({ where: { slug: record.slug } })) as
      | { documentId: string }
      | null;
    let documentId = existing?.documentId;
    for (const [locale, textKey] of LOCALE_TEXT) {
      const text = record.text[textKey];
      if (!text) continue;
      if (documentId && (await isPublished(uid, documentId, locale))) continue;
      const data = { ...shared, ...localized(text, textKey), slug: record.slug };
      if (!documentId) {
        const created = (await strapi.documents(uid).create({ locale, data } as never)) as { documentId: string };
        documentId = created.documentId;
      } else {
        await strapi.documents(uid).update({ documentId, locale, data } as never);
      }
    }
    ids.set(record.key, documentId as string);
    return documentId as string;
  };

  const isPublished = async (uid: string, documentId: string, locale: string) =>
    (await strapi.db.query(uid as never).count({ where: { documentId, locale, publishedAt: { $notNull: true } } })) > 0;

  /**
   * Publish through the editorial workflow as the named system actor `system:demo-loader`:
   * submitted, approved and published, each step in the audit trail like any other.
   */
  const publishAll = async (type: TypeName, keys: string[]) => {
    const uid = typeUid(type);
    const workflow = strapi.plugin('chronicle').service('workflow');
    const actor = systemActor('demo-loader');
    for (const key of keys) {
      const documentId = docId(key) as string;
      for (const [locale] of LOCALE_TEXT) {
        if (await isPublished(uid, documentId, locale)) continue;
        for (const to of ['in_review', 'approved', 'published'] as const) {
          await workflow.transition({ uid, documentId, locale, to, note: to === 'in_review' ? 'demo newsroom' : null }, actor);
        }
      }
    }
  };

  const verifyAll = async (newsroom: DemoNewsroom) => {
    const reports = new Map(newsroom.reports.map((r) => [r.key, r]));
    const verification = strapi.plugin('chronicle').service('verification');
    const actor = systemActor('demo-loader');
    for (const s of newsroom.statistics) {
      const documentId = docId(s.key) as string;
      const row = (await strapi.db.query(typeUid('grid-statistic') as never).findOne({
        where: { documentId, publishedAt: null },
        select: ['verificationState'],
      } as never)) as { verificationState?: string | null } | null;
      if (!row || row.verificationState === 'verified') continue;
      const report = reports.get(s.report);
      await verification.act(
        documentId,
        {
          action: 'verify',
          source: { kind: 'document', title: report ? `${report.text.zh.title}（${report.datelineDate}）` : 'demo newspaper', page: s.page ?? null },
          method: '与见报稿原文核对 / checked against the printed report',
        },
        actor
      );
    }
  };

  return {
    async load(newsroom: DemoNewsroom = demoNewsroom) {
      ids.clear();
      return runAs('demo-loader', async () => {
        for (const unit of orderUnits(newsroom.units)) {
          await upsert('unit', unit, { kind: unit.kind, parent: docId(unit.parent) }, (t) => ({
            name: t.name,
            shortName: t.shortName ?? null,
            description: t.description ?? null,
          }));
        }
        for (const c of newsroom.contributors) {
          await upsert('contributor', c, { kind: c.kind }, (t) => ({ name: t.name, affiliation: t.affiliation ?? null }));
        }
        for (const ch of newsroom.chronicles) {
          await upsert(
            'chronicle',
            ch,
            { subjectUnit: docId(ch.subjectUnit), periodStart: ch.periodStart, periodEnd: ch.periodEnd },
            (t) => ({ title: t.title, summary: t.summary, body: t.body })
          );
        }
        for (const r of newsroom.reports) {
          await upsert(
            'field-report',
            r,
            {
              chronicle: docId(r.chronicle),
              bylines: r.bylines.map((b) => ({ contributor: docId(b.contributor), role: b.role })),
              tags: r.tags.map((label) => ({ label })),
            },
            (t) => ({
              title: t.title,
              kicker: t.kicker ?? null,
              dek: t.dek ?? null,
              body: t.body,
              dateline: { place: t.datelinePlace, date: r.datelineDate },
            })
          );
        }
        for (const p of newsroom.profiles) {
          await upsert(
            'frontline-profile',
            p,
            {
              kind: p.kind,
              unit: docId(p.unit),
              consent: p.consent,
              dutyRoles: p.dutyRoles.map((role) => ({ role })),
            },
            (t, lang) => {
              return {
                fullName: t.fullName,
                roleTitle: t.roleTitle,
                citation: t.citation,
                privateNotes: lang === 'zh' ? (p.privateNotes ?? null) : null,
                deeds: p.deeds.map((d) => ({
                  date: d.date,
                  precision: d.precision,
                  summary: (d.text[lang] ?? d.text.zh).summary,
                  sourceReport: docId(d.report),
                })),
                quotes: p.quotes.map((q) => ({
                  text: (q.text[lang] ?? q.text.zh).text,
                  context: (q.text[lang] ?? q.text.zh).context ?? null,
                  saidOn: q.saidOn ?? null,
                  sourceReport: q.report ? docId(q.report) : null,
                })),
              };
            }
          );
        }
        for (const s of newsroom.statistics) {
          await upsert(
            'grid-statistic',
            s,
            {
              metric: s.metric,
              value: s.value,
              qualifier: s.qualifier,
              countUnit: s.countUnit,
              scopeUnit: docId(s.scopeUnit),
              periodStart: s.periodStart ?? null,
              periodEnd: s.periodEnd ?? null,
              asOf: s.asOf ?? null,
              sourceReport: docId(s.report),
              additive: s.additive,
            },
            (t) => ({ label: t.label })
          );
        }
        for (const e of newsroom.events) {
          await upsert(
            'timeline-event',
            e,
            {
              occurredAt: new Date(e.occurredAt).toISOString(),
              endAt: e.endAt ? new Date(e.endAt).toISOString() : null,
              precision: e.precision,
              approximate: e.approximate,
              timeZone: NEWSROOM_TIME_ZONE,
              importance: e.importance,
              units: docIds(e.units),
              actors: docIds(e.actors),
              chronicle: docId(e.chronicle),
              sourceReport: docId(e.report),
              statistics: docIds(e.statistics),
            },
            (t) => ({ title: t.title, description: t.description ?? null, place: t.place ?? null })
          );
        }
        // Reports name their profiles; written last because deeds point back at the reports.
        for (const r of newsroom.reports) {
          for (const [locale] of LOCALE_TEXT) {
            if (await isPublished(typeUid('field-report'), docId(r.key) as string, locale)) continue;
            await strapi.documents(typeUid('field-report') as never).update({
              documentId: docId(r.key),
              locale,
              data: { profiles: docIds(r.profiles) },
            } as never);
          }
        }
        // The figures are checked against the newspaper report they were printed in (issue #17):
        // a document source, the report itself, so the demo keeps its numbers and their "how we know".
        await verifyAll(newsroom);
        // Publish targets before the records that point at them.
        await publishAll('chronicle', newsroom.chronicles.map((c) => c.key));
        await publishAll('field-report', newsroom.reports.map((r) => r.key));
        await publishAll('frontline-profile', newsroom.profiles.map((p) => p.key));
        await publishAll('grid-statistic', newsroom.statistics.map((s) => s.key));
        await publishAll('timeline-event', newsroom.events.map((e) => e.key));
        return {
          units: newsroom.units.length,
          contributors: newsroom.contributors.length,
          chronicles: newsroom.chronicles.length,
          reports: newsroom.reports.length,
          profiles: newsroom.profiles.length,
          statistics: newsroom.statistics.length,
          events: newsroom.events.length,
        };
      });
    },

    /** The demo's admin accounts; the password is (re)set each time so the printed one works. */
    async ensureAccounts(password: string) {
      const users = strapi.service('admin::user');
      const roles = strapi.service('admin::role');
      const result: Array<{ email: string; role: string }> = [];
      for (const account of DEMO_ACCOUNTS) {
        const role = await roles.findOne({ code: account.role });
        if (!role) throw new Error(`role ${account.role} is missing`);
        const existing = await users.findOneByEmail(account.email);
        const data = {
          firstname: account.firstname,
          lastname: account.lastname,
          password,
          isActive: true,
          roles: [role.id],
        };
        if (existing) await users.updateById(existing.id, data);
        else await users.create({ ...data, email: account.email, registrationToken: null });
        result.push({ email: account.email, role: role.name });
      }
      return result;
    },
  };
};

export type DemoService = ReturnType<typeof demo>;
export default demo;
