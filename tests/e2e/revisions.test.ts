/**
 * What changed, in a real browser: an editor opens a report in review that its reporter
 * edited after it was approved and sees, under the Workflow panel, the changed Chinese
 * characters (inserted underlined, deleted struck through); the English version of a record
 * whose Chinese changed after it was translated shows the stale-translation notice.
 * Screenshots under artifacts/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminLanguage, adminLogin, launchBrowser, screenshot } from '../helpers/browser';
import { adminApi, createAdminUser, login, PASSWORD } from '../helpers/admin';

const REPORTS = '/admin/content-manager/collection-types/plugin::chronicle.field-report';
const UID = 'plugin::chronicle.field-report';
const CM = '/content-manager/collection-types';

let app: TestStrapi;
let browser: Browser;
let reporter: ReturnType<typeof adminApi>;
let editor: ReturnType<typeof adminApi>;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  await createAdminUser(app.strapi, 'reporter@rev-e2e.local', 'chronicle-reporter');
  await createAdminUser(app.strapi, 'editor@rev-e2e.local', 'strapi-editor');
  reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@rev-e2e.local'));
  editor = adminApi(app.strapi, await login(app.strapi, 'editor@rev-e2e.local'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const open = async (language: 'en' | 'zh-Hans'): Promise<{ page: Page; errors: string[] }> => {
  const context = await browser.newContext({ locale: language === 'en' ? 'en-US' : 'zh-CN', viewport: { width: 1366, height: 1100 } });
  await adminLanguage(context, language);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await adminLogin(page, app.url!, 'editor@rev-e2e.local', PASSWORD);
  return { page, errors };
};

const move = (api: typeof editor, documentId: string, to: string) => api.post('/chronicle/workflow/transition', { uid: UID, documentId, locale: 'zh-Hans', to });

test('an editor sees the changed Chinese characters since the approval, and a stale English version says so', async () => {
  const created = await reporter.post(`${CM}/${UID}?locale=zh-Hans`, { title: '民警连续值守', body: '累计出动警力4800余人次，开展入户排查。' });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId as string;
  const translated = await reporter.put(`${CM}/${UID}/${documentId}?locale=en`, { title: 'Police on duty', body: 'More than 4,800 police deployments.' });
  expect(translated.status).toBe(200);
  expect((await move(reporter, documentId, 'in_review')).status).toBe(200);
  expect((await move(editor, documentId, 'approved')).status).toBe(200);
  // The reporter edits the approved report: it goes back to review.
  const edited = await reporter.put(`${CM}/${UID}/${documentId}?locale=zh-Hans`, { title: '民警连续值守', body: '累计出动警力4900余人次，开展上门排查。' });
  expect(edited.status).toBe(200);

  const { page, errors } = await open('zh-Hans');
  await page.goto(`${app.url}${REPORTS}/${documentId}?plugins[i18n][locale]=zh-Hans`);
  const diff = page.getByTestId('revision-diff');
  await diff.waitFor({ timeout: 30000 });
  await page.getByTestId('revision-change').first().waitFor({ timeout: 30000 });
  await expect(page.getByTestId('revision-base').textContent()).resolves.toContain('批准的版本');
  const inserted = await diff.locator('ins[data-op="insert"]').allTextContents();
  const deleted = await diff.locator('del[data-op="delete"]').allTextContents();
  expect(inserted).toEqual(['9', '上门']);
  expect(deleted).toEqual(['8', '入户']);
  // Readable without colour: inserted text is underlined, deleted text struck through.
  const decoration = async (selector: string) => diff.locator(selector).first().evaluate((el) => getComputedStyle(el).textDecorationLine);
  expect(await decoration('ins[data-op="insert"]')).toContain('underline');
  expect(await decoration('del[data-op="delete"]')).toContain('line-through');
  await diff.scrollIntoViewIfNeeded();
  await screenshot(page, 'revisions-1-editor-sees-what-changed');

  // The English was translated before the Chinese edit: it is stale.
  await page.goto(`${app.url}${REPORTS}/${documentId}?plugins[i18n][locale]=en`);
  const notice = page.getByTestId('translation-stale-notice');
  await notice.waitFor({ timeout: 30000 });
  await expect(notice.textContent()).resolves.toContain('中文版本在翻译后已修改');
  await notice.scrollIntoViewIfNeeded();
  await screenshot(page, 'revisions-2-stale-translation');
  expect(errors).toEqual([]);
  await page.context().close();

  // The English admin says it in English.
  const english = await open('en');
  await english.page.goto(`${app.url}${REPORTS}/${documentId}?plugins[i18n][locale]=en`);
  await english.page.getByTestId('translation-stale-notice').waitFor({ timeout: 30000 });
  await expect(english.page.getByTestId('translation-stale-notice').textContent()).resolves.toContain('The Chinese version changed after this translation');
  expect(english.errors).toEqual([]);
  await english.page.context().close();
});
