/**
 * Issue 18 in a real browser, the items tests/e2e/admin-chinese.test.ts (4, 5, 7),
 * extract.test.ts (6) and workflow.test.ts (the loop, a stale save) leave:
 * - item 2, a report is a package: the Workflow panel lists the report's events and figures
 *   with their own states, a link to each and which step each holds up; approving the report
 *   while one of them has changes requested is refused, and the panel names that item;
 * - item 4, one language at a time: that refusal reaches the admin in Chinese only (the admin
 *   sends its language as Accept-Language; no "/"-joined English);
 * - item 3: a second reporter cannot open the first reporter's draft event in the Content
 *   Manager, and the relation picker does not offer it; a published one opens and is offered;
 * - item 5, the list view: the workflow state, translated, instead of Strapi's Draft/Published.
 * One Strapi boot and one browser; screenshots under artifacts/screenshots/.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminLogin, launchBrowser, screenshot } from '../helpers/browser';
import { createAdminUser, PASSWORD } from '../helpers/admin';
import { verifyFigures } from '../helpers/workflow';

const REPORT = 'plugin::chronicle.field-report';
const EVENT = 'plugin::chronicle.timeline-event';
const STATISTIC = 'plugin::chronicle.grid-statistic';
const CM = '/admin/content-manager/collection-types';
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const SYSTEM = { kind: 'system' as const, name: 'system:test', permissions: new Set<string>() };

let app: TestStrapi;
let browser: Browser;
let reporterId: number;
let reporter2Id: number;

beforeAll(async () => {
  app = await startStrapi(undefined, { listen: true });
  reporterId = (await createAdminUser(app.strapi, 'reporter@pkg.local', 'chronicle-reporter')).id;
  reporter2Id = (await createAdminUser(app.strapi, 'reporter2@pkg.local', 'chronicle-reporter')).id;
  await createAdminUser(app.strapi, 'editor@pkg.local', 'strapi-editor');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const open = async (email: string, options: BrowserContextOptions = DESKTOP): Promise<{ page: Page; errors: string[] }> => {
  // The browser asks for English; the newsroom's admin is in Chinese.
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await adminLogin(page, app.url!, email, PASSWORD);
  return { page, errors };
};

const create = async (uid: string, data: Record<string, unknown>, owner = reporterId) =>
  (await app.strapi.documents(uid as never).create({ locale: 'zh-Hans', data: { ...data, createdBy: owner, updatedBy: owner } } as never)) as any;
const linkTo = (reportId: string) => ({ sourceReport: { connect: [{ documentId: reportId, locale: 'zh-Hans' }] } });
const editUrl = (uid: string, documentId: string) => `${app.url}${CM}/${uid}/${documentId}?plugins[i18n][locale]=zh-Hans`;
const service = () => app.strapi.plugin('chronicle').service('workflow');
const stateOf = (uid: string, documentId: string) => service().stateOf(uid, documentId, 'zh-Hans');
const transition = (uid: string, documentId: string, to: string, extra: Record<string, unknown> = {}) =>
  service().transition({ uid, documentId, locale: 'zh-Hans', to, ...extra }, SYSTEM);

test('item 2 and 4: the panel lists the package with its states; approving is refused naming the item, in Chinese only', async () => {
  const report = await create(REPORT, { title: '迎新街区域核酸检测', body: '正文' });
  const event = await create(EVENT, { title: '迎新街启动核酸检测', occurredAt: '2022-02-25T00:00:00.000Z', precision: 'day', ...linkTo(report.documentId) });
  const figure = await create(STATISTIC, {
    label: '核酸检测人次',
    value: 1200000,
    qualifier: 'exact',
    metric: 'nucleic-acid-tests',
    countUnit: '人次',
    ...linkTo(report.documentId),
  });
  // Submitting the report submits its items; the editor then sends the event back.
  await transition(REPORT, report.documentId, 'in_review', { note: '请审阅' });
  expect(await stateOf(EVENT, event.documentId)).toBe('in_review');
  await transition(EVENT, event.documentId, 'changes_requested', { note: '时间不对' });
  // The figure is fact-checked (issue 17), so what stops the approval is the event alone.
  await verifyFigures(app.strapi, 'field-report', report.documentId);

  const { page, errors } = await open('editor@pkg.local');
  await page.goto(editUrl(REPORT, report.documentId));
  const list = page.getByTestId('workflow-package');
  await list.waitFor({ timeout: 60000 });
  const items = list.getByTestId('workflow-package-item');
  expect(await items.count()).toBe(2);
  const eventRow = items.filter({ hasText: '迎新街启动核酸检测' });
  const figureRow = items.filter({ hasText: '核酸检测人次' });
  expect(await eventRow.getByTestId('workflow-package-state').textContent()).toBe('退回修改');
  expect(await figureRow.getByTestId('workflow-package-state').textContent()).toBe('待审');
  // The event holds up approval, and says so; the figure does not.
  expect(await eventRow.getAttribute('data-blocks')).toBe('approved');
  expect(await eventRow.getByTestId('workflow-package-blocks').textContent()).toContain('审定通过');
  expect(await figureRow.getByTestId('workflow-package-blocks').count()).toBe(0);
  expect(await eventRow.getByTestId('workflow-package-open').getAttribute('href')).toBe(
    `/admin/content-manager/collection-types/${EVENT}/${event.documentId}?plugins[i18n][locale]=zh-Hans`
  );
  expect(await list.innerText()).not.toMatch(/changes_requested|in_review|Timeline event/);
  await screenshot(page, 'package-panel-zh');

  // Approving the report is refused: the panel names the event, the toast says why, in Chinese only.
  await page.getByTestId('workflow-to-approved').click();
  await page.getByRole('alertdialog').waitFor();
  const answer = page.waitForResponse((r) => r.url().includes('/chronicle/workflow/transition'));
  await page.getByTestId('workflow-confirm-action').click();
  const refused = await answer;
  expect(refused.status()).toBe(409);
  const body = await refused.json();
  expect(body.error.details.code).toBe('package.blocked');
  expect(body.error.message).toBe('稿件的关联条目尚不能一并审定，请先处理：《迎新街启动核酸检测》（退回修改）');
  const named = page.getByTestId('workflow-package-refused');
  await named.waitFor({ timeout: 30000 });
  expect(await named.getByTestId('workflow-package-refused-item').allTextContents()).toEqual(['《迎新街启动核酸检测》（时间线事件，退回修改）']);
  const toast = page.getByText('稿件的关联条目尚不能一并审定', { exact: false }).first();
  await toast.waitFor({ timeout: 10000 });
  const shown = await page.locator('body').innerText();
  expect(shown).not.toContain('the report cannot be');
  expect(shown).not.toMatch(/[\u4e00-\u9fff] \/ [A-Za-z]|[A-Za-z] \/ [\u4e00-\u9fff]/);
  await screenshot(page, 'package-refused-zh');
  expect(await stateOf(REPORT, report.documentId)).toBe('in_review');
  expect(await stateOf(STATISTIC, figure.documentId)).toBe('in_review');

  // The link opens the item.
  await eventRow.getByTestId('workflow-package-open').click();
  await page.locator('input[name="title"]').waitFor({ timeout: 60000 });
  expect(await page.locator('input[name="title"]').inputValue()).toBe('迎新街启动核酸检测');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('item 3: a second reporter neither opens nor picks a colleague’s draft event; a published one is readable', async () => {
  const draft = await create(EVENT, { title: '未发布的事件甲', occurredAt: '2022-02-26T00:00:00.000Z', precision: 'day' });
  const published = await create(EVENT, { title: '已发布的事件乙', occurredAt: '2022-02-27T00:00:00.000Z', precision: 'day' });
  for (const to of ['in_review', 'approved', 'published']) await transition(EVENT, published.documentId, to);
  const own = await create(REPORT, { title: '第二位记者的稿件', body: '正文' }, reporter2Id);

  const { page } = await open('reporter2@pkg.local');
  // The colleague's draft does not open: its title never reaches the page.
  const read = page.waitForResponse(
    (r) => new URL(r.url()).pathname === `/content-manager/collection-types/${EVENT}/${draft.documentId}` && r.request().method() === 'GET'
  );
  await page.goto(editUrl(EVENT, draft.documentId));
  expect((await read).status()).toBe(403);
  await page.waitForTimeout(1500);
  expect(await page.locator('body').innerText()).not.toContain('未发布的事件甲');
  expect(await page.locator('input[name="title"]').count()).toBe(0);
  await screenshot(page, 'reporter2-draft-refused');

  // The published one opens.
  await page.goto(editUrl(EVENT, published.documentId));
  await page.locator('input[name="title"]').waitFor({ timeout: 60000 });
  expect(await page.locator('input[name="title"]').inputValue()).toBe('已发布的事件乙');

  // The relation picker of their own report offers the published event, not the draft.
  await page.goto(editUrl(REPORT, own.documentId));
  const picker = page.locator('input[name="events"]');
  await picker.waitFor({ timeout: 60000 });
  const search = page.waitForResponse((r) => r.url().includes('/content-manager/relations/') && r.url().includes('events'));
  await picker.click();
  const options = (await (await search).json()) as { results: Array<{ documentId: string }> };
  const offered = options.results.map((r) => r.documentId);
  expect(offered).toContain(published.documentId);
  expect(offered).not.toContain(draft.documentId);
  await page.getByRole('option').filter({ hasText: '已发布的事件乙' }).first().waitFor({ timeout: 30000 });
  expect(await page.getByRole('option').filter({ hasText: '未发布的事件甲' }).count()).toBe(0);
  await screenshot(page, 'reporter2-relation-picker');
  await page.context().close();
});

test('item 5: the list view shows the workflow state, translated, not Strapi’s Draft/Published column', async () => {
  const report = await create(REPORT, { title: '列表里的待审稿件', body: '正文' });
  await transition(REPORT, report.documentId, 'in_review');
  const { page, errors } = await open('editor@pkg.local');
  await page.goto(`${app.url}${CM}/${REPORT}?plugins[i18n][locale]=zh-Hans`);
  const cell = page.getByRole('row').filter({ hasText: '列表里的待审稿件' }).getByTestId('list-workflow-state');
  await cell.waitFor({ timeout: 60000 });
  expect(await cell.textContent()).toBe('待审');
  const headers = (await page.locator('thead th').filter({ visible: true } as any).allInnerTexts()).map((h) => h.trim()).filter(Boolean);
  expect(headers).toContain('流程状态');
  // Strapi's own status column (状态 / Status) is not shown, nor its badges.
  expect(headers).not.toContain('状态');
  expect(headers.join(' ')).not.toMatch(/Status|Workflow state/);
  const visibleCells = await page.getByRole('row').filter({ hasText: '列表里的待审稿件' }).locator('td').filter({ visible: true } as any).allInnerTexts();
  expect(visibleCells.join(' ')).not.toMatch(/草稿|已发布|已修改|Draft|Published|Modified|in_review/);
  await screenshot(page, 'list-view-workflow-state');
  expect(errors).toEqual([]);
  await page.context().close();
});
