/**
 * Embeds from another site (issue 19), in Debian chromium: two tiny partner sites on other
 * local origins (127.0.0.1 on two ports; Chronicle is reached as localhost) serve a page with
 * the <iframe>s the oEmbed endpoint hands out, for the timeline and a commendation. Chronicle
 * boots with EMBED_ORIGINS naming the first partner only (set for this file before the boot;
 * each browser test file boots its own Strapi, so the other files are not affected):
 * - at the listed partner the frames render our content (read inside the frame), light and
 *   dark, at 480 px and at 300 px without sideways scrolling; every text meets WCAG contrast;
 *   axe-core finds no violation of any impact inside the frames (run in two frames the partner
 *   wrote by hand without the sandbox: a frame sandboxed without allow-scripts never fires
 *   axe's timers); no request leaves for any origin but the partner's and ours, no cookie is set;
 * - at the unlisted partner the same frames are blocked by frame-ancestors (nothing of ours is
 *   drawn), and a full page (/timeline) is blocked even at the listed partner.
 * Screenshots land in artifacts/screenshots/ (embed-*).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { launchBrowser, screenshot } from '../helpers/browser';
import { contrastOffenders } from '../helpers/contrast';

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SANDBOX = 'allow-popups allow-popups-to-escape-sandbox allow-same-origin';

let app: TestStrapi;
let browser: Browser;
/** Chronicle as the frames reach it: another host name than the partners'. */
let chronicle: string;
let profileName: string;
let saved: string | undefined;
const partners: Array<{ server: http.Server; origin: string; pages: Map<string, string> }> = [];

/** A partner site: serves the pages it is given, nothing else. */
const partner = async () => {
  const pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const body = pages.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const entry = { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, pages };
  partners.push(entry);
  return entry;
};

/** The iframe the oEmbed endpoint hands out for one of our addresses, pointed at this test's Chronicle. */
const oembedHtml = async (path: string, query = '') => {
  // PUBLIC_URL is not set here: the answers' absolute URLs are on http://localhost (no port); the frame must reach this instance.
  const res = await fetch(`${chronicle}/api/chronicle/oembed?url=${encodeURIComponent(`http://localhost${path}`)}${query}`);
  expect([path, res.status]).toEqual([path, 200]);
  const body = (await res.json()) as { html: string; title: string };
  expect(body.html).toMatch(/^<iframe src="http:\/\/localhost\/embed\//);
  return body.html.replace('src="http://localhost/', `src="${chronicle}/`);
};

const partnerPage = (frames: string[]) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A partner's coverage</title></head><body><main><h1>Our coverage</h1>${frames.join('\n')}</main></body></html>`;

beforeAll(async () => {
  const listed = await partner();
  await partner();
  saved = process.env.EMBED_ORIGINS;
  process.env.EMBED_ORIGINS = listed.origin;
  app = await startStrapi(undefined, { listen: true });
  chronicle = app.url!.replace('127.0.0.1', 'localhost');
  await app.strapi.plugin('chronicle').service('demo').load();
  profileName = (await app.strapi.plugin('chronicle').service('public-read').profile('guo-yanju', { locale: 'zh-Hans' })).data.name;
  const frames = [
    await oembedHtml('/timeline'),
    await oembedHtml('/honours/guo-yanju'),
    await oembedHtml('/honours/guo-yanju', '&maxwidth=300'),
    // Written by hand, without the sandbox (docs/site.md: a partner may): axe-core needs timers,
    // which a frame sandboxed without allow-scripts never runs, so it is evaluated in these.
    `<iframe src="${chronicle}/embed/timeline" title="timeline" width="480" height="640"></iframe>`,
    `<iframe src="${chronicle}/embed/honours/guo-yanju" title="commendation" width="480" height="420"></iframe>`,
  ];
  const page = partnerPage(frames);
  for (const p of partners) p.pages.set('/coverage.html', page);
  // A full page of ours, framed: only the embeds may be.
  listed.pages.set('/full.html', partnerPage([`<iframe src="${chronicle}/timeline" title="timeline" width="480" height="400"></iframe>`]));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  for (const p of partners) await new Promise((resolve) => p.server.close(resolve));
  if (saved === undefined) delete process.env.EMBED_ORIGINS;
  else process.env.EMBED_ORIGINS = saved;
});

interface Watched {
  page: Page;
  /** Requests to any origin but the partner's and ours, failed requests, console errors but the expected refusals. */
  problems: string[];
  console: string[];
  cookies: string[];
  requested: string[];
}

const open = async (partnerOrigin: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Watched> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 2000 }, colorScheme, locale: 'zh-CN' });
  const page = await context.newPage();
  const allowed = new Set([new URL(partnerOrigin).host, new URL(chronicle).host]);
  const watched: Watched = { page, problems: [], console: [], cookies: [], requested: [] };
  page.on('request', (r) => {
    watched.requested.push(r.url());
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && !allowed.has(url.host)) watched.problems.push(`third-party request: ${r.url()}`);
  });
  page.on('requestfailed', (r) => watched.problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', async (r) => {
    if (r.status() >= 400) watched.problems.push(`${r.status()}: ${r.url()}`);
    const cookie = await r.headerValue('set-cookie');
    if (cookie) watched.cookies.push(`${r.url()}: ${cookie}`);
  });
  page.on('console', (m) => watched.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => watched.problems.push(`pageerror: ${e.message}`));
  return watched;
};

/** Our frames on the page, by the path they show. */
const ourFrames = (page: Page) => page.frames().filter((f) => f.url().startsWith(`${chronicle}/embed/`));

const axeViolations = async (frame: Frame): Promise<string[]> => {
  await frame.evaluate(AXE);
  return frame.evaluate(async () => {
    const axe = (window as any).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return violations.map((v: any) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n: any) => `${n.target.join(' ')} ${n.any?.[0]?.message ?? ''}`).join(' | ')}`);
  });
};

for (const colorScheme of ['light', 'dark'] as const) {
  test(`at a partner in EMBED_ORIGINS the frames show our timeline and commendation (${colorScheme}): axe clean, readable at 300 px, nothing third-party, no cookie`, async () => {
    const [listed] = partners;
    const watched = await open(listed.origin, colorScheme);
    const { page } = watched;
    const response = await page.goto(`${listed.origin}/coverage.html`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.waitForFunction(() => document.querySelectorAll('iframe').length === 5);
    // The frames load (lazily, but all of them are near the top of a tall window).
    const deadline = Date.now() + 20000;
    while (ourFrames(page).length < 5 && Date.now() < deadline) await page.waitForTimeout(200);
    const frames = ourFrames(page);
    expect(frames.map((f) => new URL(f.url()).pathname)).toEqual([
      '/embed/timeline',
      '/embed/honours/guo-yanju',
      '/embed/honours/guo-yanju',
      '/embed/timeline',
      '/embed/honours/guo-yanju',
    ]);
    for (const frame of frames) await frame.waitForLoadState('load');
    const sandboxes = await Promise.all(frames.map(async (f) => (await f.frameElement()).getAttribute('sandbox')));
    expect(sandboxes).toEqual([SANDBOX, SANDBOX, SANDBOX, null, null]);

    const [timeline, profile, narrow] = frames;
    // Inside the frames: our content, styled by our stylesheet, links opening our pages in a new tab.
    expect(await timeline.locator('h1').innerText()).toContain('时间线');
    expect(await timeline.locator('.embed-events > li').count()).toBeGreaterThan(5);
    expect(await timeline.locator('.embed-more a').getAttribute('target')).toBe('_blank');
    expect(await profile.locator('h1').innerText()).toContain(profileName);
    expect(await profile.locator('.embed-footer a').innerText()).toContain('来源：纪实');
    for (const frame of frames) {
      const targets = await frame.locator('a').evaluateAll((links) => links.map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`));
      expect(new Set(targets)).toEqual(new Set(['_blank noopener']));
      // our stylesheet applied: the body has the embed's padding and the scheme's background
      const background = await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect([colorScheme, background]).toEqual([colorScheme, colorScheme === 'dark' ? 'rgb(22, 22, 22)' : 'rgb(255, 253, 248)']);
      expect([frame.url(), await frame.evaluate(contrastOffenders)]).toEqual([frame.url(), []]);
    }
    for (const frame of frames.slice(3)) expect([frame.url(), await axeViolations(frame)]).toEqual([frame.url(), []]);
    // The oEmbed frame sized for maxwidth=300 is 300 px wide, and nothing in it scrolls sideways.
    const narrowWidth = await narrow.evaluate(() => document.documentElement.clientWidth);
    expect(narrowWidth).toBeLessThanOrEqual(300);
    for (const frame of frames) {
      const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect([frame.url(), overflow]).toEqual([frame.url(), 0]);
    }
    await screenshot(page, `embed-partner-${colorScheme}`);

    expect(watched.requested.some((u) => u === `${chronicle}/embed.css`)).toBe(true);
    expect(watched.problems).toEqual([]);
    expect(watched.cookies).toEqual([]);
    expect(watched.console.filter((m) => m.startsWith('error'))).toEqual([]);
    await page.context().close();
  });
}

test('at a partner not in EMBED_ORIGINS the frames are blocked; a full page is blocked everywhere', async () => {
  const [listed, unlisted] = partners;
  const watched = await open(unlisted.origin);
  const { page } = watched;
  const refused = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 20000 });
  await page.goto(`${unlisted.origin}/coverage.html`, { waitUntil: 'load' });
  await refused;
  await page.waitForTimeout(1500);
  // Nothing of ours is drawn in any frame: no frame shows our document.
  for (const frame of page.frames().slice(1)) {
    const ours = await frame.evaluate(() => document.querySelector('.embed-main') !== null).catch(() => false);
    expect([frame.url(), ours]).toEqual([frame.url(), false]);
  }
  expect(watched.console.filter((m) => /frame-ancestors/.test(m)).length).toBeGreaterThanOrEqual(1);
  expect(watched.problems.filter((p) => p.startsWith('third-party'))).toEqual([]);
  await screenshot(page, 'embed-partner-unlisted');
  await page.context().close();

  // The listed partner may frame the embeds only, not the site's pages.
  const full = await open(listed.origin);
  const blocked = full.page.waitForEvent('console', { predicate: (m) => /frame-ancestors|X-Frame-Options/.test(m.text()), timeout: 20000 });
  await full.page.goto(`${listed.origin}/full.html`, { waitUntil: 'load' });
  await blocked;
  await full.page.waitForTimeout(1000);
  for (const frame of full.page.frames().slice(1)) {
    const ours = await frame.evaluate(() => document.querySelector('.site-header') !== null).catch(() => false);
    expect([frame.url(), ours]).toEqual([frame.url(), false]);
  }
  await full.page.context().close();
});
