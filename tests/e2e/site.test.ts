/**
 * The public site in a real browser (Debian chromium): every page type renders with no
 * console errors, no failed requests and no request to another host (TimelineJS, its zh-cn
 * language file and its CSS all come from us, under our CSP); TimelineJS draws the events;
 * axe-core finds no serious or critical violation; the commendation prints on one page;
 * screenshots at desktop and phone widths; and the admin panel still loads.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { publicOrigin } from '../../plugins/chronicle/server/src/site/paths';
import { launchBrowser, screenshot } from '../helpers/browser';

let app: TestStrapi;
let browser: Browser;
let anonSlug: string;
let reportSlug: string;
let chronicleSlug: string;
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  await app.strapi.plugin('chronicle').service('demo').load();
  const read = app.strapi.plugin('chronicle').service('public-read');
  anonSlug = (await read.profiles({ limit: 100 })).data.find((p: any) => p.anonymised).slug;
  reportSlug = (await read.reports({ limit: 1 })).data[0].slug;
  chronicleSlug = (await read.timeline({ limit: 100 })).data.find((e: any) => e.chronicle).chronicle.slug;
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
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
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

/** axe-core, evaluated through the DevTools protocol (our CSP rightly refuses injected script tags). */
const seriousViolations = async (page: Page) => {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as any).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n: any) => `${n.target.join(' ')} ${n.any?.[0]?.message ?? ''}`).join(' | ')}`);
  });
  return result as string[];
};

const pages = () => [
  { name: 'home', path: '/' },
  { name: 'timeline', path: '/timeline' },
  { name: 'report', path: `/reports/${reportSlug}` },
  { name: 'honours', path: '/honours' },
  { name: 'commendation', path: '/honours/guo-yanju' },
  { name: 'commendation-anonymised', path: `/honours/${anonSlug}` },
  { name: 'chronicle', path: `/chronicles/${chronicleSlug}` },
  { name: 'unit', path: '/units/nanzhai-jiedao' },
  { name: 'statistics', path: '/statistics' },
  { name: 'not-found', path: '/reports/no-such-report', status: 404 },
];

for (const viewport of ['desktop', 'phone'] as const) {
  test(`every page type renders cleanly and accessibly (${viewport})`, async () => {
    for (const lang of ['zh-Hans', 'en'] as const) {
      const { page, problems } = await open(viewport, lang === 'en' ? 'en-US' : 'zh-CN');
      for (const p of pages()) {
        if (lang === 'en' && viewport === 'phone' && !['commendation', 'timeline'].includes(p.name)) continue;
        const url = `${app.url}${p.path}${lang === 'en' ? `${p.path.includes('?') ? '&' : '?'}lang=en` : ''}`;
        const before = problems.length;
        const response = await page.goto(url, { waitUntil: 'load' });
        expect([p.name, response?.status()]).toEqual([p.name, p.status ?? 200]);
        // Chromium logs the 404 page's own status as a console error: that one is expected.
        if (p.status === 404) {
          const during = problems.splice(before);
          problems.push(...during.filter((m) => !/^console: Failed to load resource: .* 404 \(Not Found\)$/.test(m)));
        }
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expect(page.locator('h1').count()).resolves.toBe(1);
        if (p.name === 'timeline') await page.locator('.tl-slide').nth(1).waitFor({ timeout: 30000 });
        expect([p.name, lang, await seriousViolations(page)]).toEqual([p.name, lang, []]);
        await screenshot(page, `site-${p.name}-${lang}-${viewport}`);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });
}

test('TimelineJS draws the events, in Chinese, with every file from our server', async () => {
  const { page, problems, requests } = await open('desktop');
  await page.goto(`${app.url}/timeline`);
  const slides = page.locator('.tl-slide');
  await slides.nth(1).waitFor({ timeout: 30000 });
  const events = (await app.strapi.plugin('chronicle').service('public-read').timeline({ limit: 100 })).data;
  // One slide per event, plus the title slide.
  expect(await slides.count()).toBe(events.length + 1);
  expect(requests.some((u) => u.endsWith('/assets/timelinejs/js/locale/zh-cn.json'))).toBe(true);
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
