/**
 * The live timeline in a browser (issue 19): /timeline open in Debian chromium; an event
 * published through the workflow appears in the list in date order without a reload, announced
 * in the polite status region; a withdrawn one disappears; leaving the page closes the stream
 * cleanly. Without JavaScript the same page lists the events as loaded.
 */
import type { Browser } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { launchBrowser, leftLiveStream, screenshot } from '../helpers/browser';
import { publishDocument, withdrawDocument } from '../helpers/workflow';

const EVENT = 'plugin::chronicle.timeline-event';
let app: TestStrapi;
let browser: Browser;

const event = async (slug: string, title: string, day: number, publish = true) => {
  const created = (await app.strapi.documents(EVENT as never).create({
    locale: 'zh-Hans',
    data: { title, occurredAt: new Date(Date.UTC(2022, 3, day, 2)).toISOString(), precision: 'day', slug, description: `${title}的经过` },
  } as never)) as any;
  if (publish) await publishDocument(app.strapi, 'timeline-event', created.documentId);
  return created.documentId as string;
};

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true, tooling: false });
  await event('live-page-early', '早先的事件', 1);
  await event('live-page-late', '后来的事件', 20);
  browser = await launchBrowser();
}, 180000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('a published event appears in place without a reload; a withdrawn one disappears; both announced', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  const live = page.waitForResponse((r) => r.url().includes('/api/chronicle/timeline/live'));
  await page.goto(`${app.url}/timeline`);
  const stream = await live;
  expect(stream.status()).toBe(200);
  expect(stream.url()).toContain('locale=zh-Hans');
  await page.evaluate(() => ((window as any).notReloaded = true));
  await expect(page.locator('ol.event-list > li').count()).resolves.toBe(2);
  // Let the stream reach `ready` before publishing (the server catches a late stream up anyway).
  await page.waitForTimeout(500);

  const documentId = await event('live-page-middle', '中间的新事件', 10);
  await page.locator('#event-live-page-middle').waitFor({ timeout: 5000 });
  const order = await page.locator('ol.event-list > li').evaluateAll((lis) => lis.map((li) => li.id));
  expect(order).toEqual(['event-live-page-early', 'event-live-page-middle', 'event-live-page-late']);
  await expect(page.locator('#event-live-page-middle .event-title').textContent()).resolves.toBe('中间的新事件');
  await expect(page.locator('#event-live-page-middle time').getAttribute('datetime')).resolves.toBe('2022-04-10T02:00:00.000Z');
  const status = page.locator('[data-live-status]');
  await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
  await page.waitForFunction(() => document.querySelector('[data-live-status]')?.textContent === '新事件：中间的新事件');
  expect(await page.evaluate(() => (window as any).notReloaded)).toBe(true);
  await screenshot(page, 'live-timeline-published');

  await withdrawDocument(app.strapi, 'timeline-event', documentId);
  await page.locator('#event-live-page-middle').waitFor({ state: 'detached', timeout: 5000 });
  await page.waitForFunction(() => document.querySelector('[data-live-status]')?.textContent === '一个事件已撤回。');
  expect(await page.evaluate(() => (window as any).notReloaded)).toBe(true);
  expect(problems).toEqual([]);
  // Leaving the page cuts the stream short (the one failure the site's other browser tests
  // forgive, tests/helpers/browser.ts leftLiveStream), and the server lets the stream go.
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${new URL(r.url()).pathname} ${r.failure()?.errorText} ${leftLiveStream(r)}`));
  await page.goto(`${app.url}/`);
  await page.waitForTimeout(300);
  expect(failed).toEqual(['/api/chronicle/timeline/live net::ERR_ABORTED true']);
  expect(app.strapi.plugin('chronicle').service('live').stats().streams).toBe(0);
  await context.close();
});

test('without JavaScript the page is the plain list, and the live parts stay out of the way', async () => {
  const context = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto(`${app.url}/timeline?lang=en`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('ol.event-list > li').count()).resolves.toBe(2);
  await expect(page.locator('[data-live]').getAttribute('data-live')).resolves.toBe('/api/chronicle/timeline/live?locale=en');
  await expect(page.locator('[data-live-status]').textContent()).resolves.toBe('');
  expect(requests.filter((u) => u.includes('/timeline/live'))).toEqual([]);
  await context.close();
});
