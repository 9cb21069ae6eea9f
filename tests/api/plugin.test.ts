/**
 * The chronicle plugin is really loaded from its compiled entry: its content types and
 * components exist, its public and admin routes answer, the locales exist, and each type
 * can be created, related and read through the Document Service in both locales.
 */
import request from 'supertest';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';

const TYPES = [
  'unit',
  'contributor',
  'frontline-profile',
  'field-report',
  'chronicle',
  'timeline-event',
  'grid-statistic',
  'workflow-transition',
];

let app: TestStrapi;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const docs = (type: string) => app.strapi.documents(`plugin::chronicle.${type}` as never) as any;

describe('plugin loading', () => {
  test('registers every content type with i18n and the right Draft & Publish setting', () => {
    for (const type of TYPES) {
      const ct = app.strapi.contentTypes[`plugin::chronicle.${type}` as never] as any;
      expect(ct).toBeDefined();
      expect(ct.plugin).toBe('chronicle');
    }
    const dp = (type: string) => (app.strapi.contentTypes[`plugin::chronicle.${type}` as never] as any).options.draftAndPublish;
    expect(['frontline-profile', 'field-report', 'chronicle', 'timeline-event', 'grid-statistic'].map(dp)).toEqual([true, true, true, true, true]);
    expect(['unit', 'contributor', 'workflow-transition'].map(dp)).toEqual([false, false, false]);
    const localized = (type: string) =>
      (app.strapi.contentTypes[`plugin::chronicle.${type}` as never] as any).pluginOptions.i18n.localized;
    expect(TYPES.filter(localized)).toEqual(TYPES.filter((t) => t !== 'workflow-transition'));
  });

  test('registers the plugin components', () => {
    for (const name of ['byline', 'dateline', 'photo', 'correction', 'deed', 'quote', 'honour', 'duty-role', 'tag']) {
      expect(app.strapi.components[`chronicle.${name}` as never]).toBeDefined();
    }
  });

  test('creates the locales with zh-Hans as the default', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('zh-Hans');
    const codes = ((await locales.find()) as Array<{ code: string }>).map((l) => l.code).sort();
    expect(codes).toEqual(['en', 'zh-Hans']);
  });

  test('answers its public route without authentication, with an explicit body', async () => {
    const res = await request(app.strapi.server.httpServer).get('/api/chronicle/status');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: 'chronicle', locales: ['en', 'zh-Hans'], defaultLocale: 'zh-Hans' });
  });

  test('refuses unknown query parameters on its public route with a 400 naming them', async () => {
    const res = await request(app.strapi.server.httpServer).get('/api/chronicle/status?populate=*');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/unknown query parameter: populate/);
  });

  test('answers /_health', async () => {
    const res = await request(app.strapi.server.httpServer).get('/_health');
    expect(res.status).toBe(204);
  });

  test('guards its admin route: 401 without a token, 200 for an editor', async () => {
    const anonymous = await request(app.strapi.server.httpServer).get('/chronicle/overview');
    expect(anonymous.status).toBe(401);
    await createAdminUser(app.strapi, 'editor-plugin@test.local', 'strapi-editor');
    const token = await login(app.strapi, 'editor-plugin@test.local');
    const res = await adminApi(app.strapi, token).get('/chronicle/overview');
    expect(res.status).toBe(200);
    expect(res.body.counts['field-report']).toEqual({ documents: 0, published: 0 });
  });
});

describe('content types through the Document Service, in both locales', () => {
  test('creates related records, translates them and reads relations both ways', async () => {
    const district = await docs('unit').create({ locale: 'zh-Hans', data: { name: '尖草坪区', kind: 'district' } });
    await docs('unit').update({ documentId: district.documentId, locale: 'en', data: { name: 'Jiancaoping District' } });
    const community = await docs('unit').create({
      locale: 'zh-Hans',
      data: { name: '兴安苑社区', kind: 'community', parent: district.documentId },
    });
    await docs('unit').update({
      documentId: community.documentId,
      locale: 'en',
      data: { name: 'Xing’anyuan Community', parent: district.documentId },
    });

    const reporter = await docs('contributor').create({ locale: 'zh-Hans', data: { name: '王勇', kind: 'reporter' } });
    const report = await docs('field-report').create({
      locale: 'zh-Hans',
      data: {
        title: '网格员变身多面手',
        body: '正文',
        bylines: [{ contributor: reporter.documentId, role: 'reporter' }],
        dateline: { place: '太原', date: '2022-03-07' },
      },
    });
    const profile = await docs('frontline-profile').create({
      locale: 'zh-Hans',
      data: {
        fullName: '郭妍菊',
        roleTitle: '网格员',
        kind: 'grid-worker',
        unit: community.documentId,
        dutyRoles: [{ role: 'counselling' }, { role: 'outreach' }],
        deeds: [{ date: '2022-03-01', precision: 'day', summary: '联系心理咨询师帮助居民', sourceReport: report.documentId }],
        consent: 'consented',
      },
    });
    await docs('frontline-profile').update({
      documentId: profile.documentId,
      locale: 'en',
      data: { fullName: 'Guo Yanju', roleTitle: 'grid worker', unit: community.documentId },
    });
    await docs('field-report').update({ documentId: report.documentId, locale: 'zh-Hans', data: { profiles: [profile.documentId] } });
    const chronicle = await docs('chronicle').create({
      locale: 'zh-Hans',
      data: { title: '战疫纪实', periodStart: '2022-02-23', periodEnd: '2022-03-06', subjectUnit: district.documentId },
    });
    const statistic = await docs('grid-statistic').create({
      locale: 'zh-Hans',
      data: { metric: 'video-calls', label: '视频通话', value: 100000, qualifier: 'more-than', countUnit: '次', scopeUnit: district.documentId, sourceReport: report.documentId, additive: true },
    });
    const event = await docs('timeline-event').create({
      locale: 'zh-Hans',
      data: {
        title: '师生转运完成',
        occurredAt: '2022-02-24T04:00:00.000Z',
        precision: 'hour',
        approximate: true,
        units: [district.documentId],
        actors: [profile.documentId],
        chronicle: chronicle.documentId,
        sourceReport: report.documentId,
        statistics: [statistic.documentId],
      },
    });

    // Slugs are made from the Chinese main field and shared by the English version.
    expect(district.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const districtEn = await docs('unit').findOne({ documentId: district.documentId, locale: 'en' });
    expect(districtEn.name).toBe('Jiancaoping District');
    expect(districtEn.slug).toBe(district.slug);

    const tree = await docs('unit').findOne({ documentId: district.documentId, locale: 'zh-Hans', populate: ['children'] });
    expect(tree.children.map((c: any) => c.name)).toEqual(['兴安苑社区']);
    const treeEn = await docs('unit').findOne({ documentId: district.documentId, locale: 'en', populate: ['children'] });
    expect(treeEn.children.map((c: any) => c.name)).toEqual(['Xing’anyuan Community']);

    const readProfile = await docs('frontline-profile').findOne({
      documentId: profile.documentId,
      locale: 'zh-Hans',
      populate: { unit: true, reports: true, events: true, dutyRoles: true, deeds: { populate: ['sourceReport'] } },
    });
    expect(readProfile.unit.name).toBe('兴安苑社区');
    expect(readProfile.reports.map((r: any) => r.title)).toEqual(['网格员变身多面手']);
    expect(readProfile.events.map((e: any) => e.title)).toEqual(['师生转运完成']);
    expect(readProfile.dutyRoles.map((d: any) => d.role)).toEqual(['counselling', 'outreach']);
    expect(readProfile.deeds[0].sourceReport.title).toBe('网格员变身多面手');

    const readReport = await docs('field-report').findOne({
      documentId: report.documentId,
      locale: 'zh-Hans',
      populate: { events: true, statistics: true, bylines: { populate: ['contributor'] }, dateline: true },
    });
    expect(readReport.events.map((e: any) => e.documentId)).toEqual([event.documentId]);
    expect(readReport.statistics.map((s: any) => s.label)).toEqual(['视频通话']);
    expect(readReport.bylines[0].contributor.name).toBe('王勇');
    expect(readReport.dateline).toMatchObject({ place: '太原', date: '2022-03-07' });

    const readChronicle = await docs('chronicle').findOne({ documentId: chronicle.documentId, locale: 'zh-Hans', populate: ['events'] });
    expect(readChronicle.events.map((e: any) => e.title)).toEqual(['师生转运完成']);

    const readStatistic = await docs('grid-statistic').findOne({ documentId: statistic.documentId, locale: 'zh-Hans', populate: ['events', 'scopeUnit'] });
    expect(Number(readStatistic.value)).toBe(100000);
    expect(readStatistic.events.map((e: any) => e.title)).toEqual(['师生转运完成']);
    expect(readStatistic.scopeUnit.name).toBe('尖草坪区');
  });
});
