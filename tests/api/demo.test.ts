/**
 * The demo newsroom: loaded from the seed's facts, published in both locales, with its
 * relations intact in the published versions; loading it twice leaves the same counts; the
 * demo accounts work; an editor sees it in the Content Manager in both locales.
 */
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi } from '../helpers/admin';
import request from 'supertest';

const TYPES = ['unit', 'contributor', 'chronicle', 'field-report', 'frontline-profile', 'grid-statistic', 'timeline-event'];
const uid = (type: string) => `plugin::chronicle.${type}`;

let app: TestStrapi;
let firstCounts: Record<string, number>;
let loadResult: Record<string, number>;

/** Rows per type, all versions and locales: a second load must not add any. */
const rowCounts = async () => {
  const counts: Record<string, number> = {};
  for (const type of TYPES) counts[type] = await app.strapi.db.query(uid(type) as never).count({});
  return counts;
};

const published = (type: string, locale: string, populate?: unknown) =>
  app.strapi.documents(uid(type) as never).findMany({ locale, status: 'published', populate } as never) as Promise<any[]>;

beforeAll(async () => {
  app = await startStrapi();
  const demo = app.strapi.plugin('chronicle').service('demo');
  await demo.ensureAccounts('Demo-Password-1');
  loadResult = await demo.load();
  firstCounts = await rowCounts();
});
afterAll(async () => {
  await app?.stop();
});

test('loads the whole newsroom: the seed’s units, people, events and figures', () => {
  expect(loadResult.units).toBeGreaterThanOrEqual(20);
  expect(loadResult.profiles).toBeGreaterThanOrEqual(15);
  expect(loadResult.events).toBeGreaterThanOrEqual(10);
  expect(loadResult.statistics).toBeGreaterThanOrEqual(18);
  expect(loadResult.reports).toBe(3);
  expect(loadResult.chronicles).toBe(1);
});

test('publishes every editorial document in zh-Hans and en', async () => {
  for (const [type, key] of [['field-report', 'reports'], ['frontline-profile', 'profiles'], ['timeline-event', 'events'], ['grid-statistic', 'statistics'], ['chronicle', 'chronicles']]) {
    expect((await published(type, 'zh-Hans')).length).toBe(loadResult[key]);
    expect((await published(type, 'en')).length).toBe(loadResult[key]);
  }
});

test('keeps relations in the published versions, in both locales', async () => {
  const [chronicleZh] = await published('chronicle', 'zh-Hans', ['events', 'subjectUnit']);
  expect(chronicleZh.subjectUnit.name).toBe('公安尖草坪分局');
  expect(chronicleZh.events.length).toBeGreaterThanOrEqual(10);

  const [chronicleEn] = await published('chronicle', 'en', ['events', 'subjectUnit']);
  expect(chronicleEn.subjectUnit.name).toMatch(/Jiancaoping/);
  expect(chronicleEn.events.length).toBe(chronicleZh.events.length);

  const figures = await published('grid-statistic', 'zh-Hans', ['scopeUnit', 'sourceReport']);
  const calls = figures.find((f) => f.metric === 'video-calls');
  expect(calls).toMatchObject({ qualifier: 'more-than', countUnit: '次' });
  expect(Number(calls.value)).toBe(100000);
  expect(calls.scopeUnit.name).toBe('南寨街道');
  expect(calls.sourceReport).not.toBeNull();
  expect(figures.every((f) => f.scopeUnit && f.sourceReport)).toBe(true);

  const police = figures.find((f) => f.metric === 'police-deployments');
  expect(police).toMatchObject({ qualifier: 'more-than', countUnit: '人次' });
  expect(Number(police.value)).toBe(4800);

  const profiles = await published('frontline-profile', 'zh-Hans', { unit: true, reports: true, deeds: { populate: ['sourceReport'] } });
  const guo = profiles.find((p) => p.fullName === '郭妍菊');
  expect(guo.unit.name).toBe('兴安苑社区');
  expect(guo.reports.length).toBe(1);
  expect(guo.deeds[0].sourceReport).not.toBeNull();
  expect(profiles.every((p) => p.unit)).toBe(true);

  const profilesEn = await published('frontline-profile', 'en', ['unit']);
  expect(profilesEn.find((p) => p.slug === guo.slug).fullName).toBe('Guo Yanju');

  const events = await published('timeline-event', 'zh-Hans', ['sourceReport', 'units']);
  expect(events.every((e) => e.sourceReport && e.units.length > 0)).toBe(true);
  const transfer = events.find((e) => e.occurredAt === '2022-02-24T04:00:00.000Z');
  expect(transfer).toMatchObject({ precision: 'hour', approximate: true });

  const reports = await published('field-report', 'zh-Hans', { bylines: { populate: ['contributor'] } });
  const names = reports.flatMap((r) => r.bylines.map((b: any) => `${b.contributor.name}:${b.role}`)).sort();
  expect(names).toEqual(expect.arrayContaining(['王勇:reporter', '杨沫:reporter', '韩睿:reporter', '柳艳:correspondent']));
});

test('keeps private notes private and out of other fields', async () => {
  const profiles = await published('frontline-profile', 'zh-Hans');
  const zhang = profiles.find((p) => p.fullName === '张燕琴');
  expect(zhang.privateNotes).toBeTruthy();
  const publicText = JSON.stringify({ ...zhang, privateNotes: undefined });
  expect(publicText).not.toMatch(/单亲|慢性病/);
});

test('loading twice leaves the same counts', async () => {
  const again = await app.strapi.plugin('chronicle').service('demo').load();
  expect(again).toEqual(loadResult);
  expect(await rowCounts()).toEqual(firstCounts);
});

test('the demo accounts log in, and the editor sees the newsroom in both locales', async () => {
  const server = app.strapi.server.httpServer;
  const tokens: Record<string, string> = {};
  for (const email of ['admin@chronicle.local', 'editor@chronicle.local', 'reporter@chronicle.local', 'reporter2@chronicle.local']) {
    const res = await request(server).post('/admin/login').send({ email, password: 'Demo-Password-1' });
    expect(res.status).toBe(200);
    tokens[email] = res.body.data.token;
  }
  const editor = adminApi(app.strapi, tokens['editor@chronicle.local']);
  for (const locale of ['zh-Hans', 'en']) {
    const res = await editor.get(`/content-manager/collection-types/${uid('field-report')}?locale=${locale}`);
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBe(3);
    expect(res.body.results.every((r: any) => r.locale === locale && r.status === 'published')).toBe(true);
  }
  const profiles = await editor.get(`/content-manager/collection-types/${uid('frontline-profile')}?locale=en&pageSize=100`);
  expect(profiles.body.results.map((p: any) => p.fullName)).toContain('Guo Yanju');
});

test('a second run of ensureAccounts resets the password and keeps one account per e-mail', async () => {
  const demo = app.strapi.plugin('chronicle').service('demo');
  await demo.ensureAccounts('Other-Password-2');
  const users = await app.strapi.db.query('admin::user').findMany({ where: { email: { $endsWith: '@chronicle.local' } } });
  expect(users.length).toBe(4);
  const res = await request(app.strapi.server.httpServer).post('/admin/login').send({ email: 'editor@chronicle.local', password: 'Other-Password-2' });
  expect(res.status).toBe(200);
});
