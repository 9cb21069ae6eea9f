/**
 * Uploads (docs/security.md): originals are stored without EXIF/GPS, even when Strapi's optimisation
 * would keep the original; oversized images are refused from their header and the server
 * stays up; SVG and HTML are refused whatever they are called; images need alt text before
 * their document is published.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import request from 'supertest';
import { root, startStrapi, type TestStrapi } from '../helpers/strapi';
import { adminApi, createAdminUser, login } from '../helpers/admin';

let app: TestStrapi;
let editor: ReturnType<typeof adminApi>;
let token: string;
const uploaded: number[] = [];

beforeAll(async () => {
  app = await startStrapi();
  await createAdminUser(app.strapi, 'editor@uploads.local', 'strapi-editor');
  token = await login(app.strapi, 'editor@uploads.local');
  editor = adminApi(app.strapi, token);
});
afterAll(async () => {
  for (const id of uploaded) await editor.del(`/upload/files/${id}`);
  await app?.stop();
});

const upload = (name: string, content: Buffer, contentType: string) =>
  request(app.strapi.server.httpServer)
    .post('/upload')
    .set('Authorization', `Bearer ${token}`)
    .attach('files', content, { filename: name, contentType });

const storedOriginal = (file: { url: string }) => fs.readFileSync(path.join(root, 'public', file.url));

/** A JPEG of noise carrying a camera make and GPS coordinates (noise: re-encoding at higher quality grows it). */
const jpegWithGps = (quality: number, size = 64, mozjpeg = false) =>
  sharp({ create: { width: size, height: size, channels: 3, background: '#b3261e', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .jpeg({ quality, mozjpeg })
    .withExif({
      IFD0: { Make: 'ChronicleCam', Copyright: 'test' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 52/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '112/1 33/1 0/1' },
    })
    .toBuffer();

describe('image originals', () => {
  test.each([
    ['a photo that optimisation shrinks', 100, false],
    ['a mozjpeg photo whose optimised copy would be larger (Strapi keeps such originals)', 60, true],
  ])('%s is stored without EXIF or GPS', async (_what, quality, mozjpeg) => {
    const original = await jpegWithGps(quality, 400, mozjpeg);
    // Strapi's optimisation re-encodes at quality 80 and keeps the original when that is larger.
    const reencoded = await sharp(original).jpeg({ quality: 80 }).toBuffer();
    expect(reencoded.length > original.length).toBe(mozjpeg);
    const before = await sharp(original).metadata();
    expect(before.exif).toBeDefined();
    expect(original.toString('latin1')).toContain('ChronicleCam');

    const res = await upload(`photo-${quality}.jpg`, original, 'image/jpeg');
    expect(res.status).toBe(201);
    const [file] = res.body;
    uploaded.push(file.id);
    const stored = storedOriginal(file);
    const after = await sharp(stored).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.format).toBe('jpeg');
    expect(after.width).toBe(400);
    expect(stored.toString('latin1')).not.toContain('ChronicleCam');
    for (const format of Object.values(file.formats ?? {}) as Array<{ url: string }>) {
      expect((await sharp(storedOriginal(format)).metadata()).exif).toBeUndefined();
    }
  });
});

describe('oversized images', () => {
  /** A real PNG whose header claims 14000×14000 pixels: refused before anything is decoded. */
  const hugePng = async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    const ihdr = png.indexOf(Buffer.from('IHDR'));
    png.writeUInt32BE(14000, ihdr + 4);
    png.writeUInt32BE(14000, ihdr + 8);
    png.writeUInt32BE(zlib.crc32(png.subarray(ihdr, ihdr + 17)), ihdr + 17);
    return png;
  };

  test('a 14000×14000 PNG is refused with a 413 and the server stays up', async () => {
    const res = await upload('huge.png', await hugePng(), 'image/png');
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/14000×14000 pixels/);
    const health = await request(app.strapi.server.httpServer).get('/_health');
    expect(health.status).toBe(204);
    const ok = await upload('small.jpg', await jpegWithGps(80), 'image/jpeg');
    expect(ok.status).toBe(201);
    uploaded.push(ok.body[0].id);
  });
});

describe('refused types', () => {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');

  test.each([
    ['an SVG', 'evil.svg', svg, 'image/svg+xml'],
    ['an SVG called .png', 'evil.png', svg, 'image/png'],
    ['an HTML page', 'evil.html', html, 'text/html'],
    ['an HTML page called .jpg', 'photo.jpg', html, 'image/jpeg'],
  ])('%s is refused and nothing is stored', async (_what, name, content, type) => {
    const before = await app.strapi.db.query('plugin::upload.file').count({});
    const res = await upload(name, content, type);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.message).toBeTruthy();
    expect(await app.strapi.db.query('plugin::upload.file').count({})).toBe(before);
  });

  test('a PDF is accepted', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const res = await upload('notice.pdf', pdf, 'application/pdf');
    expect(res.status).toBe(201);
    uploaded.push(res.body[0].id);
  });
});

describe('alt text before publication', () => {
  test('a report whose photo has no alt text cannot be published until it has one', async () => {
    const photo = await upload('cover.jpg', await jpegWithGps(80), 'image/jpeg');
    expect(photo.status).toBe(201);
    const fileId = photo.body[0].id;
    uploaded.push(fileId);

    await createAdminUser(app.strapi, 'reporter@uploads.local', 'chronicle-reporter');
    const reporter = adminApi(app.strapi, await login(app.strapi, 'reporter@uploads.local'));
    const created = await reporter.post('/content-manager/collection-types/plugin::chronicle.field-report?locale=zh-Hans', {
      title: '带图稿件',
      cover: { image: fileId, caption: '网格员入户', alt: '' },
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    const move = (api: ReturnType<typeof adminApi>, to: string) =>
      api.post('/chronicle/workflow/transition', { uid: 'plugin::chronicle.field-report', documentId, locale: 'zh-Hans', to });
    expect((await move(reporter, 'in_review')).status).toBe(200);
    expect((await move(editor, 'approved')).status).toBe(200);

    const refused = await move(editor, 'published');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('alt text is required for every image before publishing: cover');

    const edit = await reporter.put(`/content-manager/collection-types/plugin::chronicle.field-report/${documentId}?locale=zh-Hans`, {
      cover: { image: fileId, caption: '网格员入户', alt: '网格员在楼道里引导医务人员入户采样' },
    });
    expect(edit.status).toBe(200);
    // Editing the approved report sent it back to review.
    expect(await app.strapi.plugin('chronicle').service('workflow').stateOf('plugin::chronicle.field-report', documentId, 'zh-Hans')).toBe('in_review');
    expect((await move(editor, 'approved')).status).toBe(200);
    expect((await move(editor, 'published')).status).toBe(200);
  });
});

describe('reporters act on their own files and folders only, on every upload route (issue 13, item 4)', () => {
  type Api = ReturnType<typeof adminApi>;
  let reporter: Api;
  let reporterToken: string;
  let editorFile: any;
  let editorFolder: any;
  let ownFolder: any;

  const uploadAs = async (bearer: string, name: string) => {
    const res = await request(app.strapi.server.httpServer)
      .post('/upload')
      .set('Authorization', `Bearer ${bearer}`)
      .attach('files', await jpegWithGps(70), { filename: name, contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    uploaded.push(res.body[0].id);
    return res.body[0];
  };

  /** Every file and folder row as stored, and whether each file is still on disk. */
  const snapshot = async () => {
    const files = await app.strapi.db.query('plugin::upload.file').findMany({ orderBy: { id: 'asc' }, populate: { folder: { select: ['id'] } } });
    const folders = await app.strapi.db.query('plugin::upload.folder').findMany({ orderBy: { id: 'asc' }, populate: { parent: { select: ['id'] } } });
    return {
      files: files.map((f: any) => ({ ...f, onDisk: fs.existsSync(path.join(root, 'public', f.url)) })),
      folders,
    };
  };

  beforeAll(async () => {
    await createAdminUser(app.strapi, 'reporter2@uploads.local', 'chronicle-reporter');
    reporterToken = await login(app.strapi, 'reporter2@uploads.local');
    reporter = adminApi(app.strapi, reporterToken);
    editorFile = await uploadAs(token, 'editor-photo.jpg');
    editorFolder = (await editor.post('/upload/folders', { name: '编辑的文件夹', parent: null })).body.data;
    expect(editorFolder.id).toBeGreaterThan(0);
    ownFolder = (await reporter.post('/upload/folders', { name: '记者的文件夹', parent: null })).body.data;
    expect(ownFolder.id).toBeGreaterThan(0);
  });

  const refusals: Array<[string, string, () => object]> = [
    ['POST', '/upload/actions/bulk-delete', () => ({ fileIds: [editorFile.id] })],
    ['POST', '/UPLOAD/Actions/Bulk-Delete/', () => ({ fileIds: [editorFile.id] })],
    ['POST', '/upload/actions/bulk-delete', () => ({ folderIds: [editorFolder.id] })],
    ['POST', '/upload/actions/bulk-move', () => ({ fileIds: [editorFile.id], destinationFolderId: ownFolder.id })],
    ['POST', '/upload/actions/bulk-move', () => ({ folderIds: [editorFolder.id], destinationFolderId: ownFolder.id })],
    ['POST', '/upload/actions/bulk-update', () => ({ updates: [{ id: editorFile.id, fileInfo: { alternativeText: '改掉', caption: 'x', name: 'x.jpg' } }] })],
    ['PUT', '/upload/folders/:folder', () => ({ name: '改名', parent: ownFolder.id })],
    ['PUT', '/upload/files/:file', () => ({ fileInfo: { alternativeText: '改掉' } })],
    ['DELETE', '/upload/files/:file', () => ({})],
    ['POST', '/upload/actions/generate-ai-metadata', () => ({ fileIds: [editorFile.id] })],
  ];

  test.each(refusals)("%s %s aimed at the editor's file or folder is a 403 and changes nothing", async (method, route, body) => {
    const url = route.replace(':folder', String(editorFolder.id)).replace(':file', String(editorFile.id));
    const before = await snapshot();
    const send = method === 'PUT' ? reporter.put(url, body()) : method === 'DELETE' ? reporter.del(url) : reporter.post(url, body());
    const res = await send;
    expect([url, res.status]).toEqual([url, 403]);
    expect(res.body.data).toBeNull();
    if (!/files\/\d+$/.test(url)) {
      // Strapi's own per-file check answers PUT/DELETE /upload/files/:id with a bare 403; ours names the item.
      expect(res.body.error.message).toMatch(/(file|folder) \d+ is not yours: you may change only your own files and folders \/ /);
    }
    expect(await snapshot()).toEqual(before);
    expect((await request(app.strapi.server.httpServer).get(editorFile.url)).status).toBe(200);
  });

  test("a bulk request mixing the reporter's file with the editor's is refused whole: nothing moves or goes", async () => {
    const mine = await uploadAs(reporterToken, 'mine.jpg');
    const before = await snapshot();
    const res = await reporter.post('/upload/actions/bulk-delete', { fileIds: [mine.id, editorFile.id] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `file ${editorFile.id} is not yours: you may change only your own files and folders / 文件 ${editorFile.id} 不是你上传的：只能修改自己的文件和文件夹`
    );
    expect(await snapshot()).toEqual(before);
  });

  test('a folder holding an editor file cannot be deleted or moved by the reporter who made it', async () => {
    const folder = (await reporter.post('/upload/folders', { name: '混合', parent: null })).body.data;
    const file = await uploadAs(token, 'editor-in-reporter-folder.jpg');
    expect((await editor.post('/upload/actions/bulk-move', { fileIds: [file.id], destinationFolderId: folder.id })).status).toBe(200);
    const before = await snapshot();
    for (const body of [{ folderIds: [folder.id] }]) {
      const res = await reporter.post('/upload/actions/bulk-delete', body);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(new RegExp(`file ${file.id} is not yours`));
    }
    const moved = await reporter.post('/upload/actions/bulk-move', { folderIds: [folder.id], destinationFolderId: ownFolder.id });
    expect(moved.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  test('starting AI metadata for every file is for those who may change every file', async () => {
    const res = await reporter.post('/upload/ai-metadata-jobs', {});
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/only those who may change every file/);
  });

  test('on their own files and folders reporters keep every action', async () => {
    const mine = await uploadAs(reporterToken, 'own.jpg');
    const moved = await reporter.post('/upload/actions/bulk-move', { fileIds: [mine.id], destinationFolderId: ownFolder.id });
    expect(moved.status).toBe(200);
    expect(moved.body.data.files.map((f: any) => f.id)).toEqual([mine.id]);
    const renamed = await reporter.put(`/upload/folders/${ownFolder.id}`, { name: '记者的文件夹（改）', parent: null });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.name).toBe('记者的文件夹（改）');
    const updated = await reporter.post('/upload/actions/bulk-update', { updates: [{ id: mine.id, fileInfo: { alternativeText: '自己的图' } }] });
    expect(updated.status).toBe(200);
    const deleted = await reporter.post('/upload/actions/bulk-delete', { fileIds: [mine.id] });
    expect(deleted.status).toBe(200);
    expect(await app.strapi.db.query('plugin::upload.file').findOne({ where: { id: mine.id } })).toBeNull();
    // The editor's right is not limited to their own files.
    const editorMoves = await editor.post('/upload/actions/bulk-move', { fileIds: [editorFile.id], destinationFolderId: editorFolder.id });
    expect(editorMoves.status).toBe(200);
  });
});
