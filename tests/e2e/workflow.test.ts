/**
 * The whole newsroom loop in a real browser: a reporter writes a report and submits it from
 * the Workflow panel; an editor approves and publishes it from the same panel; the public
 * record is then published. Screenshots under artifacts/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminLanguage, adminLogin, launchBrowser, screenshot, until } from '../helpers/browser';
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
  // This file walks the English admin; tests/e2e/admin-chinese.test.ts walks the Chinese one.
  await adminLanguage(context, 'en');
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
  await reporter.page.getByTestId('workflow-confirm-action').click();
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
  await editor.page.getByTestId('workflow-confirm-action').click();
  await editor.page.getByTestId('workflow-state').filter({ hasText: 'Approved' }).waitFor({ timeout: 30000 });
  expect(await state(documentId)).toBe('approved');
  await screenshot(editor.page, 'workflow-2-editor-approved');

  await editor.page.getByTestId('workflow-to-published').click();
  await editor.page.getByTestId('workflow-confirm-action').click();
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

test('two people editing the same draft: the later save is refused with a message, the current version is shown and the refused edit can be put back; nothing is overwritten', async () => {
  await createAdminUser(app.strapi, 'editor2@loop.local', 'strapi-editor');
  const created = (await app.strapi.documents(UID as never).create({
    data: { title: '两人同时编辑同一稿件', body: '正文' },
    locale: 'zh-Hans',
  } as never)) as any;
  const url = `${app.url}${REPORTS}/${created.documentId}?plugins[i18n][locale]=zh-Hans`;
  const draft = () => app.strapi.documents(UID as never).findOne({ documentId: created.documentId, locale: 'zh-Hans' } as never) as Promise<any>;

  const a = await open('editor@loop.local');
  const b = await open('editor2@loop.local');
  for (const { page } of [a, b]) {
    await page.goto(url);
    await page.locator('input[name="kicker"]').waitFor({ timeout: 30000 });
  }

  // A saves twice in a row in the same form: the form keeps up with its own saves.
  await a.page.locator('input[name="kicker"]').fill('甲的肩题');
  await a.page.getByRole('button', { name: 'Save' }).click();
  await until(async () => (await draft()).kicker, '甲的肩题');
  await a.page.getByRole('button', { name: 'Save' }).waitFor({ state: 'visible' });
  await a.page.locator('input[name="kicker"]').fill('甲的肩题（二改）');
  await a.page.getByRole('button', { name: 'Save' }).click();
  await until(async () => (await draft()).kicker, '甲的肩题（二改）');
  await expect(a.page.getByText(/Someone else saved/).count()).resolves.toBe(0);

  // B's form was loaded before A's saves.
  await b.page.locator('input[name="kicker"]').fill('乙的肩题');
  await b.page.getByRole('button', { name: 'Save' }).click();
  await b.page.getByText(/Someone else saved this document after you opened it/).first().waitFor({ timeout: 30000 });
  await screenshot(b.page, 'workflow-5-stale-save-refused');
  expect((await draft()).kicker).toBe('甲的肩题（二改）');

  // The Content Manager reloads the document after a failed save: B's form now shows A's
  // text at the current revision, and the panel offers B's edit back; put back, it saves.
  await until(() => b.page.locator('input[name="kicker"]').inputValue(), '甲的肩题（二改）');
  const offer = b.page.getByTestId('unsaved-changes');
  await offer.waitFor({ timeout: 30000 });
  await until(async () => /Kicker/.test((await offer.textContent()) ?? ''), true);
  await screenshot(b.page, 'workflow-6-unsaved-changes-offered');
  expect(await a.page.getByTestId('unsaved-changes').count()).toBe(0);
  await b.page.getByTestId('unsaved-restore').click();
  await until(() => b.page.locator('input[name="kicker"]').inputValue(), '乙的肩题');
  expect(await b.page.getByTestId('unsaved-changes').count()).toBe(0);
  await b.page.getByRole('button', { name: 'Save' }).click();
  await until(async () => (await draft()).kicker, '乙的肩题');
  // Saved: nothing is offered again after the reload that follows.
  await b.page.waitForTimeout(1500);
  expect(await b.page.getByTestId('unsaved-changes').count()).toBe(0);
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
  await a.page.context().close();
  await b.page.context().close();
});
