/**
 * The corrections page in a real browser (issue #17), in both languages: it loads with no
 * console error, no failed request and no foreign host, lists a correction appended through
 * the workflow with a link to its record, has no serious or critical axe-core violation, and
 * is screenshot at desktop and phone widths. One Strapi, the demo newsroom.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { launchBrowser, leftLiveStream, screenshot } from '../helpers/browser';

let app: TestStrapi;
let browser: Browser;
let chronicleSlug: string;
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TEXT = { 'zh-Hans': '更正：本纪实原称起始日期为二月四日，应为二月三日。', en: 'Correction: this chronicle began on 3 February, not 4 February.' };

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  await app.strapi.plugin('chronicle').service('demo').load();
  const english = (await app.strapi.db
    .query('plugin::chronicle.chronicle' as never)
    .findOne({ where: { publishedAt: { $notNull: true }, locale: 'en' } } as never)) as any;
  chronicleSlug = english.slug;
  const workflow = app.strapi.plugin('chronicle').service('workflow');
  const actor = { kind: 'system' as const, name: 'system:test', permissions: new Set<string>() };
  for (const locale of ['zh-Hans', 'en'] as const) {
    await workflow.transition(
      { uid: 'plugin::chronicle.chronicle', documentId: english.documentId, locale, to: 'corrected', correction: { kind: 'correction', text: TEXT[locale] } },
      actor
    );
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const open = async (viewport: { width: number; height: number }) => {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  const local = new URL(app.url!).host;
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!leftLiveStream(r)) problems.push(`failed: ${r.url()}`);
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && url.host !== local) problems.push(`foreign host: ${r.url()}`);
  });
  return { page, problems };
};

const seriousViolations = async (page: Page) => {
  await page.evaluate(AXE);
  return (await page.evaluate(async () => {
    const { violations } = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
  })) as string[];
};

describe('/corrections', () => {
  for (const [locale, path] of [
    ['zh-Hans', '/corrections'],
    ['en', '/corrections?lang=en'],
  ] as const) {
    test(`${locale}: lists the correction with a link to its record, accessibly`, async () => {
      const { page, problems } = await open({ width: 1366, height: 900 });
      const res = await page.goto(`${app.url}${path}`);
      expect(res?.status()).toBe(200);
      const first = page.locator('.corrections-list li').first();
      await expect(first.textContent()).resolves.toContain(TEXT[locale]);
      const href = await first.locator('a').first().getAttribute('href');
      expect(href).toBe(`/chronicles/${chronicleSlug}${locale === 'en' ? '?lang=en' : ''}`);
      expect(await page.locator('link[rel=alternate][type="application/atom+xml"][href*="corrections/feed.xml"]').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `corrections-${locale}-desktop`);
      await first.locator('a').first().click();
      await page.waitForURL(`**/chronicles/${chronicleSlug}**`);
      await expect(page.locator('aside.corrections').textContent()).resolves.toContain(TEXT[locale]);
      expect(problems).toEqual([]);
      const phone = await open({ width: 390, height: 844 });
      expect((await phone.page.goto(`${app.url}${path}`))?.status()).toBe(200);
      await screenshot(phone.page, `corrections-${locale}-phone`);
      expect(phone.problems).toEqual([]);
      await page.context().close();
      await phone.page.context().close();
    });
  }
});
