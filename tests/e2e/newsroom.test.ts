/**
 * The foundation in a real browser: the editor sees the demo newsroom in the Content Manager
 * in both locales; a reporter writes a field report and saves it, but has no way to publish it.
 */
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminLanguage, adminLogin, launchBrowser, screenshot } from '../helpers/browser';

const PASSWORD = 'Demo-Password-1';
const REPORTS = '/admin/content-manager/collection-types/plugin::chronicle.field-report';

let app: TestStrapi;
let browser: Browser;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  const demo = app.strapi.plugin('chronicle').service('demo');
  await demo.ensureAccounts(PASSWORD);
  await demo.load();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const newPage = async (): Promise<{ page: Page; errors: string[] }> => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
  await adminLanguage(context, 'en');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
};

test('the editor sees the demo field reports in zh-Hans and in English', async () => {
  const { page, errors } = await newPage();
  await adminLogin(page, app.url!, 'editor@chronicle.local', PASSWORD);

  await page.goto(`${app.url}${REPORTS}?page=1&pageSize=10&plugins[i18n][locale]=zh-Hans`);
  const rows = page.locator('tbody tr');
  await rows.first().waitFor({ timeout: 30000 });
  expect(await rows.count()).toBe(3);
  await expect(page.getByText('网格员', { exact: false }).first().isVisible()).resolves.toBe(true);
  await screenshot(page, 'editor-reports-zh-Hans');

  await page.goto(`${app.url}${REPORTS}?page=1&pageSize=10&plugins[i18n][locale]=en`);
  await rows.first().waitFor({ timeout: 30000 });
  expect(await rows.count()).toBe(3);
  const text = await page.locator('tbody').innerText();
  expect(text).toMatch(/[A-Za-z]{4,}/);
  expect(text).not.toMatch(/[\u4e00-\u9fff]{4,}/);
  await screenshot(page, 'editor-reports-en');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a reporter writes and saves a field report but cannot publish it', async () => {
  const { page, errors } = await newPage();
  await adminLogin(page, app.url!, 'reporter@chronicle.local', PASSWORD);
  await page.goto(`${app.url}${REPORTS}/create?plugins[i18n][locale]=zh-Hans`);
  const title = page.locator('input[name="title"]');
  await title.waitFor({ timeout: 30000 });
  await title.fill('南寨街道网格员夜间巡查');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 30000 });
  await screenshot(page, 'reporter-report-saved');

  const documentId = page.url().split('?')[0].split('/').pop()!;
  const saved = (await app.strapi.documents('plugin::chronicle.field-report' as never).findOne({
    documentId,
    locale: 'zh-Hans',
  } as never)) as any;
  expect(saved).toMatchObject({ title: '南寨街道网格员夜间巡查', publishedAt: null });
  expect(saved.slug).toMatch(/^nan-zhai/);

  const publish = page.getByRole('button', { name: 'Publish' });
  const canPublish = (await publish.count()) > 0 && (await publish.first().isEnabled());
  expect(canPublish).toBe(false);
  const published = await app.strapi.documents('plugin::chronicle.field-report' as never).findOne({
    documentId,
    locale: 'zh-Hans',
    status: 'published',
  } as never);
  expect(published).toBeNull();
  expect(errors).toEqual([]);
  await page.context().close();
});
