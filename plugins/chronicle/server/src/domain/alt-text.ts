/**
 * Images need a text alternative before readers see them (screen readers, slow networks).
 * Which images a document shows, and which lack one. Pure module: no Strapi import.
 */
import type { TypeName } from './content-types';

type Media = { mime?: string | null; alternativeText?: string | null } | null | undefined;
type Photo = { image?: Media; alt?: string | null } | null | undefined;

const blank = (s: string | null | undefined) => !s || !s.trim();
const isImage = (m: Media) => Boolean(m && (!m.mime || m.mime.startsWith('image/')));

/** The populate a document needs for missingAltText. */
export const ALT_TEXT_POPULATE: Partial<Record<TypeName, Record<string, unknown>>> = {
  'field-report': { cover: { populate: ['image'] }, photos: { populate: ['image'] } },
  'frontline-profile': { portrait: true },
  'timeline-event': { media: true },
};

/** Paths of the images without alt text; a photo's own alt wins over the file's. */
export function missingAltText(type: TypeName, document: Record<string, any>): string[] {
  const missing: string[] = [];
  const photo = (p: Photo, path: string) => {
    if (p && isImage(p.image) && blank(p.alt) && blank(p.image?.alternativeText)) missing.push(path);
  };
  switch (type) {
    case 'field-report':
      photo(document.cover, 'cover');
      (document.photos ?? []).forEach((p: Photo, i: number) => photo(p, `photos[${i + 1}]`));
      break;
    case 'frontline-profile':
      if (isImage(document.portrait) && blank(document.portrait?.alternativeText)) missing.push('portrait');
      break;
    case 'timeline-event':
      (document.media ?? []).forEach((m: Media, i: number) => {
        if (isImage(m) && blank(m?.alternativeText)) missing.push(`media[${i + 1}]`);
      });
      break;
    default:
      break;
  }
  return missing;
}
