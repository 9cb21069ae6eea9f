/**
 * Fact check in a real browser (issue #17): an editor who did not write a figure verifies it
 * from the Fact check panel (核实) of its edit view, with a confirm dialog; once published, the
 * site shows the figure's "how we know" line. Screenshots under artifacts/screenshots/.
 */
import type { Browser } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminLanguage, adminLogin, launchBrowser, screenshot } from '../helpers/browser';
import { createAdminUser, PASSWORD } from '../helpers/admin';

const UID = 'plugin::chronicle.grid-statistic';
const FIGURES = `/admin/content-manager/collection-types/${UID}`;
const SYSTEM = { kind: 'system' as const, name: 'system:test', permissions: new Set<string>() };

let app: TestStrapi;
let browser: Browser;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  await createAdminUser(app.strapi, 'editor@verify.local', 'strapi-editor');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

test('an editor verifies a figure in the Fact check panel; the site shows how we know it', async () => {
  const created = (await app.strapi.documents(UID as never).create({
    locale: 'zh-Hans',
    data: {
      metric: 'e2e-video-calls',
      label: '与居民视频通话',
      value: 100000,
      qualifier: 'more-than',
      countUnit: '次',
      sourceKind: 'document',
      sourceTitle: '太原日报',
      sourcePage: '3',
      verificationMethod: '与见报原文核对',
    },
  } as never)) as { documentId: string };
  const { documentId } = created;
  const workflow = app.strapi.plugin('chronicle').service('workflow');
  await workflow.transition({ uid: UID, documentId, locale: 'zh-Hans', to: 'in_review' }, SYSTEM);

  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 1000 } });
  await adminLanguage(context, 'zh-Hans');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await adminLogin(page, app.url!, 'editor@verify.local', PASSWORD);
  await page.goto(`${app.url}${FIGURES}/${documentId}?plugins[i18n][locale]=zh-Hans`);
  const panel = page.getByTestId('verification-panel');
  await panel.waitFor({ timeout: 30000 });
  await page.getByTestId('verification-state').filter({ hasText: '未核实' }).waitFor({ timeout: 30000 });
  await expect(page.getByTestId('verification-source').textContent()).resolves.toBe('文件：太原日报（第3页）');
  await page.getByTestId('verification-verify').click();
  await page.getByTestId('verification-confirm').waitFor({ timeout: 10000 });
  await page.getByTestId('verification-confirm-action').click();
  await page.getByTestId('verification-state').filter({ hasText: '已核实' }).waitFor({ timeout: 30000 });
  await expect(page.getByTestId('verification-checker').textContent()).resolves.toContain('editor Test');
  await screenshot(page, 'verification-1-editor-verified');
  expect(errors).toEqual([]);

  const stored = (await app.strapi.db.query(UID as never).findOne({ where: { documentId, publishedAt: null } } as never)) as any;
  expect(stored).toMatchObject({ verificationState: 'verified', verifiedByName: 'editor Test' });

  for (const to of ['approved', 'published']) await workflow.transition({ uid: UID, documentId, locale: 'zh-Hans', to }, SYSTEM);
  await page.goto(`${app.url}/statistics`);
  const line = page.locator('.figure-source', { hasText: '来源：太原日报（第3页），核实于' });
  await line.first().waitFor({ timeout: 30000 });
  await line.first().scrollIntoViewIfNeeded();
  await screenshot(page, 'verification-2-site-how-we-know');
  await page.goto(`${app.url}/statistics?lang=en`);
  await page.locator('.figure-source', { hasText: 'Source: 太原日报, p. 3, verified' }).first().waitFor({ timeout: 30000 });
  await context.close();
});
