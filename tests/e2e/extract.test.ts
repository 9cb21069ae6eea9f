/**
 * Extraction in a real browser (issue 6): a reporter opens their field report, whose body
 * has dates and figures, opens the Extract panel, ticks one event and one figure, corrects
 * the figure's label and accepts; the drafts exist, linked to the report and owned by them.
 * Issue 15: each proposal's expression is marked in the report's text with the rule that
 * proposed it, and clicking a marked expression selects its proposal.
 */
import type { Browser } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminLogin, launchBrowser, screenshot } from '../helpers/browser';

const PASSWORD = 'Demo-Password-1';
const REPORT = 'plugin::chronicle.field-report';
const BODY = [
  '2月25日清晨，尖草坪分局300名警力在迎新街区域开展核酸检测秩序维护。',
  '',
  '南寨街道网格员与居民视频通话10万余次。',
].join('\n');

let app: TestStrapi;
let browser: Browser;
let reportId: string;
let reporterId: number;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  await app.strapi.plugin('chronicle').service('demo').ensureAccounts(PASSWORD);
  reporterId = (await app.strapi.service('admin::user').findOneByEmail('reporter@chronicle.local')).id;
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

test('a reporter accepts one proposed event and one figure from the Extract panel', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await adminLogin(page, app.url!, 'reporter@chronicle.local', PASSWORD);

  await page.goto(`${app.url}/admin/content-manager/collection-types/${REPORT}/${reportId}?plugins[i18n][locale]=zh-Hans`);
  await page.getByText('Extract / 提取').first().waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: 'Propose events and figures' }).click();

  const events = page.getByTestId('extract-event');
  const figures = page.getByTestId('extract-statistic');
  await events.first().waitFor({ timeout: 30000 });
  expect(await events.count()).toBe(1);
  expect(await figures.count()).toBe(2);

  // The expressions marked in the report's text, each with its rule.
  const marks = page.getByTestId('extract-highlight');
  expect(await marks.allTextContents()).toEqual(['2月25日清晨', '300名', '10万余次']);
  expect(await marks.first().getAttribute('title')).toBe('Why: a date written out');
  expect(await page.getByTestId('extract-text').textContent()).toBe(BODY);
  expect(await events.first().getByTestId('extract-rule').getAttribute('data-rule')).toBe('date');
  expect(await events.first().getByTestId('extract-excerpt').locator('mark').textContent()).toBe('2月25日清晨');
  expect(await figures.filter({ hasText: '10万余次' }).getByTestId('extract-rule').textContent()).toBe('Why: a count with its unit');

  await events.first().getByRole('checkbox').first().click();
  const calls = figures.filter({ hasText: '10万余次' });
  // Clicking the marked expression in the text selects its proposal.
  await marks.filter({ hasText: '10万余次' }).click();
  expect(await calls.getByRole('checkbox').first().getAttribute('aria-checked')).toBe('true');
  const label = calls.locator('input[name="statistic-label-1"]');
  await label.fill('网格员视频通话');
  await screenshot(page, 'reporter-extract-panel');

  await page.getByRole('button', { name: 'Accept selected as drafts' }).click();
  await page.getByText('Created 1 draft events and 1 draft figures').first().waitFor({ timeout: 30000 });
  // Accepted proposals are decided: the panel now shows only the undecided figure.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="extract-statistic"]').length === 1);
  await screenshot(page, 'reporter-extract-accepted');

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
  const owner = (await app.strapi.db.query('plugin::chronicle.grid-statistic' as never).findOne({
    where: { documentId: report.statistics[0].documentId },
    populate: ['createdBy'],
  })) as any;
  expect(owner.createdBy.id).toBe(reporterId);
  expect(errors).toEqual([]);
  await context.close();
});
