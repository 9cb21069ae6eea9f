/**
 * Building blocks of the public answers: the pieces several answers share (a unit or a
 * person named inside another record, a photo, a byline, the envelopes and their meta) and
 * the error body. Every object is strict: a serializer that adds a field the contract does
 * not name fails the contract test. Pure module (zod and the vocabularies only), so the
 * admin can import its types.
 *
 * The schemas registered in `components` are the OpenAPI document's component schemas,
 * under the same names (../domain/openapi.ts); everything else is inlined where it is used.
 */
import { z } from 'zod';
import { LOCALES } from '../domain/enums';

/** The OpenAPI components: a schema registered here is emitted as #/components/schemas/<id>. */
export const components = z.registry<{ id: string }>();

export const locale = z.enum(LOCALES);
/** A value that may be null (never absent: the serializers always write every field). */
export const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
/** An instant as the API writes it (Date#toISOString, UTC). */
export const instant = z.iso.datetime();
/** A calendar day, YYYY-MM-DD. */
export const calendarDay = z.iso.date();

/** Which language the record is served in, and whether that is the zh-Hans fallback. */
export const localeFields = { locale, fallback: z.boolean() };

/**
 * An English record whose Chinese original changed after it was translated (docs/api.md,
 * "Stale translations"): shown on the English page as a notice. Always false in Chinese.
 */
export const translationFields = {
  translationStale: z.boolean().describe('True on an English record whose Chinese original changed after it was translated; always false in Chinese.'),
};

/** Meta of an answer that is not a list page. */
export const localeMeta = z.strictObject({ locale });
/** Meta of a page of a list: pass nextCursor back as `cursor` for the next page (null: the last page). */
export const pageMeta = z.strictObject({ locale, limit: z.int(), nextCursor: z.string().nullable() });

/** A figure in both languages: {"zh-Hans": "10万余次", "en": "more than 100,000 times"}. */
export const display = z.strictObject({ 'zh-Hans': z.string(), en: z.string() });
/** A record named inside another one (a chronicle, a source report). */
export const slugTitle = z.strictObject({ slug: z.string(), title: z.string() });
/** An event named inside a report or a profile. */
export const datedRef = z.strictObject({ slug: z.string(), title: z.string(), occurredAt: z.string().nullable(), displayDate: z.string() });

export const unitRef = z.strictObject({ slug: z.string(), name: z.string() }).register(components, { id: 'UnitRef' });

/** A person named inside another record, consent applied (../domain/public-person.ts). */
export const personRef = z
  .strictObject({ slug: z.string(), name: z.string(), roleTitle: z.string().nullable(), kind: z.string().nullable(), anonymised: z.boolean() })
  .register(components, { id: 'PersonRef' });

export const photo = z
  .strictObject({
    url: z.string(),
    width: z.int().nullable(),
    height: z.int().nullable(),
    caption: z.string().nullable(),
    credit: z.string().nullable(),
    alt: z.string().nullable(),
  })
  .register(components, { id: 'Photo' });

export const byline = z
  .strictObject({ name: z.string(), slug: z.string().nullable(), role: z.string(), roleLabel: z.string() })
  .register(components, { id: 'Byline' });

/** Every refusal: `{data: null, error: {status, name, message, details}}`. */
export const apiError = z
  .strictObject({
    data: z.null(),
    error: z.strictObject({
      status: z.int(),
      name: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .register(components, { id: 'Error' });

/** The envelopes: a page of a list, a whole list, one record. */
export const pageOf = <T extends z.ZodType>(item: T) => z.strictObject({ data: z.array(item), meta: pageMeta });
export const listOf = <T extends z.ZodType>(item: T) => z.strictObject({ data: z.array(item), meta: localeMeta });
export const recordOf = <T extends z.ZodType>(data: T) => z.strictObject({ data, meta: localeMeta });

export type SlugTitle = z.infer<typeof slugTitle>;
export type DatedRef = z.infer<typeof datedRef>;
export type UnitRef = z.infer<typeof unitRef>;
export type PersonRef = z.infer<typeof personRef>;
export type Photo = z.infer<typeof photo>;
export type Byline = z.infer<typeof byline>;
export type ApiError = z.infer<typeof apiError>;
export type PageMeta = z.infer<typeof pageMeta>;
