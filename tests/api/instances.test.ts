/**
 * Several Strapi instances on one PostgreSQL database (issue 8): two separate Node processes
 * (tests/helpers/instance.js), as behind a load balancer. A publish on A is visible on B's
 * cached timeline within a second; scheduled publishing run by both at the same moment
 * publishes each document exactly once; two approvals of one document at the same moment,
 * one per instance, give one success and one 409, and so do two content saves of one copy.
 *
 * On SQLite several instances are not a supported deployment (one file, one writer, and
 * Strapi's schema sync at boot is not safe for two processes on it): there this file checks
 * that the deploy guide says so, and the PostgreSQL pass runs the real test.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, isPostgres, root, type TestDatabase } from '../helpers/strapi';

const EVENT = 'plugin::chronicle.timeline-event';
const SECRETS = {
  APP_KEYS: 'testKeyOne,testKeyTwo',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key',
};
const SIGN_IN_MAX_FAILURES = 4;
const SITE_RATE_LIMIT = 6;
/** The revision row is re-read this often; a publish elsewhere shows within it plus one request. */
const CHECK_MS = 500;

interface Instance {
  port: number;
  child: ChildProcess;
  call<T = any>(command: string, args?: Record<string, unknown>): Promise<T>;
}

async function spawnInstance(database: TestDatabase, name: string): Promise<Instance> {
  const child = fork(path.join(root, 'tests', 'helpers', 'instance.js'), [], {
    cwd: root,
    env: {
      ...process.env,
      ...SECRETS,
      ...database.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      SERVE_ADMIN_PANEL: 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      CRON_ENABLED: 'false',
      CHRONICLE_REVISION_CHECK_MS: String(CHECK_MS),
      // Small limits for the shared-counter test; the public API keeps its default (the polling above uses it).
      SIGN_IN_MAX_FAILURES: String(SIGN_IN_MAX_FAILURES),
      SITE_RATE_LIMIT: String(SITE_RATE_LIMIT),
      RATE_LIMIT_STORE: 'auto',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  let next = 0;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance ${name} did not start in 120 s`)), 120000);
    child.on('message', (message: any) => {
      if (message.ready) {
        clearTimeout(timer);
        resolve(message.port);
        return;
      }
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(Object.assign(new Error(`${name}: ${message.message}`), { status: message.status }));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance ${name} exited with ${code}`));
    });
  });
  return {
    port,
    child,
    call(command, args) {
      const id = (next += 1);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, command, args });
      });
    },
  };
}

const timeline = async (instance: Instance): Promise<string[]> => {
  const res = await fetch(`http://127.0.0.1:${instance.port}/api/chronicle/timeline?limit=100`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: Array<{ slug: string }> };
  return body.data.map((e) => e.slug);
};

const draft = (instance: Instance, slug: string, day: number) =>
  instance.call<string>('create', {
    uid: EVENT,
    data: { title: `多实例测试 ${slug}`, occurredAt: new Date(Date.UTC(2022, 2, day, 2)).toISOString(), precision: 'day', slug },
  });

if (isPostgres()) {
  let database: TestDatabase;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    database = await createTestDatabase();
    // One after the other: the first boot creates the schema, the second finds it in place.
    a = await spawnInstance(database, 'A');
    b = await spawnInstance(database, 'B');
  }, 300000);

  afterAll(async () => {
    for (const instance of [a, b]) {
      if (!instance) continue;
      await instance.call('stop').catch(() => undefined);
      await new Promise((resolve) => (instance.child.exitCode !== null ? resolve(null) : instance.child.once('exit', resolve)));
    }
    await database?.drop();
  }, 120000);

  describe('two instances on one PostgreSQL database', () => {
    test('a publish on A is visible on B (its cache invalidated) within a second', async () => {
      const id = await draft(a, 'multi-instance-visible', 1);
      expect(await timeline(b)).not.toContain('multi-instance-visible'); // B has now cached the page without it
      expect(await timeline(b)).not.toContain('multi-instance-visible');
      await a.call('walk', { uid: EVENT, documentId: id, states: ['in_review', 'approved', 'published'] });
      const published = Date.now();
      let seenAfter = -1;
      while (Date.now() - published < 3000) {
        if ((await timeline(b)).includes('multi-instance-visible')) {
          seenAfter = Date.now() - published;
          break;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      console.log(`instances: a publish on A was visible on B after ${seenAfter} ms`);
      expect(seenAfter).toBeGreaterThanOrEqual(0);
      expect(seenAfter).toBeLessThan(1000);
    });

    test('scheduled publishing run by both at the same moment publishes each document once', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const id = await draft(i % 2 ? a : b, `multi-instance-scheduled-${i}`, 10 + i);
        await a.call('walk', { uid: EVENT, documentId: id, states: ['in_review', 'approved'] });
        await b.call('schedule', { uid: EVENT, documentId: id, publishAt: new Date(Date.now() + 3600_000).toISOString() });
        ids.push(id);
      }
      await a.call('backdate', { uid: EVENT, documentIds: ids });
      const [fromA, fromB] = await Promise.all([a.call<any[]>('publishDue'), b.call<any[]>('publishDue')]);
      const published = [...fromA, ...fromB].map((p) => p.documentId).sort();
      console.log(`instances: publishDue published ${fromA.length} on A and ${fromB.length} on B`);
      expect(published).toEqual([...ids].sort());
      const audit = await a.call<any[]>('audit', { uid: EVENT, documentIds: ids });
      for (const id of ids) {
        const rows = audit.filter((r) => r.subjectDocumentId === id && r.from === 'scheduled' && r.to === 'published');
        expect(rows).toHaveLength(1);
        expect(rows[0].actorName).toBe('system:scheduler');
      }
      const slugs = await timeline(a);
      for (let i = 0; i < 6; i++) expect(slugs).toContain(`multi-instance-scheduled-${i}`);
    });

    test('two approvals at once, one on each instance: one succeeds, the other is a 409', async () => {
      for (let round = 0; round < 3; round++) {
        const id = await draft(a, `multi-instance-conflict-${round}`, 20 + round);
        await a.call('walk', { uid: EVENT, documentId: id, states: ['in_review'] });
        const input = { uid: EVENT, documentId: id, locale: 'zh-Hans', to: 'approved' };
        const statuses = await Promise.all([a.call<number>('transition', { input }), b.call<number>('transition', { input })]);
        expect(statuses.sort()).toEqual([200, 409]);
        const audit = await b.call<any[]>('audit', { uid: EVENT, documentIds: [id] });
        expect(audit.filter((r) => r.to === 'approved')).toHaveLength(1);
      }
    });

    test('rate limits are counted once for all instances (PostgreSQL store): two instances do not mean twice the limit', async () => {
      const url = (instance: Instance, path: string) => `http://127.0.0.1:${instance.port}${path}`;
      // Failed sign-ins, alternating A and B: the fifth is refused on both.
      for (let i = 0; i < SIGN_IN_MAX_FAILURES; i += 1) {
        const res = await fetch(url(i % 2 ? b : a, '/admin/login'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: `nobody${i}@instances.local`, password: 'wrong-Password-1' }),
        });
        expect([i, res.status]).toEqual([i, 400]);
      }
      for (const instance of [a, b]) {
        const res = await fetch(url(instance, '/Admin/Login/'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'nobody@instances.local', password: 'wrong-Password-1' }),
        });
        expect(res.status).toBe(429);
        expect(((await res.json()) as any).error.message).toMatch(/too many failed sign-in attempts/);
      }
      // Site pages rendered, alternating A and B: SITE_RATE_LIMIT in all, then 429 on both.
      const pages = ['/', '/timeline', '/honours', '/statistics', '/?lang=en', '/timeline?lang=en', '/honours?lang=en', '/statistics?lang=en'];
      const statuses: number[] = [];
      for (const [i, page] of pages.entries()) statuses.push((await fetch(url(i % 2 ? b : a, page))).status);
      expect(statuses).toEqual([...Array(SITE_RATE_LIMIT).fill(200), ...Array(pages.length - SITE_RATE_LIMIT).fill(429)]);
      // The public API's counter is one: what A leaves, B counts down from.
      const remaining = async (instance: Instance) => Number((await fetch(url(instance, '/api/chronicle/status'))).headers.get('ratelimit-remaining'));
      const afterA = await remaining(a);
      expect(await remaining(b)).toBe(afterA - 1);
      expect(await remaining(a)).toBe(afterA - 2);
    });

    test('two saves of the same copy, one on each instance: one is kept, the other is a 409; a stale save later is a 409 too', async () => {
      for (let round = 0; round < 3; round++) {
        const id = await draft(a, `multi-instance-save-${round}`, 24 + round);
        const loaded = await b.call<any>('draft', { uid: EVENT, documentId: id });
        const [onA, onB] = await Promise.all([
          a.call<any>('save', { uid: EVENT, documentId: id, data: { title: `A 保存 ${round}`, revision: loaded.revision } }),
          b.call<any>('save', { uid: EVENT, documentId: id, data: { title: `B 保存 ${round}`, revision: loaded.revision } }),
        ]);
        expect([onA.status, onB.status].sort()).toEqual([200, 409]);
        const kept = onA.status === 200 ? onA : onB;
        const stored = await a.call<any>('draft', { uid: EVENT, documentId: id });
        expect(stored).toMatchObject({ title: kept.title, revision: loaded.revision + 1 });

        const late = await b.call<any>('save', { uid: EVENT, documentId: id, data: { title: '迟到的保存', revision: loaded.revision } });
        expect(late).toMatchObject({ status: 409, message: expect.stringMatching(/Someone else saved this document/) });
        expect((await b.call<any>('draft', { uid: EVENT, documentId: id })).title).toBe(kept.title);
      }
    });
  });
} else {
  describe('several instances on SQLite', () => {
    test('are not a supported deployment, and the deploy guide says so and points to PostgreSQL', () => {
      const guide = fs.readFileSync(path.join(root, 'docs', 'deploy.md'), 'utf8');
      const section = guide.slice(guide.indexOf('## Several instances'));
      expect(section).toMatch(/^## Several instances/);
      expect(section).toMatch(/SQLite[^.]*one instance/i);
      expect(section).toMatch(/PostgreSQL/);
      expect(section).toMatch(/CHRONICLE_REVISION_CHECK_MS/);
    });
  });
}
