/**
 * The public site as a reader meets it (issue 18), in Debian chromium, one Strapi boot with the
 * demo newsroom and one browser:
 * - every page type, both languages, desktop 1280×800 and phone 390×844: status, one h1, no
 *   console error, failed request or foreign host, axe-core with zero violations of any impact,
 *   and our own WCAG contrast check of every visible text (4.5:1, 3:1 for large text);
 * - item 1: links shared on WeChat (from=…, isappinstalled, spm, utm_*) open with the clean
 *   address as canonical; the feed ignores tracking parameters;
 * - item 8: statistics drawn to one scale per metric, with axis values, readable on a phone,
 *   roll-ups explained in words;
 * - item 9: the timeline opens on the data's own range, 24-hour Chinese axis, no underline on
 *   the title, markers not over the unit labels on a phone;
 * - item 10: the smaller things (masthead spacing, language switch, colon, future datelines,
 *   the unit page's wording, the print footer).
 * Screenshots land in artifacts/screenshots/ (site-reader-*).
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { launchBrowser, leftLiveStream, screenshot } from '../helpers/browser';
import { contrastOffenders } from '../helpers/contrast';

let app: TestStrapi;
let browser: Browser;
let anonSlug: string;
let reportSlug: string;
let chronicleSlug: string;
let futureSlug: string;
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
type Viewport = keyof typeof VIEWPORTS;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  await app.strapi.plugin('chronicle').service('demo').load();
  const read = app.strapi.plugin('chronicle').service('public-read');
  const reports = (await read.reports({ limit: 100 })).data;
  anonSlug = (await read.profiles({ limit: 100 })).data.find((p: any) => p.anonymised).slug;
  chronicleSlug = (await read.timeline({ limit: 100 })).data.find((e: any) => e.chronicle).chronicle.slug;
  // A report stored with a dateline of 2099-12-31 before datelines were checked (written to
  // the database directly: the document validation refuses it now). It must not top the home.
  futureSlug = reports[reports.length - 1].slug;
  reportSlug = reports[0].slug;
  const rows = (await app.strapi.db.query('plugin::chronicle.field-report' as never).findMany({ where: { slug: futureSlug }, populate: { dateline: true } } as never)) as any[];
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) await app.strapi.db.query('chronicle.dateline' as never).update({ where: { id: row.dateline.id }, data: { date: '2099-12-31' } } as never);
  expect((await read.reports({ limit: 1 })).data[0].slug).toBe(futureSlug);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface Watched {
  page: Page;
  problems: string[];
}

/** A page that records console errors, page errors, failed requests and foreign hosts. */
const open = async (viewport: Viewport, locale = 'zh-CN'): Promise<Watched> => {
  const context = await browser.newContext({ locale, viewport: VIEWPORTS[viewport] });
  const page = await context.newPage();
  const problems: string[] = [];
  const local = new URL(app.url!).host;
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!leftLiveStream(r)) problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol.startsWith('http') && url.host !== local) problems.push(`foreign host: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.request().isNavigationRequest()) problems.push(`${r.status()}: ${r.url()}`);
  });
  return { page, problems };
};

/** axe-core, evaluated through the DevTools protocol (our CSP rightly refuses injected script tags): every violation, any impact. */
const axeViolations = async (page: Page): Promise<string[]> => {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return violations.map((v: any) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n: any) => `${n.target.join(' ')} ${n.any?.[0]?.message ?? ''}`).join(' | ')}`);
  });
};

/** TimelineJS has drawn its markers and finished its opening movement. */
const timelineReady = async (page: Page) => {
  await page.locator('.tl-timemarker').first().waitFor({ state: 'attached', timeout: 30000 });
  await page.locator('.tl-slide').nth(1).waitFor({ state: 'attached', timeout: 30000 });
  await page.waitForTimeout(1200);
};

const pages = () => [
  { name: 'home', path: '/' },
  { name: 'timeline', path: '/timeline' },
  { name: 'honours', path: '/honours' },
  { name: 'commendation', path: '/honours/guo-yanju' },
  { name: 'commendation-anonymised', path: `/honours/${anonSlug}` },
  { name: 'report', path: `/reports/${reportSlug}` },
  { name: 'chronicle', path: `/chronicles/${chronicleSlug}` },
  { name: 'statistics', path: '/statistics' },
  { name: 'unit', path: '/units/jiancaoping-qu' },
  // Search (issue 19): results with <mark>ed matches (the header's search box is on every page).
  { name: 'search', path: `/search?q=${encodeURIComponent('民警')}` },
  { name: 'not-found', path: '/reports/no-such-report', status: 404 },
];

for (const viewport of ['desktop', 'phone'] as const) {
  test(`every page type, both languages (${viewport}): clean, axe with no violation of any impact, every text at WCAG contrast`, async () => {
    for (const lang of ['zh-Hans', 'en'] as const) {
      const { page, problems } = await open(viewport, lang === 'en' ? 'en-US' : 'zh-CN');
      for (const p of pages()) {
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
        if (p.name === 'timeline') await timelineReady(page);
        expect([p.name, lang, viewport, await axeViolations(page)]).toEqual([p.name, lang, viewport, []]);
        expect([p.name, lang, viewport, await page.evaluate(contrastOffenders)]).toEqual([p.name, lang, viewport, []]);
        await screenshot(page, `site-reader-${p.name}-${lang}-${viewport}`);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });
}

test('item 1: links shared on WeChat open, with the clean address as canonical; the feed ignores tracking parameters', async () => {
  const { page, problems } = await open('phone');
  const shared = [
    ['/honours/guo-yanju', '?from=singlemessage&isappinstalled=0'],
    ['/honours/guo-yanju', '?from=timeline'],
    ['/timeline', '?from=singlemessage&isappinstalled=0'],
    ['/timeline', '?from=timeline&spm=a2c4g.11186623'],
    ['/timeline', '?utm_source=wechat&utm_medium=share'],
    ['/statistics', '?spm=1.2.3&scene=1&clicktime=1700000000'],
  ];
  for (const [path, query] of shared) {
    const response = await page.goto(`${app.url}${path}${query}`);
    expect([path, query, response?.status()]).toEqual([path, query, 200]);
    const canonical = new URL((await page.getAttribute('link[rel="canonical"]', 'href')) as string);
    expect([path, query, canonical.pathname + canonical.search]).toEqual([path, query, path]);
    if (path === '/timeline') {
      // WeChat's from=timeline is not the timeline's from day: every event is there.
      await timelineReady(page);
      expect(await page.locator('.event-list > li').count()).toBe(17);
    }
    await screenshot(page, `site-reader-item1-${path.replace(/\W+/g, '-')}${query.includes('timeline') ? '-from-timeline' : ''}`);
  }
  for (const feed of ['/api/chronicle/feed.xml?utm_source=x', '/api/chronicle/feed.xml?from=singlemessage&isappinstalled=0']) {
    const response = await page.request.get(`${app.url}${feed}`);
    expect([feed, response.status()]).toEqual([feed, 200]);
    expect(await response.text()).toContain('<feed');
  }
  expect(problems).toEqual([]);
  await page.context().close();
});

test('item 8: statistics on one scale per metric, with axis values, readable on a phone, roll-ups in words', async () => {
  for (const lang of ['zh-Hans', 'en'] as const) {
    const { page, problems } = await open('phone', lang === 'en' ? 'en-US' : 'zh-CN');
    await page.goto(`${app.url}/statistics${lang === 'en' ? '?lang=en' : ''}`);
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('.bar-chart')].map((chart) => ({
        title: chart.querySelector('figcaption')?.textContent ?? '',
        bars: [...chart.querySelectorAll('.bar-row')].map((row) => ({
          value: Number(row.getAttribute('data-value')),
          width: (row.querySelector('.bar') as HTMLElement).getBoundingClientRect().width,
          track: (row.querySelector('.bar-track') as HTMLElement).getBoundingClientRect().width,
        })),
        ticks: [...chart.querySelectorAll('.tick')].map((t) => ({ text: t.textContent ?? '', value: Number(t.getAttribute('data-value')) })),
      }))
    );
    // Grid workers (1000余名, 149名, 52名) share one chart; no chart of a single figure.
    expect(charts.length).toBeGreaterThanOrEqual(1);
    for (const chart of charts) {
      expect([chart.title, chart.bars.length >= 2]).toEqual([chart.title, true]);
      // One scale: every bar's length is its value times the same pixels per unit.
      const domainMax = Math.max(...chart.ticks.map((t) => t.value));
      for (const bar of chart.bars) expect(Math.abs(bar.width - (bar.value / domainMax) * bar.track)).toBeLessThanOrEqual(1.5);
      // Axis values from 0 to the scale's end, as numbers the reader can read.
      expect(chart.ticks.length).toBeGreaterThanOrEqual(2);
      expect(chart.ticks[0].text).toBe('0');
      expect(chart.ticks.every((t) => /\d/.test(t.text))).toBe(true);
      expect(domainMax).toBeGreaterThanOrEqual(Math.max(...chart.bars.map((b) => b.value)));
    }
    const grid = charts.find((c) => c.bars.some((b) => b.value === 1000));
    expect(grid?.bars.map((b) => b.value)).toEqual([1000, 149, 52]);
    // 1144名 and 17个 are single figures, shown as numbers, not bars scaled to themselves.
    const singles = await page.locator('.single-figure .big-figure').allInnerTexts();
    expect(singles).toEqual(expect.arrayContaining(lang === 'en' ? ['1,144 people', '17'] : ['1144名', '17个']));
    // Every visible text in the page body is at least 12 CSS px on a 390 px phone.
    const small = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.querySelector('main') as Node, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement as HTMLElement;
        if (!(n.textContent ?? '').trim() || el.closest('.visually-hidden')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 12) out.push(`${el.className} "${(n.textContent ?? '').trim().slice(0, 20)}" ${size}px`);
      }
      return out;
    });
    expect(small).toEqual([]);
    // The roll-up says in words what it sums and why it differs from the district's own figure.
    const notes = (await page.locator('.metric .rollup-note').allInnerTexts()).join('\n');
    if (lang === 'zh-Hans') {
      expect(notes).toContain('尖草坪区的汇总201名，是尖草坪区及其下属单位报道的 2 项已核实、可相加数据之和');
      expect(notes).toContain('尖草坪区自己报道的数字是1000余名');
    } else {
      expect(notes).toContain('The total of 201 people for Jiancaoping District is the sum of 2 verified figures');
      expect(notes).toContain('own reported figure is more than 1,000 people');
    }
    expect(await page.locator('#rollups + p').innerText()).not.toBe('');
    await screenshot(page, `site-reader-item8-statistics-${lang}-phone`);
    expect(problems).toEqual([]);
    await page.context().close();
  }
});

test('item 9: the timeline opens on the data’s range, 24-hour Chinese axis, no title underline, readable unit labels, markers clear of labels on a phone', async () => {
  for (const viewport of ['desktop', 'phone'] as const) {
    const { page, problems } = await open(viewport);
    await page.goto(`${app.url}/timeline`);
    await timelineReady(page);
    const layout = await page.evaluate(() => {
      const embed = (document.getElementById('timeline-embed') as HTMLElement).getBoundingClientRect();
      const markers = [...document.querySelectorAll('.tl-timemarker')].map((m) => m.getBoundingClientRect().left);
      const labels = [...document.querySelectorAll('.tl-timegroup-message')]
        .map((l) => l.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0);
      const boxes = [...document.querySelectorAll('.tl-timemarker-content-container')].map((m) => m.getBoundingClientRect()).filter((r) => r.width > 0);
      const overlaps = labels.filter((l) => boxes.some((b) => b.left < l.right && b.right > l.left && b.top < l.bottom && b.bottom > l.top)).length;
      const title = document.querySelector('.tl-slide-titleslide .tl-headline') as HTMLElement | null;
      const groupColour = labels.length ? getComputedStyle(document.querySelector('.tl-timegroup-message') as Element).color : null;
      return {
        left: embed.left,
        right: embed.right,
        first: Math.min(...markers),
        last: Math.max(...markers),
        overlaps,
        labelCount: labels.length,
        titleUnderline: title ? getComputedStyle(title).borderBottomWidth : 'no title',
        headlineUnderlines: [...document.querySelectorAll('#timeline-embed h2, #timeline-embed h3')].filter((h) => parseFloat(getComputedStyle(h).borderBottomWidth) > 0).length,
        groupColour,
      };
    });
    // Every event is in view when the timeline opens: the axis spans the data, not years around it.
    expect(layout.first).toBeGreaterThan(layout.left + 30);
    expect(layout.first).toBeLessThan(layout.left + (layout.right - layout.left) / 3);
    expect(layout.last).toBeLessThan(layout.right);
    expect(layout.titleUnderline).toBe('0px');
    expect(layout.headlineUnderlines).toBe(0);
    expect(layout.overlaps).toBe(0);
    if (viewport === 'desktop') {
      expect(layout.labelCount).toBeGreaterThan(0);
      expect(layout.groupColour).toBe('rgb(74, 74, 74)');
    }
    // The axis in Chinese, opened and zoomed in to hours: 24-hour times, never AM/PM or 上午/下午.
    const axes: string[] = [await page.locator('.tl-timeaxis').innerText()];
    expect(axes[0]).toMatch(/2月\s*\d+日/);
    await screenshot(page, `site-reader-item9-timeline-${viewport}`);
    if (viewport === 'desktop') {
      for (let i = 0; i < 4; i++) {
        await page.locator('.tl-menubar-button:has(.tl-icon-zoom-in)').click();
        await page.waitForTimeout(700);
        axes.push(await page.locator('.tl-timeaxis').innerText());
      }
      expect(axes.join('\n')).toMatch(/\d+时|\d{2}:\d{2}/);
      await screenshot(page, 'site-reader-item9-timeline-zoomed');
    }
    expect(axes.join('\n')).not.toMatch(/AM|PM|上午|下午/);
    expect(await page.evaluate(contrastOffenders)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }
});

test('item 10: masthead spacing, language switch on one line, full-width colon, no future report on the home, own wording, print footer inside the border', async () => {
  const { page, problems } = await open('phone', 'en-US');
  await page.goto(`${app.url}/?lang=en`);
  expect(await page.locator('.masthead').evaluate((el) => getComputedStyle(el).letterSpacing)).toBe('normal');
  expect(await page.locator('.site-name').evaluate((el) => getComputedStyle(el).letterSpacing)).toBe('normal');
  // The switch's words stay on one line at 390 px.
  const lines = await page.locator('.lang-switch').evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);
  await screenshot(page, 'site-reader-item10-home-en-phone');

  for (const lang of ['zh-Hans', 'en'] as const) {
    await page.goto(`${app.url}/${lang === 'en' ? '?lang=en' : ''}`);
    const links = await page.locator('.report-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((href) => href.includes(futureSlug))).toEqual([]);
    expect(await page.locator('.report-list').innerText()).not.toContain('2099');
  }
  // The report itself still has its page.
  expect((await page.goto(`${app.url}/reports/${futureSlug}`))?.status()).toBe(200);

  await page.goto(`${app.url}/honours/guo-yanju`);
  expect(await page.locator('.share-link').innerText()).toMatch(/^分享链接：http/);
  await page.goto(`${app.url}/units/jiancaoping-qu`);
  expect(await page.locator('main').innerText()).not.toContain('本页');

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${app.url}/honours/guo-yanju`);
  await page.emulateMedia({ media: 'print' });
  const print = await page.evaluate(() => {
    const body = document.body.getBoundingClientRect();
    const footer = (document.querySelector('.site-footer') as HTMLElement).getBoundingClientRect();
    return { border: getComputedStyle(document.body).borderTopStyle, inside: footer.top >= body.top && footer.bottom <= body.bottom };
  });
  expect(print).toEqual({ border: 'double', inside: true });
  await screenshot(page, 'site-reader-item10-commendation-print');
  expect(problems).toEqual([]);
  await page.context().close();
});
