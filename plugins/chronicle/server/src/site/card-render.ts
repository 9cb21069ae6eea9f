/**
 * Rasterises share cards with sharp (librsvg + fontconfig), and measures glyph ink so a test
 * can prove Chinese text is drawn with a CJK font rather than as tofu boxes. No Strapi import.
 */
import sharp from 'sharp';
import { CARD_FONT, cardSvg, type CardInput } from './card';

export const renderCard = async (card: CardInput): Promise<Buffer> =>
  sharp(Buffer.from(cardSvg(card), 'utf8')).png({ compressionLevel: 9 }).toBuffer();

/**
 * Dark pixels of one character drawn large in the card's font. With a CJK font, 鬱 has
 * several times the ink of 一; without one, every CJK character is the same fallback box
 * (or hex box) and the two come out alike.
 */
export const glyphInk = async (ch: string, fontFamily = CARD_FONT): Promise<number> => {
  const escaped = ch.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#fff"/><text x="20" y="160" font-size="150" font-family="${fontFamily.replace(/"/g, '')}" fill="#000">${escaped}</text></svg>`;
  const { data } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (const v of data) if (v < 128) dark += 1;
  return dark;
};

/** True when Chinese renders as real glyphs: 鬱 must carry far more ink than 一. */
export const cjkGlyphsRender = async (): Promise<boolean> => {
  const [one, dense] = await Promise.all([glyphInk('一'), glyphInk('鬱')]);
  return one > 0 && dense > 3 * one;
};
