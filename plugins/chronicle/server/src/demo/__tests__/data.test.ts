/**
 * Integrity of the demo newsroom (../data.ts): references, keys and slugs, enum values,
 * translations, dates, figures and privacy. The checks against the seed page itself (no sentence
 * copied, facts from the seed) need the seed folder: tests/seed, run by `npm run check:seed`.
 */
import { demoNewsroom } from '../data';
import {
  BYLINE_ROLES,
  CONSENT_STATES,
  CONTRIBUTOR_KINDS,
  DATE_PRECISIONS,
  DUTY_ROLES,
  METRIC_PATTERN,
  PRECISIONS,
  PROFILE_KINDS,
  QUALIFIERS,
  SLUG_PATTERN,
  UNIT_KINDS,
} from '../../domain/enums';
import { collectStrings } from './strings';

const data = demoNewsroom;

/**
 * Words that must never reach a public surface (docs/security.md, privacy). Chinese terms match anywhere;
 * English ones are whole-word patterns, so that "chronicle" is not taken for "chronic".
 */
const FORBIDDEN_PUBLIC: Array<[string, RegExp]> = [
  ['孕', /孕/u],
  ['单亲', /单亲/u],
  ['慢性病', /慢性病/u],
  ['慢性疾病', /慢性疾病/u],
  ['pregnan', /\bpregnan/i],
  ['single mother', /\bsingle\s+(mother|mum|mom|parent)/i],
  ['chronic', /\bchronic(?!le)/i],
  // residents helped, who are not profiles and are not named in public texts
  ['唐女士', /唐女士/u],
  ['Ms Tang', /\bMs\.?\s+Tang\b/i],
  ['汲国庆', /汲国庆/u],
  // Cao Yong's newborn: family detail, private notes only
  ['满月', /满月/u],
  ['newborn', /\bnewborn/i],
];

const ISO_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\+08:00$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const slugRe = new RegExp(SLUG_PATTERN);
const metricRe = new RegExp(METRIC_PATTERN);

const COUNT_UNITS = ['名', '个', '次', '人', '人次', '辆次', '支', '家', '轮', '户', '份'];

type AnyRecord = { key: string; slug: string; text: { zh: Record<string, unknown>; en?: Record<string, unknown> } };

const collections: Record<string, AnyRecord[]> = {
  units: data.units,
  contributors: data.contributors,
  reports: data.reports,
  profiles: data.profiles,
  chronicles: data.chronicles,
  events: data.events,
  statistics: data.statistics,
};

const keysOf = (list: { key: string }[]) => new Set(list.map((r) => r.key));
const unitKeys = keysOf(data.units);
const contributorKeys = keysOf(data.contributors);
const reportKeys = keysOf(data.reports);
const profileKeys = keysOf(data.profiles);
const chronicleKeys = keysOf(data.chronicles);
const eventKeys = keysOf(data.events);
const statisticKeys = keysOf(data.statistics);

const unitByKey = new Map(data.units.map((u) => [u.key, u]));
const reportByKey = new Map(data.reports.map((r) => [r.key, r]));
const chronicleByKey = new Map(data.chronicles.map((c) => [c.key, c]));
const statisticByKey = new Map(data.statistics.map((s) => [s.key, s]));

const PUBLIC_STRINGS = collectStrings(data, 'demoNewsroom', new Set(['privateNotes']));

function isValidDate(ymd: string): boolean {
  if (!DATE_ONLY.test(ymd)) return false;
  const d = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === ymd;
}

describe('demo newsroom: keys and slugs', () => {
  it('has unique keys across all collections', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const [name, list] of Object.entries(collections)) {
      for (const r of list) {
        if (seen.has(r.key)) dupes.push(`${r.key} (${seen.get(r.key)} and ${name})`);
        seen.set(r.key, name);
      }
    }
    expect(dupes).toEqual([]);
  });

  it('has unique slugs per type, all matching the slug pattern', () => {
    for (const [name, list] of Object.entries(collections)) {
      const slugs = list.map((r) => r.slug);
      const dupes = slugs.filter((s, i) => slugs.indexOf(s) !== i);
      expect({ name, dupes }).toEqual({ name, dupes: [] });
      const bad = slugs.filter((s) => !slugRe.test(s));
      expect({ name, bad }).toEqual({ name, bad: [] });
    }
  });

  it('uses kebab-case metric keys and tags', () => {
    expect(data.statistics.filter((s) => !metricRe.test(s.metric)).map((s) => s.key)).toEqual([]);
    for (const r of data.reports) expect(r.tags.filter((t) => !slugRe.test(t))).toEqual([]);
  });
});

describe('demo newsroom: counts', () => {
  it('has enough profiles, police events and statistics', () => {
    expect(data.profiles.length).toBeGreaterThanOrEqual(15);
    expect(data.events.filter((e) => e.chronicle === 'ch-police').length).toBeGreaterThanOrEqual(10);
    expect(data.statistics.length).toBeGreaterThanOrEqual(18);
    expect(data.statistics.length).toBeLessThanOrEqual(25);
    expect(data.reports).toHaveLength(3);
    expect(data.chronicles).toHaveLength(1);
  });
});

describe('demo newsroom: referential integrity', () => {
  it('unit parents exist and form trees without cycles', () => {
    for (const u of data.units) {
      if (u.parent !== undefined) expect({ unit: u.key, parentExists: unitKeys.has(u.parent) }).toEqual({ unit: u.key, parentExists: true });
    }
    for (const u of data.units) {
      const seen = new Set<string>();
      let cur: string | undefined = u.key;
      while (cur !== undefined) {
        if (seen.has(cur)) throw new Error(`cycle in unit parents at ${cur} (from ${u.key})`);
        seen.add(cur);
        cur = unitByKey.get(cur)?.parent;
      }
    }
    const roots = data.units.filter((u) => u.parent === undefined).map((u) => u.key).sort();
    // The district is the root of the tree; the hospital's place is not given by the seed.
    expect(roots).toEqual(['u-coal-hospital', 'u-jiancaoping']);
  });

  it('unit kinds nest sensibly', () => {
    const parentKind = (key: string) => unitByKey.get(unitByKey.get(key)!.parent ?? '')?.kind;
    for (const u of data.units) {
      const pk = parentKind(u.key);
      if (u.kind === 'district') expect(u.parent).toBeUndefined();
      if (u.kind === 'subdistrict') expect({ unit: u.key, pk }).toEqual({ unit: u.key, pk: 'district' });
      if (u.kind === 'community') expect({ unit: u.key, ok: pk === 'subdistrict' || pk === 'district' }).toEqual({ unit: u.key, ok: true });
      if (u.kind === 'police-station' || u.kind === 'police-brigade') expect({ unit: u.key, pk }).toEqual({ unit: u.key, pk: 'police-bureau' });
    }
  });

  it('reports refer to existing contributors, profiles and chronicles', () => {
    for (const r of data.reports) {
      expect(r.bylines.length).toBeGreaterThan(0);
      for (const b of r.bylines) expect({ report: r.key, contributor: b.contributor, ok: contributorKeys.has(b.contributor) }).toEqual({ report: r.key, contributor: b.contributor, ok: true });
      for (const p of r.profiles) expect({ report: r.key, profile: p, ok: profileKeys.has(p) }).toEqual({ report: r.key, profile: p, ok: true });
      if (r.chronicle !== undefined) expect(chronicleKeys.has(r.chronicle)).toBe(true);
    }
  });

  it('profiles refer to existing units and reports, and are featured where their deeds are told', () => {
    for (const p of data.profiles) {
      expect({ profile: p.key, unit: unitKeys.has(p.unit) }).toEqual({ profile: p.key, unit: true });
      expect(p.deeds.length).toBeGreaterThanOrEqual(1);
      for (const d of p.deeds) {
        expect({ profile: p.key, report: d.report, ok: reportKeys.has(d.report) }).toEqual({ profile: p.key, report: d.report, ok: true });
        expect({ profile: p.key, report: d.report, featured: reportByKey.get(d.report)!.profiles.includes(p.key) }).toEqual({
          profile: p.key,
          report: d.report,
          featured: true,
        });
      }
      for (const q of p.quotes) if (q.report !== undefined) expect(reportKeys.has(q.report)).toBe(true);
    }
    const featured = new Set(data.reports.flatMap((r) => r.profiles));
    expect(data.profiles.filter((p) => !featured.has(p.key)).map((p) => p.key)).toEqual([]);
  });

  it('chronicles refer to existing units', () => {
    for (const c of data.chronicles) expect(unitKeys.has(c.subjectUnit)).toBe(true);
  });

  it('events refer to existing units, actors, chronicles, reports and statistics', () => {
    for (const e of data.events) {
      const ctx = { event: e.key };
      expect(e.units.length).toBeGreaterThan(0);
      for (const u of e.units) expect({ ...ctx, unit: u, ok: unitKeys.has(u) }).toEqual({ ...ctx, unit: u, ok: true });
      for (const a of e.actors) {
        expect({ ...ctx, actor: a, ok: profileKeys.has(a) }).toEqual({ ...ctx, actor: a, ok: true });
        // an actor of an event is featured by the event's report
        expect({ ...ctx, actor: a, featured: reportByKey.get(e.report)?.profiles.includes(a) }).toEqual({ ...ctx, actor: a, featured: true });
      }
      expect({ ...ctx, report: reportKeys.has(e.report) }).toEqual({ ...ctx, report: true });
      if (e.chronicle !== undefined) {
        expect({ ...ctx, chronicle: chronicleKeys.has(e.chronicle) }).toEqual({ ...ctx, chronicle: true });
        expect({ ...ctx, sameChronicle: reportByKey.get(e.report)?.chronicle === e.chronicle }).toEqual({ ...ctx, sameChronicle: true });
      }
      for (const s of e.statistics) {
        expect({ ...ctx, statistic: s, ok: statisticKeys.has(s) }).toEqual({ ...ctx, statistic: s, ok: true });
        expect({ ...ctx, statistic: s, sameReport: statisticByKey.get(s)?.report === e.report }).toEqual({ ...ctx, statistic: s, sameReport: true });
      }
    }
  });

  it('statistics refer to existing units and reports', () => {
    for (const s of data.statistics) {
      expect({ stat: s.key, unit: unitKeys.has(s.scopeUnit), report: reportKeys.has(s.report) }).toEqual({ stat: s.key, unit: true, report: true });
    }
  });

  it('every event key is referenced consistently (no dangling duplicates)', () => {
    expect(eventKeys.size).toBe(data.events.length);
  });
});

describe('demo newsroom: enum values', () => {
  const inEnum = (list: readonly string[], v: string) => list.includes(v);

  it('uses only enum keys from domain/enums', () => {
    const bad: string[] = [];
    for (const u of data.units) if (!inEnum(UNIT_KINDS, u.kind)) bad.push(`unit ${u.key}: ${u.kind}`);
    for (const c of data.contributors) if (!inEnum(CONTRIBUTOR_KINDS, c.kind)) bad.push(`contributor ${c.key}: ${c.kind}`);
    for (const r of data.reports) for (const b of r.bylines) if (!inEnum(BYLINE_ROLES, b.role)) bad.push(`byline ${r.key}: ${b.role}`);
    for (const p of data.profiles) {
      if (!inEnum(PROFILE_KINDS, p.kind)) bad.push(`profile ${p.key}: ${p.kind}`);
      if (!inEnum(CONSENT_STATES, p.consent)) bad.push(`profile ${p.key}: ${p.consent}`);
      for (const d of p.dutyRoles) if (!inEnum(DUTY_ROLES, d)) bad.push(`profile ${p.key}: ${d}`);
      if (new Set(p.dutyRoles).size !== p.dutyRoles.length) bad.push(`profile ${p.key}: duplicate duty roles`);
      for (const d of p.deeds) if (!inEnum(DATE_PRECISIONS, d.precision)) bad.push(`deed ${p.key}: ${d.precision}`);
    }
    for (const e of data.events) if (!inEnum(PRECISIONS, e.precision)) bad.push(`event ${e.key}: ${e.precision}`);
    for (const s of data.statistics) if (!inEnum(QUALIFIERS, s.qualifier)) bad.push(`statistic ${s.key}: ${s.qualifier}`);
    expect(bad).toEqual([]);
  });
});

describe('demo newsroom: translations', () => {
  function missingEn(where: string, text: { zh: Record<string, unknown>; en?: Record<string, unknown> }): string[] {
    if (!text.en) return [`${where}: no text.en`];
    return Object.entries(text.zh)
      .filter(([, v]) => typeof v === 'string' && v.length > 0)
      .filter(([k]) => typeof text.en![k] !== 'string' || (text.en![k] as string).trim() === '')
      .map(([k]) => `${where}: text.en.${k} missing`);
  }

  it('every record, deed and quote has English for every Chinese field', () => {
    const missing: string[] = [];
    for (const [name, list] of Object.entries(collections)) for (const r of list) missing.push(...missingEn(`${name}/${r.key}`, r.text));
    for (const p of data.profiles) {
      p.deeds.forEach((d, i) => missing.push(...missingEn(`${p.key}.deeds[${i}]`, d.text)));
      p.quotes.forEach((q, i) => missing.push(...missingEn(`${p.key}.quotes[${i}]`, q.text)));
    }
    expect(missing).toEqual([]);
  });

  it('English texts are really English (no Han characters)', () => {
    const han = /\p{Script=Han}/u;
    const bad = PUBLIC_STRINGS.filter(([at, s]) => /\.en\./.test(at) && han.test(s)).map(([at]) => at);
    expect(bad).toEqual([]);
  });
});

describe('demo newsroom: dates and figures', () => {
  it('events have ISO instants with +08:00, consistent precision and endAt ≥ occurredAt', () => {
    for (const e of data.events) {
      const m = ISO_OFFSET.exec(e.occurredAt);
      expect({ event: e.key, iso: !!m && !Number.isNaN(Date.parse(e.occurredAt)) }).toEqual({ event: e.key, iso: true });
      const [, , hh, mm, ss] = m!;
      if (e.precision === 'day') expect({ event: e.key, midnight: `${hh}:${mm}:${ss}` }).toEqual({ event: e.key, midnight: '00:00:00' });
      if (e.precision === 'hour' || e.precision === 'part-of-day') expect({ event: e.key, mm, ss }).toEqual({ event: e.key, mm: '00', ss: '00' });
      expect(e.occurredAt.startsWith('2022-02') || e.occurredAt.startsWith('2022-03')).toBe(true);
      if (e.endAt !== undefined) {
        expect({ event: e.key, iso: ISO_OFFSET.test(e.endAt) }).toEqual({ event: e.key, iso: true });
        expect(Date.parse(e.endAt)).toBeGreaterThanOrEqual(Date.parse(e.occurredAt));
      }
      expect(Number.isInteger(e.importance) && e.importance >= 1 && e.importance <= 5).toBe(true);
    }
  });

  it('chronicle events fall inside the chronicle period', () => {
    for (const c of data.chronicles) {
      expect(isValidDate(c.periodStart) && isValidDate(c.periodEnd)).toBe(true);
      expect(c.periodStart <= c.periodEnd).toBe(true);
      for (const e of data.events.filter((x) => x.chronicle === c.key)) {
        const local = e.occurredAt.slice(0, 10); // the offset is +08:00: local calendar date
        expect({ event: e.key, inside: local >= c.periodStart && local <= c.periodEnd }).toEqual({ event: e.key, inside: true });
      }
    }
    expect(chronicleByKey.get('ch-police')?.subjectUnit).toBe('u-police-bureau');
  });

  it('deeds, quotes and datelines carry valid dates matching their precision', () => {
    for (const r of data.reports) expect({ report: r.key, ok: isValidDate(r.datelineDate) }).toEqual({ report: r.key, ok: true });
    for (const p of data.profiles) {
      for (const d of p.deeds) {
        expect({ profile: p.key, date: d.date, ok: isValidDate(d.date) }).toEqual({ profile: p.key, date: d.date, ok: true });
        if (d.precision === 'month') expect(d.date.endsWith('-01')).toBe(true);
        if (d.precision === 'year') expect(d.date.endsWith('-01-01')).toBe(true);
        expect(d.date.startsWith('2022-')).toBe(true);
      }
      for (const q of p.quotes) if (q.saidOn !== undefined) expect(isValidDate(q.saidOn)).toBe(true);
    }
  });

  it('statistics are non-negative, with a known unit of count and a sane period', () => {
    for (const s of data.statistics) {
      const ctx = { stat: s.key };
      expect({ ...ctx, ok: Number.isFinite(s.value) && s.value >= 0 }).toEqual({ ...ctx, ok: true });
      expect({ ...ctx, countUnit: COUNT_UNITS.includes(s.countUnit) }).toEqual({ ...ctx, countUnit: true });
      for (const d of [s.periodStart, s.periodEnd, s.asOf]) if (d !== undefined) expect({ ...ctx, d, ok: isValidDate(d) }).toEqual({ ...ctx, d, ok: true });
      if (s.periodStart && s.periodEnd) expect(s.periodStart <= s.periodEnd).toBe(true);
      if (s.periodEnd) expect(s.periodStart).toBeDefined();
    }
  });
});

describe('demo newsroom: people and privacy', () => {
  it('consent: police and officials act in public duty, exactly one anonymised, none withdrawn', () => {
    for (const p of data.profiles) {
      if (p.kind === 'police' || p.kind === 'official') expect({ profile: p.key, consent: p.consent }).toEqual({ profile: p.key, consent: 'public-duty' });
    }
    expect(data.profiles.filter((p) => p.consent === 'anonymised')).toHaveLength(1);
    expect(data.profiles.filter((p) => p.consent === 'withdrawn')).toHaveLength(0);
  });

  it('people helped are not profiles', () => {
    const names = data.profiles.map((p) => p.text.zh.fullName);
    for (const n of ['柳师傅', '唐女士', '汲国庆']) expect(names).not.toContain(n);
  });

  it('no public text carries health, pregnancy or family details', () => {
    const hits: string[] = [];
    for (const [at, s] of PUBLIC_STRINGS) {
      for (const [w, re] of FORBIDDEN_PUBLIC) if (re.test(s)) hits.push(`${at}: "${w}"`);
    }
    expect(hits).toEqual([]);
  });

  it('the real name of an anonymised profile appears in no public text but its own fullName', () => {
    for (const p of data.profiles.filter((x) => x.consent === 'anonymised')) {
      const names = [p.text.zh.fullName, p.text.en?.fullName].filter((n): n is string => !!n);
      const own = new Set([`demoNewsroom.profiles[${data.profiles.indexOf(p)}].text.zh.fullName`, `demoNewsroom.profiles[${data.profiles.indexOf(p)}].text.en.fullName`]);
      const leaks = PUBLIC_STRINGS.filter(([at, s]) => !own.has(at) && names.some((n) => s.includes(n))).map(([at]) => at);
      expect({ profile: p.key, leaks }).toEqual({ profile: p.key, leaks: [] });
      expect(p.quotes).toEqual([]);
    }
  });

  it('sensitive details that the seed does give are kept in private notes', () => {
    const zhang = data.profiles.find((p) => p.key === 'p-zhang-yanqin');
    expect(zhang?.privateNotes).toBeTruthy();
  });
});

describe('demo newsroom: reports', () => {
  it('bodies have 3–8 paragraphs in Chinese and a body in English; datelines are set', () => {
    for (const r of data.reports) {
      const paras = r.text.zh.body.split(/\n\s*\n/).filter((p) => p.trim() !== '');
      expect({ report: r.key, ok: paras.length >= 3 && paras.length <= 8 }).toEqual({ report: r.key, ok: true });
      expect((r.text.en?.body ?? '').trim().length).toBeGreaterThan(0);
      expect(r.text.zh.datelinePlace).toBe('太原');
      expect(r.text.en?.datelinePlace).toBe('Taiyuan');
    }
  });
});
