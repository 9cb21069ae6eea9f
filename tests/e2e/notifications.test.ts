/**
 * Telling people, in a real browser: a reporter submits a report from the Workflow panel;
 * the editor finds the unread notice on the Newsroom page and opens it. The editorial
 * calendar shows a scheduled report on its Beijing day at its Beijing time, in a browser
 * whose own zone is New York's.
 */
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login, PASSWORD } from '../helpers/admin';
import { adminLanguage, adminLogin, launchBrowser, screenshot } from '../helpers/browser';

const UID = 'plugin::chronicle.field-report';
const REPORTS = `/admin/content-manager/collection-types/${UID}`;
const NEWSROOM = '/admin/plugins/chronicle';

let app: TestStrapi;
let browser: Browser;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  await createAdminUser(app.strapi, 'reporter@notice.local', 'chronicle-reporter');
  await createAdminUser(app.strapi, 'editor@notice.local', 'strapi-editor');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const open = async (email: string, language: 'en' | 'zh-Hans', timezoneId?: string): Promise<{ page: Page; errors: string[] }> => {
  const context = await browser.newContext({ locale: language === 'en' ? 'en-US' : 'zh-CN', timezoneId, viewport: { width: 1366, height: 1000 } });
  await adminLanguage(context, language);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await adminLogin(page, app.url!, email, PASSWORD);
  return { page, errors };
};

test('a reporter submits; the editor sees the unread notice on the Newsroom page and opens it', async () => {
  const reporter = await open('reporter@notice.local', 'en');
  await reporter.page.goto(`${app.url}${REPORTS}/create?plugins[i18n][locale]=zh-Hans`);
  await reporter.page.locator('input[name="title"]').fill('城西社区核酸采样点夜间值守');
  await reporter.page.getByRole('button', { name: 'Save' }).click();
  await reporter.page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 30000 });
  const documentId = reporter.page.url().split('?')[0].split('/').pop()!;
  await reporter.page.getByTestId('workflow-to-in_review').waitFor({ timeout: 30000 });
  await reporter.page.getByLabel('Note').fill('请审阅，数字已核对');
  await reporter.page.getByTestId('workflow-to-in_review').click();
  await reporter.page.getByTestId('workflow-confirm-action').click();
  await reporter.page.getByTestId('workflow-state').filter({ hasText: 'In review' }).waitFor({ timeout: 30000 });
  expect(reporter.errors).toEqual([]);
  await reporter.page.context().close();

  const editor = await open('editor@notice.local', 'zh-Hans');
  await editor.page.goto(`${app.url}${NEWSROOM}`);
  const notice = editor.page.getByTestId('notification').first();
  await notice.waitFor({ timeout: 30000 });
  await expect(editor.page.getByTestId('notifications-unread').innerText()).resolves.toBe('1');
  await expect(notice.getAttribute('data-unread')).resolves.toBe('true');
  const text = await notice.innerText();
  expect(text).toContain('reporter Test 提交了《城西社区核酸采样点夜间值守》，等待审核');
  expect(text).toContain('附言：请审阅，数字已核对');
  await screenshot(editor.page, 'notifications-1-editor-unread');

  await notice.getByRole('link').click();
  await editor.page.waitForURL((url) => url.pathname.endsWith(`/${documentId}`), { timeout: 30000 });
  await editor.page.getByTestId('workflow-state').waitFor({ timeout: 30000 });
  const stored = await app.strapi.db.query('plugin::chronicle.notification' as never).findMany({ where: { subjectDocumentId: documentId } });
  expect(stored).toHaveLength(1);
  expect((stored[0] as any).readAt).not.toBeNull();

  await editor.page.goto(`${app.url}${NEWSROOM}`);
  await editor.page.getByTestId('notification').first().waitFor({ timeout: 30000 });
  await expect(editor.page.getByTestId('notifications-unread').innerText()).resolves.toBe('0');
  await expect(editor.page.getByTestId('notification').first().getAttribute('data-unread')).resolves.toBe('false');
  expect(editor.errors).toEqual([]);
  await editor.page.context().close();
});

test('the calendar shows a scheduled report at its Beijing time in a New York browser', async () => {
  const reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@notice.local'));
  const editorApi = adminApi(app.strapi, await login(app.strapi, 'editor@notice.local'));
  const created = await reporter.post(`/content-manager/collection-types/${UID}?locale=zh-Hans`, { title: '春节前夕走访独居老人', body: '正文' });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId as string;
  const move = (api: typeof reporter, to: string, extra: object = {}) =>
    api.post('/chronicle/workflow/transition', { uid: UID, documentId, locale: 'zh-Hans', to, ...extra });
  expect((await move(reporter, 'in_review')).status).toBe(200);
  expect((await move(editorApi, 'approved')).status).toBe(200);
  // Tomorrow 09:30 in Beijing is 20:30 of the day before in New York.
  const beijingToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const tomorrow = new Date(Date.parse(`${beijingToday}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
  const at = new Date(`${tomorrow}T09:30:00+08:00`).toISOString();
  expect((await move(editorApi, 'scheduled', { publishAt: at })).status).toBe(200);

  const editor = await open('editor@notice.local', 'zh-Hans', 'America/New_York');
  expect(await editor.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
  await editor.page.goto(`${app.url}${NEWSROOM}`);
  await editor.page.getByTestId('calendar').waitFor({ timeout: 30000 });
  // The week view starts on Monday: on a Beijing Sunday, tomorrow is next week.
  if (new Date(`${beijingToday}T00:00:00Z`).getUTCDay() === 0) await editor.page.getByTestId('calendar-next').click();
  const cell = editor.page.locator(`[data-testid="calendar-day"][data-day="${tomorrow}"]`);
  const item = cell.getByTestId('calendar-item').filter({ hasText: '春节前夕走访独居老人' });
  await item.waitFor({ timeout: 30000 });
  await expect(item.getAttribute('data-kind')).resolves.toBe('scheduled');
  await expect(item.getByTestId('calendar-time').innerText()).resolves.toBe('09:30');
  await expect(item.innerText()).resolves.toContain('定时发布');
  await expect(item.getByRole('link').getAttribute('href')).resolves.toContain(`/${documentId}?plugins[i18n][locale]=zh-Hans`);
  // The approval is on today's Beijing cell, whatever day it is in New York.
  await expect(
    editor.page.locator(`[data-testid="calendar-day"][data-day="${beijingToday}"] [data-kind="approved"]`).filter({ hasText: '春节前夕走访独居老人' }).count()
  ).resolves.toBe(new Date(`${beijingToday}T00:00:00Z`).getUTCDay() === 0 ? 0 : 1);
  await editor.page.getByTestId('calendar').scrollIntoViewIfNeeded();
  await screenshot(editor.page, 'notifications-2-calendar-new-york');

  await editor.page.getByTestId('calendar-month').click();
  // The month of the week shown; tomorrow is in it unless today is the month's last day.
  if (tomorrow.slice(0, 7) === beijingToday.slice(0, 7)) {
    await editor.page.locator(`[data-testid="calendar-day"][data-day="${tomorrow}"] [data-testid="calendar-item"]`).first().waitFor({ timeout: 30000 });
  }
  await screenshot(editor.page, 'notifications-3-calendar-month');
  expect(editor.errors).toEqual([]);
  await editor.page.context().close();
});
