/**
 * Uploads (DESIGN §7): originals are stored without EXIF/GPS, even when Strapi's optimisation
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
