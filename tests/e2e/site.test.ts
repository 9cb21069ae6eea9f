/**
 * The public site in a real browser (Debian chromium): TimelineJS draws the events with every
 * file from us (its script and CSS, our zh-cn language file), under our CSP; the filters are
 * a GET form; the commendation shares and prints on one page; and the admin panel still loads.
 * Every page type in both languages and both sizes, with axe (zero violations of any impact)
 * and the contrast check, is tests/e2e/site-reader.test.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { publicOrigin } from '../../plugins/chronicle/server/src/site/paths';
import { launchBrowser, leftLiveStream, screenshot } from '../helpers/browser';

let app: TestStrapi;
let browser: Browser;

const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  await app.strapi.plugin('chronicle').service('demo').load();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface Watched {
  page: Page;
  problems: string[];
  requests: string[];
}

/** A page that records console errors, page errors, failed requests and foreign hosts. */
const open = async (viewport: keyof typeof VIEWPORTS, locale = 'zh-CN'): Promise<Watched> => {
  const context = await browser.newContext({ locale, viewport: VIEWPORTS[viewport] });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  const local = new URL(app.url!).host;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!leftLiveStream(r)) problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('request', (r) => {
    requests.push(r.url());
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && url.host !== local) problems.push(`foreign host: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.request().isNavigationRequest()) problems.push(`${r.status()}: ${r.url()}`);
  });
  return { page, problems, requests };
};

test('TimelineJS draws the events, in Chinese, with every file from our server', async () => {
  const { page, problems, requests } = await open('desktop');
  await page.goto(`${app.url}/timeline`);
  const slides = page.locator('.tl-slide');
  await slides.nth(1).waitFor({ timeout: 30000 });
  const events = (await app.strapi.plugin('chronicle').service('public-read').timeline({ limit: 100 })).data;
  // One slide per event, plus the title slide.
  expect(await slides.count()).toBe(events.length + 1);
  // Chinese is our 24-hour copy of TimelineJS's zh-cn language file (public/timeline-zh-cn.json).
  expect(requests.some((u) => u.endsWith('/timeline-zh-cn.json'))).toBe(true);
  expect(requests.some((u) => u.includes('/api/chronicle/timeline/timelinejs?'))).toBe(true);
  // The zh-cn language file is in use: TimelineJS's navigation speaks Chinese.
  const nav = await page.locator('.tl-timeline').innerText();
  expect(nav).toMatch(/[\u4e00-\u9fff]/);
  // The plain list is there too, for readers without JavaScript.
  expect(await page.locator('.event-list > li').count()).toBe(events.length);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('the filters are a GET form', async () => {
  const { page, problems } = await open('desktop');
  await page.goto(`${app.url}/timeline?lang=en`);
  await page.selectOption('select[name="unit"]', 'gongan-jiancaoping-fenju');
  await page.fill('input[name="from"]', '2022-02-24');
  await page.fill('input[name="to"]', '2022-02-26');
  await Promise.all([page.waitForURL(/unit=gongan-jiancaoping-fenju/), page.click('form.filters button[type="submit"]')]);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ lang: 'en', unit: 'gongan-jiancaoping-fenju', from: '2022-02-24', to: '2022-02-26' });
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  expect(problems).toEqual([]);
  await page.context().close();
});

test('the commendation page shares and prints as a one-page sheet', async () => {
  const { page, problems } = await open('desktop');
  await page.goto(`${app.url}/honours/guo-yanju`);
  // Shared links come from the configured public address, never from the Host the browser sent
  // (here 127.0.0.1 on a random port, which the configuration does not name).
  const origin = publicOrigin(process.env.PUBLIC_URL, app.strapi.config.get('server.url') as string, app.strapi.config.get('server.port') as number);
  expect(origin).not.toBe(app.url);
  await expect(page.locator('.share-link a').getAttribute('href')).resolves.toBe(`${origin}/honours/guo-yanju`);
  await expect(page.locator('.print-button').isVisible()).resolves.toBe(true);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
  await expect(page.locator('.share').isVisible()).resolves.toBe(false);
  await screenshot(page, 'site-commendation-print');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pageCount).toBe(1);
  expect(problems).toEqual([]);
  await page.context().close();
});

test('the admin panel still loads beside the site', async () => {
  const { page } = await open('desktop', 'en-US');
  await page.goto(`${app.url}/admin/auth/login`);
  await page.locator('input[name="email"]').waitFor({ timeout: 60000 });
  await page.context().close();
});
