/**
 * Extraction in a real browser (issue 6): a reporter opens their field report, whose body
 * has dates and figures, opens the Extract drawer, corrects and accepts one event and one
 * figure; the drafts exist, linked to the report and owned by them. Issue 15: each
 * proposal's expression is marked in the report's text with the rule that proposed it.
 * Issue 18 (item 6): the drawer is wide, over the form (desktop and phone); each row is
 * accepted or rejected on its own; the report's Events and Figures fields show the new
 * drafts without a reload; accepting applies the suggested unit; an accepted or rejected
 * proposal is not proposed again after the body is edited; "截至3月6日，…" gives an event
 * titled by what happened.
 */
import type { Browser } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminLanguage, adminLogin, launchBrowser, screenshot, until } from '../helpers/browser';

const PASSWORD = 'Demo-Password-1';
const REPORT = 'plugin::chronicle.field-report';
const BODY = [
  '2月25日清晨，尖草坪分局300名警力在迎新街区域开展核酸检测秩序维护。',
  '',
  '南寨街道网格员与居民视频通话10万余次。',
  '',
  '截至3月6日，全区累计完成核酸检测120万人次。',
].join('\n');

let app: TestStrapi;
let browser: Browser;
let reportId: string;
let reporterId: number;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  await app.strapi.plugin('chronicle').service('demo').ensureAccounts(PASSWORD);
  reporterId = (await app.strapi.service('admin::user').findOneByEmail('reporter@chronicle.local')).id;
  await app.strapi.documents('plugin::chronicle.unit' as never).create({ data: { name: '南寨街道', kind: 'subdistrict' } } as never);
  const report = (await app.strapi.documents(REPORT as never).create({
    locale: 'zh-Hans',
    data: { title: '迎新街核酸检测', body: BODY, dateline: { date: '2022-03-06' }, createdBy: reporterId, updatedBy: reporterId },
  } as never)) as any;
  reportId = report.documentId;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('a reporter works through the Extract drawer, row by row, in English on a desktop', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  await adminLanguage(context, 'en');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await adminLogin(page, app.url!, 'reporter@chronicle.local', PASSWORD);
  await page.goto(`${app.url}/admin/content-manager/collection-types/${REPORT}/${reportId}?plugins[i18n][locale]=zh-Hans`);
  await page.getByTestId('extract-open').waitFor({ timeout: 60000 });
  await page.evaluate(() => ((window as any).__notReloaded = true));
  await page.getByTestId('extract-open').click();

  // A wide drawer over the form: the text on one side, the proposals on the other.
  const drawer = page.getByTestId('extract-drawer');
  const events = drawer.getByTestId('extract-event');
  const figures = drawer.getByTestId('extract-statistic');
  await events.first().waitFor({ timeout: 30000 });
  const box = (await drawer.boundingBox())!;
  expect(box.width).toBeGreaterThan(1000);
  const textBox = (await drawer.getByTestId('extract-text').boundingBox())!;
  const rowBox = (await figures.first().boundingBox())!;
  expect(rowBox.x).toBeGreaterThan(textBox.x + textBox.width - 1);
  expect(await events.count()).toBe(2);
  expect(await figures.count()).toBe(3);

  // The expressions marked in the report's text, each with its rule; the text is the body.
  const marks = drawer.getByTestId('extract-highlight');
  expect(await marks.allTextContents()).toEqual(['2月25日清晨', '300名', '10万余次', '3月6日', '120万人次']);
  expect(await marks.first().getAttribute('title')).toBe('Why: a date written out');
  expect(await drawer.getByTestId('extract-text').textContent()).toBe(BODY);
  expect(await drawer.locator('[data-expression="10万余次"]').getByTestId('extract-rule').textContent()).toBe('Why: a count with its unit');

  // A readable title for the event read from "截至3月6日，…".
  const asOf = drawer.locator('[data-testid="extract-event"][data-expression$="3月6日"]');
  expect(await asOf.locator('input[name^="event-title-"]').inputValue()).toBe('全区累计完成核酸检测120万人次');
  // Start times are typed and read in Beijing time, 24-hour.
  const morning = drawer.locator('[data-expression="2月25日清晨"]');
  expect(await morning.locator('input[name^="event-start-"]').inputValue()).toMatch(/^2022-02-25 \d\d:\d\d$/);

  // The unit named in the sentence is offered and applied.
  const calls = drawer.locator('[data-expression="10万余次"]');
  expect(await calls.getByTestId('extract-scope-unit').inputValue()).toBe('南寨街道');
  await calls.locator('input[name^="statistic-label-"]').fill('网格员视频通话');
  // Clicking a marked expression brings its row forward.
  await marks.filter({ hasText: '10万余次' }).click();
  await screenshot(page, 'extract-drawer-desktop');

  await calls.getByTestId('extract-accept').click();
  await page.getByText('“10万余次”: a draft figure linked to this report.').first().waitFor({ timeout: 30000 });
  await until(() => figures.count(), 2);
  await morning.getByTestId('extract-accept').click();
  await until(() => events.count(), 1);
  await drawer.locator('[data-expression="300名"]').getByTestId('extract-reject').click();
  await until(() => figures.count(), 1);
  await screenshot(page, 'extract-drawer-decided');

  // Closed: the report's relation fields show the new drafts, without a reload.
  await drawer.getByRole('button', { name: 'Done' }).click();
  const form = page.locator('main');
  await form.getByText('网格员视频通话').first().waitFor({ timeout: 30000 });
  await form.getByText('尖草坪分局300名警力在迎新街区域开展核酸检测秩序维护').first().waitFor({ timeout: 30000 });
  expect(await page.evaluate(() => (window as any).__notReloaded)).toBe(true);
  await screenshot(page, 'extract-fields-refreshed');

  const report = (await app.strapi.documents(REPORT as never).findOne({
    documentId: reportId,
    locale: 'zh-Hans',
    populate: ['events', 'statistics'],
  } as never)) as any;
  expect(report.events.map((e: any) => [e.title, e.precision, e.publishedAt])).toEqual([
    ['尖草坪分局300名警力在迎新街区域开展核酸检测秩序维护', 'part-of-day', null],
  ]);
  expect(report.statistics.map((s: any) => [s.label, Number(s.value), s.qualifier, s.metric, s.publishedAt])).toEqual([
    ['网格员视频通话', 100000, 'more-than', 'video-calls', null],
  ]);
  const figure = (await app.strapi.db.query('plugin::chronicle.grid-statistic' as never).findOne({
    where: { documentId: report.statistics[0].documentId },
    populate: ['createdBy', 'scopeUnit'],
  })) as any;
  expect(figure.createdBy.id).toBe(reporterId);
  expect(figure.scopeUnit?.name).toBe('南寨街道');
  expect(errors).toEqual([]);
  await context.close();
});

test('after the body is edited, decided proposals are not proposed again; the drawer in Chinese on a phone', async () => {
  // The reporter rewrites the sentences around the accepted and the rejected figure.
  const edited = BODY.replace('南寨街道网格员与居民视频通话10万余次。', '据统计，南寨街道网格员与居民累计视频通话10万余次。').replace(
    '尖草坪分局300名警力',
    '尖草坪分局共300名警力',
  );
  await app.strapi.documents(REPORT as never).update({ documentId: reportId, locale: 'zh-Hans', data: { body: edited } } as never);

  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await adminLogin(page, app.url!, 'reporter@chronicle.local', PASSWORD);
  await page.goto(`${app.url}/admin/content-manager/collection-types/${REPORT}/${reportId}?plugins[i18n][locale]=zh-Hans`);
  const open = page.getByTestId('extract-open');
  await open.waitFor({ state: 'attached', timeout: 60000 });
  expect(await open.textContent()).toBe('打开提取');
  // On a phone the edit view's panels are in a drawer opened from the bottom bar.
  await page.getByRole('button', { name: '展开操作面板' }).click();
  await screenshot(page, 'extract-panel-phone');
  await open.click();
  const drawer = page.getByTestId('extract-drawer');
  await drawer.getByTestId('extract-statistic').first().waitFor({ timeout: 30000 });
  expect(await drawer.getByTestId('extract-statistic').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-expression')))).toEqual(['120万人次']);
  // Only the undecided event (截至3月6日) is left; the accepted one is not back.
  expect(await drawer.getByTestId('extract-event').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-expression')))).toEqual(['3月6日']);
  const box = (await drawer.boundingBox())!;
  expect(box.width).toBeGreaterThan(340);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(await drawer.getByTestId('extract-accept').first().textContent()).toBe('采纳为草稿');
  await screenshot(page, 'extract-drawer-phone-zh');
  expect(errors).toEqual([]);
  await context.close();
});
