/**
 * Is an English translation behind its Chinese original? Every saved revision of a record
 * carries the fingerprint of its translatable text (its localized text fields and
 * components: what a translator translates; not workflow state, corrections, shared fields or
 * links). A revision of the English saved by a translator (the English itself written) also
 * records the Chinese text fingerprint it was translated from. The English is stale when the
 * Chinese text has changed since: its newest text fingerprint differs from the one the
 * English was translated from. A translation with no recorded original (made before
 * revisions were kept, or before the Chinese existed) is not marked stale: there is nothing
 * to compare. Pure module: no Strapi import.
 */
import { DEFAULT_LOCALE } from './enums';
import { fieldsFingerprint, type Snapshot } from './revision-diff';

/** Written by the workflow (notices to readers, not text a translator carries over). */
const NOT_TRANSLATED = new Set(['corrections', 'withdrawalNotice']);
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'blocks']);

interface Attribute {
  type: string;
  pluginOptions?: { i18n?: { localized?: boolean } };
  private?: boolean;
}

/** The fields of a schema a translator translates: localized text and components, in schema order. */
export const translatedFields = (attributes: Record<string, Attribute>): string[] =>
  Object.entries(attributes)
    .filter(([name, a]) => !NOT_TRANSLATED.has(name) && a.pluginOptions?.i18n?.localized === true && (TEXT_TYPES.has(a.type) || a.type === 'component'))
    .map(([name]) => name);

/** The fingerprint of a snapshot's translatable text. */
export const textFingerprint = (snapshot: Snapshot, fields: readonly string[]): string => fieldsFingerprint(snapshot, fields);

/** The newest revision of each locale of one document, as far as staleness goes. */
export interface TranslationRevision {
  locale: string;
  textFingerprint: string | null;
  /** English only: the Chinese text fingerprint it was translated from. */
  sourceFingerprint: string | null;
}

/** Stale: the English names the Chinese text it was translated from, and the Chinese text is no longer that. */
export const isTranslationStale = (original: TranslationRevision | undefined, translation: TranslationRevision | undefined): boolean =>
  Boolean(
    original &&
      translation &&
      translation.locale !== DEFAULT_LOCALE &&
      original.locale === DEFAULT_LOCALE &&
      translation.sourceFingerprint &&
      original.textFingerprint &&
      original.textFingerprint !== translation.sourceFingerprint
  );

/**
 * The original an English revision records: when the English itself was written, the
 * Chinese text as it is now (the translator has seen it); when it changed only as a side
 * effect of a write to another locale (a shared field), what it recorded before.
 */
export const sourceOfTranslation = (writtenLocale: string | undefined, locale: string, currentOriginal: string | null, previous: string | null): string | null => {
  if (locale === DEFAULT_LOCALE) return null;
  return writtenLocale === locale ? currentOriginal : previous;
};
