/**
 * Makes every upload safe before Strapi stores it: images over the pixel limit are refused
 * from their header alone (nothing is decoded), and every image original is re-encoded
 * without its metadata (EXIF, GPS, XMP), keeping orientation and colour profile. Strapi's own
 * optimisation may keep the original when its output is larger, so the original itself must
 * be clean. Wraps the upload service's `upload` and `replace`, the paths every upload takes.
 */
import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { pluginUid } from '../domain/content-types';
import { errors } from '@strapi/utils';
import sharp from 'sharp';

type Image = ReturnType<typeof sharp>;
type Metadata = Awaited<ReturnType<Image['metadata']>>;

interface IncomingFile {
  filepath?: string;
  originalFilename?: string;
  size?: number;
  mimetype?: string;
}

/** Formats sharp can write back losslessly enough that a re-encode is invisible. */
const REENCODE: Record<string, (image: Image) => Image> = {
  jpeg: (image) => image.jpeg({ quality: 92, mozjpeg: true }),
  png: (image) => image.png(),
  webp: (image) => image.webp({ quality: 92 }),
  avif: (image) => image.avif({ quality: 70 }),
  tiff: (image) => image.tiff(),
  gif: (image) => image.gif(),
};

const RASTER = new Set(['jpeg', 'png', 'gif', 'webp', 'avif', 'heif', 'tiff']);

/** What the first bytes say a non-image file is; undefined when it is none we accept. */
const sniff = async (filepath: string): Promise<'pdf' | 'mp4' | 'webm' | undefined> => {
  const handle = await fs.open(filepath, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(16), 0, 16, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
    if (head.subarray(4, 8).toString('latin1') === 'ftyp') return 'mp4';
    if (head.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
    return undefined;
  } finally {
    await handle.close();
  }
};

export const inspectAndClean = async (file: IncomingFile, maxPixels: number) => {
  if (!file.filepath) return;
  const name = file.originalFilename ?? 'the file';
  let metadata: Metadata | undefined;
  try {
    metadata = await sharp(file.filepath, { limitInputPixels: false }).metadata();
  } catch {
    metadata = undefined;
  }
  // Judge by content, not by name or declared type: an SVG or HTML page called photo.jpg is refused.
  if (!metadata || !metadata.format || !RASTER.has(metadata.format)) {
    if (await sniff(file.filepath)) return;
    throw new errors.ValidationError(
      `${name} is not an accepted file: upload JPEG, PNG, GIF, WebP or AVIF images, PDF documents or MP4/WebM video (SVG and HTML are refused)`
    );
  }
  const pixels = (metadata.width ?? 0) * (metadata.pageHeight ?? metadata.height ?? 0) * (metadata.pages ?? 1);
  if (pixels > maxPixels) {
    throw new errors.PayloadTooLargeError(
      `${name} is ${metadata.width}×${metadata.height} pixels; images may have at most ${maxPixels.toLocaleString('en')} pixels`
    );
  }
  const encode = metadata.format ? REENCODE[metadata.format] : undefined;
  if (!encode) return;
  const hasMetadata = Boolean(metadata.exif || metadata.xmp || metadata.iptc);
  if (!hasMetadata) return;
  // rotate() applies the EXIF orientation before the EXIF goes; keepIccProfile keeps colours.
  const clean = await encode(
    sharp(file.filepath, { limitInputPixels: maxPixels, animated: metadata.format === 'gif' || metadata.format === 'webp' })
      .rotate()
      .keepIccProfile()
  ).toBuffer();
  await fs.writeFile(file.filepath, clean);
  file.size = clean.length;
};

const uploadGuard = ({ strapi }: { strapi: Core.Strapi }) => ({
  install() {
    const service = strapi.plugin('upload').service('upload') as Record<string, any>;
    if (service.__chronicleGuarded) return;
    const maxPixels = () => strapi.config.get(pluginUid('maxImagePixels'), 40_000_000) as number;
    const clean = async (files: IncomingFile | IncomingFile[] | undefined) => {
      for (const file of [files ?? []].flat()) await inspectAndClean(file, maxPixels());
    };
    const upload = service.upload.bind(service);
    const replace = service.replace.bind(service);
    service.upload = async (args: { data: unknown; files: IncomingFile | IncomingFile[] }, opts: unknown) => {
      await clean(args?.files);
      return upload(args, opts);
    };
    service.replace = async (id: unknown, args: { data: unknown; file: IncomingFile }, opts: unknown) => {
      await clean(args?.file);
      return replace(id, args, opts);
    };
    service.__chronicleGuarded = true;
  },
});

export type UploadGuardService = ReturnType<typeof uploadGuard>;
export default uploadGuard;
