/**
 * `npm run backup` then `npm run restore` into an empty database: counts per type, locale and
 * state, relations and media files survive the round trip.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createTestDatabase, root, startStrapi, type TestDatabase } from '../helpers/strapi';

const TYPES = ['unit', 'contributor', 'chronicle', 'field-report', 'frontline-profile', 'grid-statistic', 'timeline-event', 'workflow-transition'];

let source: TestDatabase;
let target: TestDatabase;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chronicle-backup-'));

/** Rows per type, locale and published state; a few relations; the media library. */
async function snapshot(strapi: any) {
  const counts: Record<string, number> = {};
  for (const type of TYPES) {
    const rows = await strapi.db.query(`plugin::chronicle.${type}`).findMany({ select: ['locale', 'publishedAt'] });
    for (const r of rows) {
      const key = `${type}|${r.locale ?? '-'}|${r.publishedAt ? 'published' : 'draft'}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  const guo = await strapi.documents('plugin::chronicle.frontline-profile').findFirst({
    locale: 'en',
    status: 'published',
    filters: { slug: 'guo-yanju' },
    populate: { unit: true, portrait: true, reports: true, deeds: { populate: ['sourceReport'] } },
  });
  const chronicle = await strapi.documents('plugin::chronicle.chronicle').findFirst({ locale: 'zh-Hans', status: 'published', populate: ['events'] });
  const files = await strapi.db.query('plugin::upload.file').findMany({ select: ['name', 'url', 'alternativeText'] });
  return {
    counts,
    guo: {
      fullName: guo.fullName,
      unit: guo.unit.name,
      portrait: guo.portrait?.alternativeText,
      reports: guo.reports.map((r: any) => r.slug).sort(),
      deedSources: guo.deeds.map((d: any) => d.sourceReport?.slug),
    },
    chronicleEvents: chronicle.events.map((e: any) => e.slug).sort(),
    files: files.map((f: any) => `${f.name}|${f.alternativeText}`).sort(),
    fileUrls: files.map((f: any) => f.url),
  };
}

const runScript = (script: string, args: string[], db: TestDatabase) =>
  spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...db.env, NODE_ENV: 'test', SERVE_ADMIN_PANEL: 'false', CHRONICLE_SKIP_BUILD: '1' },
    timeout: 300_000,
  });

afterAll(async () => {
  await source?.drop();
  await target?.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

test('a backup restores into an empty database with everything in place', async () => {
  source = await createTestDatabase();
  const first = await startStrapi(source);
  await first.strapi.plugin('chronicle').service('demo').load();
  // A portrait in the media library, linked to a published profile.
  const image = path.join(work, 'portrait.jpg');
  fs.writeFileSync(image, await sharp({ create: { width: 40, height: 40, channels: 3, background: '#336' } }).jpeg().toBuffer());
  const [file] = await first.strapi.plugin('upload').service('upload').upload({
    data: { fileInfo: { name: 'guo-yanju.jpg', alternativeText: '郭妍菊肖像' } },
    files: { filepath: image, originalFilename: 'guo-yanju.jpg', mimetype: 'image/jpeg', size: fs.statSync(image).size },
  });
  const guo = await first.strapi.db.query('plugin::chronicle.frontline-profile' as never).findMany({ where: { slug: 'guo-yanju' } });
  for (const row of guo as any[]) {
    await first.strapi.db.connection('files_related_mph').insert({ file_id: file.id, related_id: row.id, related_type: 'plugin::chronicle.frontline-profile', field: 'portrait', order: 1 });
  }
  const before = await snapshot(first.strapi);
  expect(before.guo.portrait).toBe('郭妍菊肖像');
  await first.stop({ keepDatabase: true });

  const backup = runScript('backup.js', ['--out', work], source);
  expect(backup.status).toBe(0);
  const archive = fs.readdirSync(work).find((f) => f.endsWith('.tar.gz'));
  expect(archive).toBeDefined();

  // The file on disk goes away: the restore must bring it back from the archive.
  const stored = path.join(root, 'public', before.fileUrls[0]);
  fs.rmSync(stored);

  target = await createTestDatabase();
  const restore = runScript('restore.js', [path.join(work, archive!)], target);
  expect(restore.status).toBe(0);

  const second = await startStrapi(target);
  try {
    const after = await snapshot(second.strapi);
    expect(after.counts).toEqual(before.counts);
    expect(after.guo).toEqual(before.guo);
    expect(after.chronicleEvents).toEqual(before.chronicleEvents);
    expect(after.files).toEqual(before.files);
    expect(fs.existsSync(stored)).toBe(true);
  } finally {
    for (const url of before.fileUrls) fs.rmSync(path.join(root, 'public', url), { force: true });
    await second.stop({ keepDatabase: true });
  }
  // Four Strapi boots (source, backup, restore, target) and the demo load: minutes on a busy 2-core machine.
}, 300_000);

test('restore refuses a missing file with a usage message and exit code 2', () => {
  const res = spawnSync(process.execPath, [path.join(root, 'scripts', 'restore.js'), path.join(work, 'nope.tar.gz')], { cwd: root, encoding: 'utf8' });
  expect(res.status).toBe(2);
  expect(res.stderr).toMatch(/is not a backup file/);
});
