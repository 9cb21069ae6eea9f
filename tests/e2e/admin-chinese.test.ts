/**
 * Issue 18, items 4, 5 and 7, in a real browser:
 * - Chinese first: the admin opens in zh-Hans (the browser asks for English), our types,
 *   fields and enumeration values are named in Chinese only, a bilingual note shows in one
 *   language, and English is one click away (and then English only).
 * - One workflow on screen: on our types Strapi's Publish button and Draft/Published badge
 *   are gone; every action is confirmed; the latest note sits at the top for the author; a
 *   scheduled item shows its time and "Unschedule"; the panel never goes blank and the page
 *   does not reload after an action.
 * - Time zones: a date-time is typed and shown in Beijing time, 24-hour, whatever the
 *   browser's zone (UTC, America/New_York).
 * Desktop 1280×800 and phone 390×844; screenshots under artifacts/screenshots/.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminLogin, launchBrowser, screenshot, until } from '../helpers/browser';
import { createAdminUser, PASSWORD } from '../helpers/admin';

const REPORT = 'plugin::chronicle.field-report';
const EVENT = 'plugin::chronicle.timeline-event';
const STATISTIC = 'plugin::chronicle.grid-statistic';
const CM = '/admin/content-manager/collection-types';
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SYSTEM = { kind: 'system' as const, name: 'system:test', permissions: new Set<string>() };

let app: TestStrapi;
let browser: Browser;
let reporterId: number;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  reporterId = (await createAdminUser(app.strapi, 'reporter@zh.local', 'chronicle-reporter')).id;
  await createAdminUser(app.strapi, 'editor@zh.local', 'strapi-editor');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const open = async (email: string, options: BrowserContextOptions = DESKTOP): Promise<{ page: Page; errors: string[] }> => {
  // The browser asks for English: the newsroom's admin still opens in Chinese.
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await adminLogin(page, app.url!, email, PASSWORD);
  return { page, errors };
};

const create = async (uid: string, data: Record<string, unknown>) =>
  (await app.strapi.documents(uid as never).create({ locale: 'zh-Hans', data: { ...data, createdBy: reporterId, updatedBy: reporterId } } as never)) as any;

const editUrl = (uid: string, documentId: string) => `${app.url}${CM}/${uid}/${documentId}?plugins[i18n][locale]=zh-Hans`;
const stateOf = (uid: string, documentId: string) => app.strapi.plugin('chronicle').service('workflow').stateOf(uid, documentId, 'zh-Hans');
const transition = (uid: string, documentId: string, to: string, extra: Record<string, unknown> = {}) =>
  app.strapi.plugin('chronicle').service('workflow').transition({ uid, documentId, locale: 'zh-Hans', to, ...extra }, SYSTEM);

/** Clicks a workflow action, checks its confirmation dialog, confirms. */
const confirmAction = async (page: Page, to: string, expectInDialog?: RegExp) => {
  await page.getByTestId(`workflow-to-${to}`).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor({ timeout: 10000 });
  if (expectInDialog) expect(await dialog.innerText()).toMatch(expectInDialog);
  await page.getByTestId('workflow-confirm-action').click();
};

/** Samples the panel every 50 ms while `during` runs: it must never leave the page. */
const neverBlank = async (page: Page, during: () => Promise<void>) => {
  let gaps = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      if ((await page.getByTestId('workflow-state').count()) === 0) gaps += 1;
      await page.waitForTimeout(50);
    }
  })();
  await during();
  await page.waitForTimeout(1500);
  sampling = false;
  await sampler;
  return gaps;
};

test('item 4: the admin opens in Chinese, names our types, fields and values in Chinese only; English one click away', async () => {
  const report = await create(REPORT, { title: '古城派出所民警坚守卡口', kicker: '战疫一线', body: '正文' });
  await transition(REPORT, report.documentId, 'in_review', { note: '请编辑审阅 / Please review' });
  const event = await create(EVENT, { title: '尖草坪区启动应急响应', occurredAt: '2022-02-23T04:00:00.000Z', precision: 'hour' });
  const figure = await create(STATISTIC, { label: '视频通话', value: 100000, qualifier: 'more-than', metric: 'video-calls', countUnit: '次' });

  const { page, errors } = await open('editor@zh.local');
  await page.goto(editUrl(REPORT, report.documentId));
  await page.locator('input[name="kicker"]').waitFor({ timeout: 60000 });
  const main = page.locator('main');
  await main.getByText('眉题', { exact: true }).first().waitFor({ timeout: 30000 });
  await page.getByTestId('workflow-state').waitFor({ timeout: 30000 });
  const text = await main.innerText();
  for (const english of ['Kicker', 'Title', 'Dateline', 'Workflow', 'In review', 'Please review']) expect(text).not.toContain(english);
  // No label joins both languages ("Kicker · 眉题").
  expect(text).not.toMatch(/[A-Za-z] · [\u4e00-\u9fff]/);
  for (const chinese of ['标题', '正文', '编辑流程', '待审', '请编辑审阅']) expect(text).toContain(chinese);
  // Content type names in the Content Manager's menu.
  const nav = await page.locator('nav').allInnerTexts();
  expect(nav.join(' ')).toContain('稿件');
  expect(nav.join(' ')).not.toContain('Field report');
  await screenshot(page, 'admin-zh-report-desktop');

  // Enumeration values are named, never raw.
  await page.goto(editUrl(EVENT, event.documentId));
  await page.locator('input[name="title"]').waitFor({ timeout: 60000 });
  await until(async () => (await main.innerText()).includes('时间精度'), true);
  const eventText = await main.innerText();
  expect(eventText).toMatch(/\n时\n|时间精度[\s\S]*时/);
  expect(eventText).not.toMatch(/\bhour\b/);
  await page.goto(editUrl(STATISTIC, figure.documentId));
  await page.locator('input[name="label"]').waitFor({ timeout: 60000 });
  await until(async () => (await main.innerText()).includes('以上（余、多、逾）'), true);
  expect(await main.innerText()).not.toContain('more-than');
  await screenshot(page, 'admin-zh-figure-desktop');

  // English is one click away, and then English only.
  await page.goto(`${app.url}/admin/plugins/chronicle`);
  await page.getByTestId('language-switch').click();
  await page.getByRole('heading', { name: 'Newsroom' }).waitFor({ timeout: 60000 });
  await page.goto(editUrl(REPORT, report.documentId));
  await main.getByText('Kicker', { exact: true }).first().waitFor({ timeout: 60000 });
  await page.getByTestId('workflow-state').waitFor({ timeout: 30000 });
  const english = await main.innerText();
  for (const chinese of ['眉题', '编辑流程', '请编辑审阅']) expect(english).not.toContain(chinese);
  expect(english).not.toMatch(/[A-Za-z] · [\u4e00-\u9fff]/);
  expect(english).toContain('Please review');
  await screenshot(page, 'admin-en-report-desktop');
  // Back to Chinese for the other tests' editor.
  await page.goto(`${app.url}/admin/plugins/chronicle`);
  await page.getByTestId('language-switch').click();
  await page.getByRole('heading', { name: '编辑部' }).waitFor({ timeout: 60000 });
  expect(errors).toEqual([]);
  await page.context().close();

  const phone = await open('reporter@zh.local', PHONE);
  await phone.page.goto(editUrl(REPORT, report.documentId));
  await phone.page.locator('input[name="kicker"]').waitFor({ timeout: 60000 });
  await screenshot(phone.page, 'admin-zh-report-phone');
  expect(await phone.page.locator('main').innerText()).not.toContain('Kicker');
  await phone.page.context().close();
});

test('item 5: one workflow on screen, every action confirmed, the note on top, a scheduled time and Unschedule, no blank column', async () => {
  const report = await create(REPORT, { title: '南寨街道网格员夜间巡查', body: '正文' });
  const url = editUrl(REPORT, report.documentId);

  const reporter = await open('reporter@zh.local');
  await reporter.page.goto(url);
  await reporter.page.getByTestId('workflow-to-in_review').waitFor({ timeout: 60000 });
  // Strapi's Publish action and Draft/Published badge are not there: the panel holds the state.
  const main = reporter.page.locator('main');
  expect(await main.getByRole('button', { name: /^(发布|Publish)$/ }).count()).toBe(0);
  expect(await main.locator('div:has(h1) + div > [role="status"]').filter({ visible: true } as any).count()).toBe(0);
  expect(await reporter.page.getByTestId('workflow-state').textContent()).toBe('草稿');

  // Cancelling the dialog changes nothing.
  await reporter.page.getByTestId('workflow-to-in_review').click();
  await reporter.page.getByRole('alertdialog').waitFor();
  expect(await reporter.page.getByRole('alertdialog').innerText()).toContain('草稿 → 待审');
  await screenshot(reporter.page, 'workflow-confirm-dialog');
  await reporter.page.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
  expect(await stateOf(REPORT, report.documentId)).toBe('draft');

  await reporter.page.evaluate(() => ((window as any).__notReloaded = true));
  const gaps = await neverBlank(reporter.page, async () => {
    await confirmAction(reporter.page, 'in_review');
    await reporter.page.getByTestId('workflow-state').filter({ hasText: '待审' }).waitFor({ timeout: 30000 });
  });
  expect(gaps).toBe(0);
  expect(await reporter.page.evaluate(() => (window as any).__notReloaded)).toBe(true);
  expect(await stateOf(REPORT, report.documentId)).toBe('in_review');

  // The editor asks for changes with a note (the dialog insists on one first).
  const editor = await open('editor@zh.local');
  await editor.page.goto(url);
  await editor.page.getByTestId('workflow-to-changes_requested').waitFor({ timeout: 60000 });
  await editor.page.getByTestId('workflow-to-changes_requested').click();
  expect(await editor.page.getByTestId('workflow-confirm-action').isDisabled()).toBe(true);
  await editor.page.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
  await editor.page.getByLabel('备注').fill('请补充信源，核实巡查人数。');
  await confirmAction(editor.page, 'changes_requested', /请补充信源/);
  await editor.page.getByTestId('workflow-state').filter({ hasText: '退回修改' }).waitFor({ timeout: 30000 });

  // The author sees the note at the top, above the fold.
  await reporter.page.reload();
  const note = reporter.page.getByTestId('workflow-latest-note');
  await note.waitFor({ timeout: 60000 });
  expect(await note.innerText()).toContain('请补充信源，核实巡查人数。');
  expect((await note.boundingBox())!.y).toBeLessThan(800);
  await screenshot(reporter.page, 'workflow-latest-note-for-author');
  await confirmAction(reporter.page, 'in_review');
  await reporter.page.getByTestId('workflow-state').filter({ hasText: '待审' }).waitFor({ timeout: 30000 });

  // Approve, then schedule for a Beijing time; the panel shows it and offers "Unschedule".
  await editor.page.reload();
  await editor.page.getByTestId('workflow-to-approved').waitFor({ timeout: 60000 });
  await confirmAction(editor.page, 'approved');
  await editor.page.getByTestId('workflow-state').filter({ hasText: '已审定' }).waitFor({ timeout: 30000 });
  await editor.page.getByTestId('workflow-publish-at').fill('2030-01-01 21:00');
  await confirmAction(editor.page, 'scheduled', /2030年1月1日 21:00/);
  await editor.page.getByTestId('workflow-state').filter({ hasText: '定时发布' }).waitFor({ timeout: 30000 });
  const scheduled = (await app.strapi.db.query(REPORT as never).findOne({ where: { documentId: report.documentId, publishedAt: null } })) as any;
  expect(new Date(scheduled.scheduledFor).toISOString()).toBe('2030-01-01T13:00:00.000Z');
  await editor.page.getByTestId('workflow-scheduled-for').filter({ hasText: '2030年1月1日 21:00' }).waitFor({ timeout: 30000 });
  expect(await editor.page.getByTestId('workflow-to-approved').textContent()).toBe('取消定时发布');
  await screenshot(editor.page, 'workflow-scheduled-unschedule');
  await confirmAction(editor.page, 'approved', /定时发布 → 已审定/);
  await editor.page.getByTestId('workflow-state').filter({ hasText: '已审定' }).waitFor({ timeout: 30000 });
  expect(await stateOf(REPORT, report.documentId)).toBe('approved');
  expect(reporter.errors).toEqual([]);
  expect(editor.errors).toEqual([]);
  await reporter.page.context().close();
  await editor.page.context().close();

  const phone = await open('editor@zh.local', PHONE);
  await phone.page.goto(url);
  await phone.page.getByTestId('workflow-state').waitFor({ timeout: 60000 });
  await phone.page.getByTestId('workflow-state').scrollIntoViewIfNeeded();
  await screenshot(phone.page, 'workflow-panel-phone');
  await phone.page.context().close();
});

test.each(['UTC', 'America/New_York'])('item 7: date-times in Beijing time, 24-hour, in a browser set to %s', async (timezoneId) => {
  // 上午9时 on 24 February 2022 in Beijing.
  const event = await create(EVENT, { title: `上午9时集结（${timezoneId}）`, occurredAt: '2022-02-24T01:00:00.000Z', precision: 'hour' });
  await transition(EVENT, event.documentId, 'in_review', { note: '请审阅' });
  const { page, errors } = await open('reporter@zh.local', { ...DESKTOP, timezoneId });
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
  await page.goto(editUrl(EVENT, event.documentId));
  const input = page.getByTestId('shanghai-datetime-occurredAt');
  await input.waitFor({ timeout: 60000 });
  expect(await input.inputValue()).toBe('2022-02-24 09:00');
  expect(await page.getByTestId('shanghai-datetime-reading-occurredAt').textContent()).toBe('2022年2月24日 09:00');
  // History in Beijing time, 24-hour, no AM/PM.
  const panel = await page.getByTestId('workflow-panel').innerText();
  expect(panel).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
  expect(panel).not.toMatch(/AM|PM|上午|下午/);

  await input.fill('2022-02-24 21:30');
  await page.getByRole('button', { name: /^(保存|Save)$/ }).click();
  await until(async () => {
    const row = (await app.strapi.db.query(EVENT as never).findOne({ where: { documentId: event.documentId, publishedAt: null } })) as any;
    return new Date(row.occurredAt).toISOString();
  }, '2022-02-24T13:30:00.000Z');
  await page.reload();
  await page.getByTestId('shanghai-datetime-occurredAt').waitFor({ timeout: 60000 });
  expect(await page.getByTestId('shanghai-datetime-occurredAt').inputValue()).toBe('2022-02-24 21:30');
  await screenshot(page, `timezone-${timezoneId.replace('/', '-')}`);
  expect(errors).toEqual([]);
  await page.context().close();
});
