/**
 * Share cards: real sharp on the real layout. The tofu check is designed to fail when no CJK
 * font is installed — the same measurement run under a fontconfig that only knows DejaVu
 * (a Latin font) reports false.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { cardSvg, clip, fitFontSize, textWidthEm } from '../card';
import { cjkGlyphsRender, glyphInk, renderCard } from '../card-render';

const CARD = { kicker: '光荣榜', title: '郭妍菊', subtitle: '网格员 · 兴安苑社区', badges: ['心理疏导员', '温馨问候员'], siteName: '纪实', footer: '一线工作者的时间线与光荣榜' };

describe('share card layout', () => {
  test('text is escaped by React, and long titles shrink then clip', () => {
    const svg = cardSvg({ ...CARD, title: '<script>x</script>&' });
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt;&amp;');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630"/);
    expect(textWidthEm('网格员')).toBe(3);
    expect(fitFontSize('郭妍菊', 1040, 120)).toBe(120);
    expect(fitFontSize('一'.repeat(30), 1040, 120, 56)).toBe(56);
    expect(clip('一'.repeat(30), 1040, 56).endsWith('…')).toBe(true);
  });

  test('a card is a 1200×630 PNG', async () => {
    const png = await renderCard(CARD);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
  });
});

describe('Chinese text is not tofu', () => {
  test('distinct characters draw distinct glyphs: 鬱 carries far more ink than 一', async () => {
    const [one, dense] = await Promise.all([glyphInk('一'), glyphInk('鬱')]);
    expect(one).toBeGreaterThan(0);
    expect(dense).toBeGreaterThan(3 * one);
    await expect(cjkGlyphsRender()).resolves.toBe(true);
  });

  test('the card’s title differs from the same title drawn as missing glyphs', async () => {
    const real = await sharp(await renderCard(CARD)).greyscale().raw().toBuffer();
    // Private-use characters have no glyph in any font: this is what tofu looks like.
    const tofu = await sharp(await renderCard({ ...CARD, title: '\uE000\uE001\uE002' })).greyscale().raw().toBuffer();
    let differing = 0;
    for (let i = 0; i < real.length; i += 1) if (Math.abs(real[i] - tofu[i]) > 64) differing += 1;
    expect(differing).toBeGreaterThan(2000);
  });

  test('the check itself fails without a CJK font (fontconfig limited to DejaVu)', () => {
    const dejavu = '/usr/share/fonts/truetype/dejavu';
    expect(fs.existsSync(dejavu)).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-latin-'));
    const conf = path.join(dir, 'fonts.conf');
    fs.writeFileSync(conf, `<?xml version="1.0"?><fontconfig><dir>${dejavu}</dir><cachedir>${dir}/cache</cachedir></fontconfig>`);
    // Bundle this very module with esbuild (a Strapi dependency) and run it in a child whose
    // fontconfig knows no CJK font: fontconfig reads its configuration once per process.
    const script = `
      const { buildSync } = require('esbuild');
      const file = ${JSON.stringify(path.join(__dirname, '..', 'card-render.ts'))};
      const out = buildSync({ entryPoints: [file], bundle: true, platform: 'node', format: 'cjs', write: false, jsx: 'automatic', external: ['sharp', 'react', 'react-dom'] });
      const m = new module.constructor(file);
      m.paths = module.paths;
      m._compile(out.outputFiles[0].text, file);
      m.exports.cjkGlyphsRender().then((ok) => process.stdout.write(JSON.stringify(ok)));
    `;
    const child = spawnSync(process.execPath, ['-e', script], {
      cwd: path.resolve(__dirname, '../../../../../..'),
      env: { ...process.env, FONTCONFIG_FILE: conf },
      encoding: 'utf8',
    });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('false');
  });
});
