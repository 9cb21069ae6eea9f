/**
 * Telling people (issue 17): notices in the admin after each workflow step, e-mail through a
 * real SMTP server started here (read back with mailparser), CE webhooks delivered to a local
 * receiver (body and HMAC signature, one retry), and the editorial calendar by Beijing day.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';

const CM = '/content-manager/collection-types';
const REPORT = 'plugin::chronicle.field-report';
const NOTIFICATION = 'plugin::chronicle.notification';
const SECRET = 'a-webhook-secret-for-tests';

let app: TestStrapi;
type Api = ReturnType<typeof adminApi>;
let reporter: Api;
let reporter2: Api;
let editor: Api;
let editor2: Api;

let smtp: SMTPServer;
const mails: ParsedMail[] = [];
let receiver: http.Server;
const hooks: Array<{ path: string; headers: http.IncomingHttpHeaders; raw: string }> = [];
let failNextHook = false;
let hookPort = 0;
let warnings: jest.SpyInstance;

const listen = (server: { listen: (port: number, host: string, cb: () => void) => unknown; address?: () => unknown }, s: any) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // One mailbox that does not exist: its notice fails to send, and nothing else does.
    onRcptTo(address, _session, callback) {
      if (address.address === 'bounce@notify.local') callback(new Error('550 no such mailbox'));
      else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  const smtpPort = await listen(smtp as any, (smtp as any).server);
  receiver = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      hooks.push({ path: req.url ?? '', headers: req.headers, raw });
      if (failNextHook) {
        failNextHook = false;
        res.writeHead(503).end('busy');
      } else res.writeHead(204).end();
    });
  });
  hookPort = await listen(receiver as any, receiver);
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_SECURE: 'false',
    EMAIL_FROM: 'newsroom@chronicle.test',
    CHRONICLE_WEBHOOKS: JSON.stringify([
      { url: `http://127.0.0.1:${hookPort}/hook`, events: ['workflow.submitted', 'workflow.published'], secret: SECRET, headers: { 'X-Desk': 'city' } },
    ]),
  });
  app = await startStrapi();
  const users: Array<[string, string]> = [
    ['reporter@notify.local', 'chronicle-reporter'],
    ['reporter2@notify.local', 'chronicle-reporter'],
    ['editor@notify.local', 'strapi-editor'],
    ['editor2@notify.local', 'strapi-editor'],
    ['bounce@notify.local', 'strapi-editor'],
  ];
  for (const [email, role] of users) await createAdminUser(app.strapi, email, role);
  // editor2 reads the admin in English; everyone else keeps the default (Chinese).
  await app.strapi.db.query('admin::user').update({ where: { email: 'editor2@notify.local' }, data: { preferedLanguage: 'en' } });
  warnings = jest.spyOn(app.strapi.log, 'warn');
  reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@notify.local'));
  reporter2 = adminApi(app.strapi, await login(app.strapi, 'reporter2@notify.local'));
  editor = adminApi(app.strapi, await login(app.strapi, 'editor@notify.local'));
  editor2 = adminApi(app.strapi, await login(app.strapi, 'editor2@notify.local'));
});

afterAll(async () => {
  await app?.stop();
  for (const key of ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'EMAIL_FROM', 'CHRONICLE_WEBHOOKS']) delete process.env[key];
  await new Promise((resolve) => smtp?.close(() => resolve(undefined)));
  await new Promise((resolve) => receiver?.close(() => resolve(undefined)));
});

const eventually = async <T>(probe: () => T | undefined, what: string, ms = 8000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const mailTo = (address: string, subject: RegExp) =>
  eventually(() => mails.find((m) => (m.to as any)?.text?.includes(address) && subject.test(m.subject ?? '')), `mail to ${address} ${subject}`);

const move = (api: Api, documentId: string, to: string, extra: object = {}) =>
  api.post('/chronicle/workflow/transition', { uid: REPORT, documentId, locale: 'zh-Hans', to, ...extra });

const notices = async (api: Api, query = '') => {
  const res = await api.get(`/chronicle/notifications${query}`);
  expect(res.status).toBe(200);
  return res.body as { items: any[]; unread: number; nextCursor: string | null };
};

/** Tomorrow at 09:30 in Beijing, as an instant, and its Beijing day. */
const tomorrowInBeijing = () => {
  const day = new Date(Date.now() + 8 * 3600_000 + 86400_000).toISOString().slice(0, 10);
  return { day, at: new Date(`${day}T09:30:00+08:00`).toISOString() };
};

describe('a report through the loop tells the right people', () => {
  let id: string;
  const title = '社区网格员夜间入户';
  const when = tomorrowInBeijing();

  test('submitting tells every editor, not the reporter, and fires the signed webhook (after one retry)', async () => {
    const created = await reporter.post(`${CM}/${REPORT}?locale=zh-Hans`, { title, body: '正文' });
    expect(created.status).toBe(201);
    id = created.body.data.documentId;
    failNextHook = true;
    expect((await move(reporter, id, 'in_review', { note: '请审阅' })).status).toBe(200);

    for (const api of [editor, editor2]) {
      const list = await notices(api);
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toEqual({
        id: expect.any(Number),
        kind: 'submitted',
        uid: REPORT,
        documentId: id,
        locale: 'zh-Hans',
        title,
        actor: 'reporter Test',
        note: '请审阅',
        scheduledFor: null,
        createdAt: expect.any(String),
        readAt: null,
      });
      expect(list.unread).toBe(1);
    }
    expect((await notices(reporter)).items).toEqual([]);

    // The receiver said 503 once: the same signed body came again.
    const [first, second] = await eventually(() => (hooks.length >= 2 ? hooks : undefined), 'two webhook attempts');
    expect(second.raw).toBe(first.raw);
    const body = JSON.parse(second.raw);
    expect(body).toEqual({
      event: 'workflow.submitted',
      createdAt: expect.any(String),
      document: { uid: REPORT, documentId: id, locale: 'zh-Hans', title, state: 'in_review', previousState: 'draft' },
      actor: { id: expect.any(Number), name: 'reporter Test' },
    });
    const expected = `sha256=${crypto.createHmac('sha256', SECRET).update(second.raw).digest('hex')}`;
    expect(second.headers['x-chronicle-signature']).toBe(expected);
    expect(second.headers['x-chronicle-event']).toBe('workflow.submitted');
    expect(second.headers['x-desk']).toBe('city');
    expect(second.headers['content-type']).toBe('application/json');
  });

  test('the e-mails arrive, each in the recipient’s admin language, with a link to the document', async () => {
    const zh = await mailTo('editor@notify.local', /提交了/);
    expect(zh.subject).toBe(`[编辑部] reporter Test 提交了《${title}》，等待审核`);
    expect(zh.text).toContain('附言：请审阅');
    expect(zh.text).toContain(`/admin/content-manager/collection-types/${REPORT}/${id}?plugins[i18n][locale]=zh-Hans`);
    expect((zh.from as any).text).toContain('newsroom@chronicle.test');
    const en = await mailTo('editor2@notify.local', /submitted/);
    expect(en.subject).toBe(`[Newsroom] reporter Test submitted “${title}” for review`);
    expect(en.text).toContain('Note: 请审阅');
    // The HTML part is the same text, in the recipient's language.
    expect(en.html).toContain('<div lang="en"');
    expect(en.html).toContain(title);
    expect(mails.some((m) => (m.to as any)?.text?.includes('reporter@notify.local'))).toBe(false);
    // The refused mailbox: logged, and the submission stood (the test above saw its 200).
    await eventually(
      () => warnings.mock.calls.find(([message]) => /notice e-mail to admin user \d+ \(submitted\) not sent/.test(String(message))),
      'the logged refusal'
    );
    expect(mails.some((m) => (m.to as any)?.text?.includes('bounce@notify.local'))).toBe(false);
  });

  test('changes requested: the reporter is told, with the note, in the admin and by e-mail', async () => {
    const res = await move(editor, id, 'changes_requested', { note: '请核实入户户数，并补充时间' });
    expect(res.status).toBe(200);
    const list = await notices(reporter);
    expect(list.items[0]).toMatchObject({ kind: 'changes_requested', note: '请核实入户户数，并补充时间', actor: 'editor Test', documentId: id });
    expect(list.unread).toBe(1);
    const mail = await mailTo('reporter@notify.local', /需要修改/);
    expect(mail.subject).toBe(`[编辑部] 《${title}》需要修改`);
    expect(mail.text).toContain('附言：请核实入户户数，并补充时间');
    // The other editor was not told of a step that was not a submission.
    expect((await notices(editor2)).items.map((n) => n.kind)).toEqual(['submitted']);
  });

  test('approved and scheduled: the reporter is told, the scheduled time carried', async () => {
    expect((await move(reporter, id, 'in_review')).status).toBe(200);
    expect((await move(editor, id, 'approved', { note: '可以' })).status).toBe(200);
    expect((await move(editor, id, 'scheduled', { publishAt: when.at })).status).toBe(200);
    const list = await notices(reporter);
    expect(list.items.map((n) => n.kind)).toEqual(['scheduled', 'approved', 'changes_requested']);
    expect(list.items[0].scheduledFor).toBe(when.at);
    expect(list.items[1].note).toBe('可以');
    const mail = await mailTo('reporter@notify.local', /已安排发布/);
    expect(mail.text).toMatch(/发布时间（北京时间）：\d{4}年\d{1,2}月\d{1,2}日 09:30/);
  });

  test('the calendar shows the scheduled report on its Beijing day, at its Beijing time', async () => {
    const res = await editor.get(`/chronicle/calendar?from=${when.day}&to=${when.day}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: when.day, to: when.day, timeZone: 'Asia/Shanghai' });
    expect(res.body.days).toEqual([
      { day: when.day, items: [{ kind: 'scheduled', uid: REPORT, type: 'field-report', documentId: id, locale: 'zh-Hans', title, state: 'scheduled', at: when.at, time: '09:30' }] },
    ]);
    // The author sees it; another reporter does not (it is not published).
    expect((await reporter.get(`/chronicle/calendar?from=${when.day}&to=${when.day}`)).body.days).toHaveLength(1);
    expect((await reporter2.get(`/chronicle/calendar?from=${when.day}&to=${when.day}`)).body.days).toEqual([]);
    // Approvals are on the day they happened.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const approvals = await editor.get(`/chronicle/calendar?from=${today}&to=${today}`);
    expect(approvals.status).toBe(200);
    expect(approvals.body.days[0].items.map((i: any) => [i.kind, i.documentId])).toContainEqual(['approved', id]);
  });

  test('publication by the scheduler tells the reporter and fires the published webhook', async () => {
    await app.strapi.db.query(REPORT as never).updateMany({ where: { documentId: id }, data: { scheduledFor: new Date(Date.now() - 1000).toISOString() } });
    const published = await app.strapi.plugin('chronicle').service('workflow').publishDue();
    expect(published).toContainEqual({ uid: REPORT, documentId: id, locale: 'zh-Hans' });
    const list = await notices(reporter);
    expect(list.items[0]).toMatchObject({ kind: 'published', actor: 'system:scheduler' });
    const hook = await eventually(() => hooks.find((h) => JSON.parse(h.raw).event === 'workflow.published'), 'published webhook');
    expect(JSON.parse(hook.raw)).toMatchObject({ document: { documentId: id, state: 'published', previousState: 'scheduled' }, actor: { id: null, name: 'system:scheduler' } });
    // Published: now other reporters see it on the calendar of today.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const other = await reporter2.get(`/chronicle/calendar?from=${today}&to=${today}`);
    expect(other.body.days[0].items.map((i: any) => [i.kind, i.documentId])).toContainEqual(['published', id]);
    // Not subscribed: no approved/scheduled/changes webhooks were sent.
    expect(new Set(hooks.map((h) => JSON.parse(h.raw).event))).toEqual(new Set(['workflow.submitted', 'workflow.published']));
  });
});

describe('one’s own notices only, read and unread', () => {
  test('paging with a cursor, newest first', async () => {
    const first = await notices(reporter, '?limit=2');
    expect(first.items.map((n) => n.kind)).toEqual(['published', 'scheduled']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await notices(reporter, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.kind)).toEqual(['approved', 'changes_requested']);
    expect(second.nextCursor).toBeNull();
    expect(first.unread).toBe(4);
  });

  test('marking read: some, another’s (ignored), then all', async () => {
    const mine = await notices(reporter);
    const theirs = await notices(editor);
    const one = await reporter.post('/chronicle/notifications/read', { ids: [mine.items[0].id] });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ updated: 1, unread: 3 });
    const foreign = await reporter.post('/chronicle/notifications/read', { ids: [theirs.items[0].id] });
    expect(foreign.body).toEqual({ updated: 0, unread: 3 });
    // The editor's two (the submission and the resubmission) are untouched.
    expect((await notices(editor)).items.map((n) => [n.kind, n.readAt])).toEqual([['submitted', null], ['submitted', null]]);
    const unreadOnly = await notices(reporter, '?unread=true');
    expect(unreadOnly.items).toHaveLength(3);
    expect((await notices(reporter)).items[0].readAt).toEqual(expect.any(String));
    const all = await reporter.post('/chronicle/notifications/read', { all: true });
    expect(all.body).toEqual({ updated: 3, unread: 0 });
  });

  test('bad requests are 400s with a message; nobody signed in is refused', async () => {
    for (const query of ['?limit=0', '?limit=101', '?limit=x', '?unread=yes', '?cursor=%25%25', '?cursor=WzEsInRpbWVsaW5lIiwiZGVzYyIsIjEiLCJuIl0', '?sort=id']) {
      const res = await reporter.get(`/chronicle/notifications${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    for (const body of [{}, { ids: [] }, { ids: ['1'] }, { all: false }, { ids: [1], all: true }]) {
      const res = await reporter.post('/chronicle/notifications/read', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/ids|all/);
    }
    const request = require('supertest');
    expect((await request(app.strapi.server.httpServer).get('/chronicle/notifications')).status).toBe(401);
    expect((await request(app.strapi.server.httpServer).get('/chronicle/calendar?from=2022-03-01&to=2022-03-02')).status).toBe(401);
  });

  test('no Document Service write reaches the notices, whatever route', async () => {
    const superAdmin = await createAdminUser(app.strapi, 'admin@notify.local', 'strapi-super-admin');
    expect(superAdmin).toBeTruthy();
    const admin = adminApi(app.strapi, await login(app.strapi, 'admin@notify.local'));
    const created = await admin.post(`${CM}/${NOTIFICATION}`, { recipientId: 1, kind: 'approved', contentUid: REPORT, subjectDocumentId: 'x', subjectLocale: 'zh-Hans' });
    expect([403, 404]).toContain(created.status);
    await expect(
      app.strapi.documents(NOTIFICATION as never).create({ data: { recipientId: 1, kind: 'approved', contentUid: REPORT, subjectDocumentId: 'x', subjectLocale: 'zh-Hans' } } as never)
    ).rejects.toThrow(/written only by the workflow/);
    const count = await app.strapi.db.query(NOTIFICATION as never).count({ where: { subjectDocumentId: 'x' } });
    expect(count).toBe(0);
  });
});

describe('Strapi’s own webhook runner', () => {
  test('a webhook made through the admin API hears chronicle.workflow.transition (CE’s screen cannot pick it)', async () => {
    const admin = adminApi(app.strapi, await login(app.strapi, 'admin@notify.local'));
    const made = await admin.post('/admin/webhooks', {
      name: 'newsroom chat',
      url: `http://127.0.0.1:${hookPort}/strapi`,
      headers: {},
      events: ['chronicle.workflow.transition'],
    });
    expect(made.status).toBe(201);
    const created = await reporter.post(`${CM}/${REPORT}?locale=zh-Hans`, { title: '志愿者送菜上门', body: '正文' });
    expect((await move(reporter, created.body.data.documentId, 'in_review')).status).toBe(200);
    const hook = await eventually(() => hooks.find((h) => h.path === '/strapi'), 'the Strapi runner webhook');
    expect(hook.headers['x-strapi-event']).toBe('chronicle.workflow.transition');
    expect(JSON.parse(hook.raw)).toMatchObject({
      event: 'chronicle.workflow.transition',
      documentId: created.body.data.documentId,
      from: 'draft',
      to: 'in_review',
      actor: 'reporter Test',
    });
  });
});

describe('the calendar', () => {
  test.each([
    ['', /from/],
    ['?from=2022-03-01', /to/],
    ['?from=2022-3-1&to=2022-03-02', /from/],
    ['?from=2022-02-30&to=2022-03-02', /from must be a calendar day/],
    ['?from=2022-03-02&to=2022-03-01', /not be before/],
    ['?from=2022-01-01&to=2022-06-01', /at most 62 days/],
    ['?from=2022-03-01&to=2022-03-02&state=x', /unknown query parameter: state/],
  ])('%s is a 400', async (query, message) => {
    const res = await editor.get(`/chronicle/calendar${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  test.each([
    ['?from=2022-02-30&to=2022-03-02', 'request.calendar-day', '开始日期（from）须为实际存在的日期，格式为 YYYY-MM-DD'],
    ['?from=2022-03-02&to=2022-03-01', 'request.calendar-reversed', '结束日期（to）不能早于开始日期（from）'],
    ['?from=2022-01-01&to=2022-06-01', 'request.calendar-span', '日期范围最多 62 天'],
    ['?from=2022-03-01&to=2022-03-02&state=x', 'request.invalid', '未知的查询参数：state'],
  ])('%s is refused in the admin\'s Chinese, by code', async (query, code, message) => {
    const res = await editor.get(`/chronicle/calendar${query}`).set('Accept-Language', 'zh-Hans');
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe(code);
    expect(res.body.error.message).toBe(message);
  });

  test('a bad cursor and a bad mark-read body are refused in Chinese too', async () => {
    const cursor = await editor.get('/chronicle/notifications?cursor=eyJub3QiOiJhIGN1cnNvciJ9').set('Accept-Language', 'zh-Hans');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error).toMatchObject({ details: { code: 'request.cursor' }, message: '游标（cursor）无效：须为本接口返回的游标' });
    const english = await editor.get('/chronicle/notifications?cursor=eyJub3QiOiJhIGN1cnNvciJ9');
    expect(english.body.error.message).toBe('cursor: not a cursor returned by this API');
    const body = await editor.post('/chronicle/notifications/read', { some: 1 }).set('Accept-Language', 'zh-CN,zh;q=0.9');
    expect(body.status).toBe(400);
    expect(body.body.error.details.code).toBe('request.mark-read');
    expect(body.body.error.message).toMatch(/^请发送 \{"ids": \[通知编号\]\} 或 \{"all": true\}：/);
    expect(body.body.error.message).not.toMatch(/[a-z]{5,} [a-z]{3,}/);
  });
});
