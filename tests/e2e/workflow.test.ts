/**
 * The whole newsroom loop in a real browser: a reporter writes a report and submits it from
 * the Workflow panel; an editor approves and publishes it from the same panel; the public
 * record is then published. Screenshots under artifacts/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminLogin, launchBrowser, screenshot } from '../helpers/browser';
import { createAdminUser, PASSWORD } from '../helpers/admin';

const REPORTS = '/admin/content-manager/collection-types/plugin::chronicle.field-report';
const UID = 'plugin::chronicle.field-report';

let app: TestStrapi;
let browser: Browser;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  await createAdminUser(app.strapi, 'reporter@loop.local', 'chronicle-reporter');
  await createAdminUser(app.strapi, 'editor@loop.local', 'strapi-editor');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const open = async (email: string): Promise<{ page: Page; errors: string[] }> => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await adminLogin(page, app.url!, email, PASSWORD);
  return { page, errors };
};

const state = (documentId: string) =>
  app.strapi.plugin('chronicle').service('workflow').stateOf(UID, documentId, 'zh-Hans');

test('reporter submits, editor approves and publishes, the record is public', async () => {
  const reporter = await open('reporter@loop.local');
  await reporter.page.goto(`${app.url}${REPORTS}/create?plugins[i18n][locale]=zh-Hans`);
  await reporter.page.locator('input[name="title"]').fill('古城派出所民警坚守卡口');
  await reporter.page.getByRole('button', { name: 'Save' }).click();
  await reporter.page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 30000 });
  const documentId = reporter.page.url().split('?')[0].split('/').pop()!;

  const submit = reporter.page.getByTestId('workflow-to-in_review');
  await submit.waitFor({ timeout: 30000 });
  await expect(reporter.page.getByTestId('workflow-to-approved').count()).resolves.toBe(0);
  await reporter.page.getByLabel('Note').fill('请编辑审阅');
  await submit.click();
  await reporter.page.getByTestId('workflow-state').filter({ hasText: 'In review' }).waitFor({ timeout: 30000 });
  expect(await state(documentId)).toBe('in_review');
  await screenshot(reporter.page, 'workflow-1-reporter-submitted');
  expect(reporter.errors).toEqual([]);
  await reporter.page.context().close();

  const editor = await open('editor@loop.local');
  await editor.page.goto(`${app.url}${REPORTS}/${documentId}?plugins[i18n][locale]=zh-Hans`);
  const approve = editor.page.getByTestId('workflow-to-approved');
  await approve.waitFor({ timeout: 30000 });
  await approve.click();
  await editor.page.getByTestId('workflow-state').filter({ hasText: 'Approved' }).waitFor({ timeout: 30000 });
  expect(await state(documentId)).toBe('approved');
  await screenshot(editor.page, 'workflow-2-editor-approved');

  await editor.page.getByTestId('workflow-to-published').click();
  await editor.page.getByTestId('workflow-state').filter({ hasText: 'Published' }).waitFor({ timeout: 30000 });
  await screenshot(editor.page, 'workflow-3-editor-published');
  expect(editor.errors).toEqual([]);

  const published = (await app.strapi.documents(UID as never).findOne({ documentId, locale: 'zh-Hans', status: 'published' } as never)) as any;
  expect(published).toMatchObject({ title: '古城派出所民警坚守卡口', workflowState: 'published' });
  const steps = (await app.strapi.plugin('chronicle').service('workflow').history(UID, documentId, 'zh-Hans')).map((h: any) => `${h.to}:${h.actor}`);
  expect(steps).toEqual(['in_review:reporter Test', 'approved:editor Test', 'published:editor Test']);

  await editor.page.goto(`${app.url}/admin/plugins/chronicle`);
  await editor.page.getByText('Recently published').waitFor({ timeout: 30000 });
  await screenshot(editor.page, 'workflow-4-newsroom-queue');
  await editor.page.context().close();
});
