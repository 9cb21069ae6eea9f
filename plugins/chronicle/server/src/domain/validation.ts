/**
 * Cross-field rules that Strapi's schema validation cannot express, and the main-field
 * rule that Strapi skips for drafts. Each rule names the field it faults, so the Content
 * Manager can put the message next to it. Pure module: no Strapi import.
 */
import contentTypes from '../content-types';
import { componentSchemas } from '../components';
import type { TypeName } from './content-types';
import { componentNameOf, TYPE_META } from './content-types';
import { SLUG_PATTERN } from './enums';
import { hasPrivateMarkup, privateMarkupProblems } from './private-markup';
import { latestDateline } from './time-zone';
import { renderMessage, type MessageCode, type MessageParams } from './messages';

/**
 * A field's problem: its path, its code and parameters (domain/messages), and its message in
 * English (the Content Manager's guard renders it in the request's language, facts.ts codedProblem).
 */
export interface FieldProblem {
  path: string[];
  message: string;
  code?: MessageCode;
  params?: MessageParams;
}

/** A coded field problem, its message in English. */
const problem = (path: string[], code: MessageCode, params: MessageParams = {}): FieldProblem => ({
  path,
  message: renderMessage(code, params, 'en'),
  code,
  params,
});

type Data = Record<string, unknown>;

const isBlank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const toTime = (value: unknown): number | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const time = value instanceof Date ? value.getTime() : Date.parse(String(value));
  return Number.isNaN(time) ? undefined : time;
};

/** `later` must not come before `earlier` when both are set. */
const ordered = (record: Data, earlier: string, later: string): FieldProblem[] => {
  const start = toTime(record[earlier]);
  const end = toTime(record[later]);
  return start !== undefined && end !== undefined && end < start ? [problem([later], 'field.not-before', { field: later, earlier })] : [];
};

/**
 * Check a record as it will be after the write: `record` is the stored values overlaid
 * with the incoming data. `incoming` is what this write sets (for the main-field rule:
 * a draft may omit fields, but may not blank the field it is known by).
 */
export function checkRecord(
  type: TypeName,
  record: Data,
  incoming: Data,
  isCreate: boolean,
  limits: ValidationLimits = DEFAULT_LIMITS,
  now: Date = new Date()
): FieldProblem[] {
  const problems: FieldProblem[] = [...checkRanges(type, incoming, limits)];
  if (type !== 'workflow-transition') {
    const { mainField } = TYPE_META[type];
    const touched = isCreate || Object.prototype.hasOwnProperty.call(incoming, mainField);
    if (touched && isBlank(record[mainField])) {
      problems.push(problem([mainField], 'field.empty', { field: mainField }));
    }
  }
  switch (type) {
    case 'timeline-event':
      if (isCreate && isBlank(record.occurredAt)) {
        problems.push(problem(['occurredAt'], 'field.required', { field: 'occurredAt' }));
      }
      problems.push(...ordered(record, 'occurredAt', 'endAt'));
      break;
    case 'chronicle':
      problems.push(...ordered(record, 'periodStart', 'periodEnd'));
      break;
    case 'grid-statistic': {
      problems.push(...ordered(record, 'periodStart', 'periodEnd'));
      // The incoming value's form is checked by checkRanges; a stored one only for sign.
      const value = record.value;
      if (!Object.prototype.hasOwnProperty.call(incoming, 'value') && value !== null && value !== undefined && value !== '') {
        const n = Number(value);
        if (Number.isFinite(n) && n < 0) problems.push(problem(['value'], 'field.negative', { field: 'value' }));
      }
      break;
    }
    case 'field-report':
      problems.push(...checkDatelineNotFuture(incoming, now));
      break;
    default:
      break;
  }
  return problems;
}

/**
 * A report's dateline is the day it was filed: not later than tomorrow in Asia/Shanghai (a
 * report filed at night for the morning paper). Checked only when a write sets it, so a stored
 * one does not block other edits (the site's home leaves such a report out anyway).
 */
export const checkDatelineNotFuture = (incoming: Data, now: Date = new Date()): FieldProblem[] => {
  const dateline = incoming.dateline;
  if (!dateline || typeof dateline !== 'object' || Array.isArray(dateline)) return [];
  const date = (dateline as Data).date;
  if (date === null || date === undefined || date === '') return [];
  const day = date instanceof Date ? (Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10)) : /^\s*(\d{4}-\d{2}-\d{2})/.exec(String(date))?.[1];
  if (!day) return [];
  const latest = latestDateline(now);
  return day > latest ? [problem(['dateline', 'date'], 'field.dateline-future', { latest })] : [];
};

/* ------------------------------------------------------------------------------------------
 * Ranges: every field a write sets has one (issue #14). Driven by the content types' and
 * components' attributes, so a new date or decimal field is covered without a new rule.
 * ---------------------------------------------------------------------------------------- */

export interface ValidationLimits {
  /** Dates and date-times must fall in these years (inclusive). */
  minYear: number;
  maxYear: number;
  /** The largest figure value (the decimal column holds 10 digits, 2 after the point). */
  maxFigure: number;
}

export const DEFAULT_LIMITS: ValidationLimits = { minYear: 1900, maxYear: 2100, maxFigure: 99_999_999.99 };

type Attribute = { type?: string; component?: string; repeatable?: boolean; private?: boolean };
type Attributes = Record<string, Attribute>;

const typeAttributes = (type: TypeName): Attributes =>
  ((contentTypes as Record<string, { schema: { attributes: Attributes } }>)[type]?.schema.attributes ?? {}) as Attributes;

const componentAttributes = (uid: string | undefined): Attributes =>
  componentNameOf(uid) ? ((componentSchemas[componentNameOf(uid) as string]?.attributes ?? {}) as Attributes) : {};

const SLUG = new RegExp(SLUG_PATTERN);
/** The public address of an anonymised person (domain/public-person publicSlug). */
export const RESERVED_SLUG_PREFIX = 'anon-';
/** A plain decimal as written in a form: digits, optionally a point and more digits. */
const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;
/** Fields whose text is Markdown and may carry private markup (./private-markup). */
const MARKDOWN_TYPES = new Set(['richtext']);
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email']);

const yearOf = (value: unknown): number | undefined => {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getUTCFullYear();
  if (typeof value !== 'string') return undefined;
  // Expanded years (+275760-09-13) and anything Date.parse would stretch: read the year as written.
  const written = /^\s*([+-]?\d{4,6})-/.exec(value);
  if (written) return Number(written[1]);
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).getUTCFullYear();
};

const checkDate = (path: string[], value: unknown, limits: ValidationLimits): FieldProblem[] => {
  if (value === null || value === undefined) return [];
  const field = path.join('.');
  // An empty text is not "no date" to Strapi, which refuses it without naming the field.
  if (value === '') return [problem(path, 'field.date-empty-text', { field })];
  const year = yearOf(value);
  if (year === undefined) return [problem(path, 'field.date', { field })];
  if (year < limits.minYear || year > limits.maxYear) {
    return [problem(path, 'field.year-range', { field, minYear: limits.minYear, maxYear: limits.maxYear })];
  }
  return [];
};

/** A figure: a finite number (or a plain decimal text) from 0 up to the limit. */
export const checkFigure = (path: string[], value: unknown, limits: ValidationLimits = DEFAULT_LIMITS): FieldProblem[] => {
  if (value === null || value === undefined || value === '') return [];
  const field = path.join('.');
  const n = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL_TEXT.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n)) return [problem(path, 'field.number', { field })];
  if (n < 0) return [problem(path, 'field.negative', { field })];
  if (n > limits.maxFigure) return [problem(path, 'field.too-large', { field, max: limits.maxFigure })];
  return [];
};

/** A slug as a write sets it: lower-case ASCII letters, digits and single hyphens; `anon-` is reserved. */
export const checkSlug = (value: unknown): FieldProblem[] => {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'string') return [problem(['slug'], 'field.slug-text')];
  const slug = value.trim();
  if (!slug) return [];
  if (slug.length > 96 || !SLUG.test(slug)) {
    return [problem(['slug'], 'field.slug-form')];
  }
  if (slug.startsWith(RESERVED_SLUG_PREFIX)) {
    return [problem(['slug'], 'field.slug-reserved', { prefix: RESERVED_SLUG_PREFIX })];
  }
  return [];
};

const checkValue = (path: string[], attribute: Attribute, value: unknown, limits: ValidationLimits): FieldProblem[] => {
  switch (attribute.type) {
    case 'date':
    case 'datetime':
      return checkDate(path, value, limits);
    case 'decimal':
    case 'float':
      return checkFigure(path, value, limits);
    case 'component': {
      const inner = componentAttributes(attribute.component);
      const items = attribute.repeatable ? (Array.isArray(value) ? value : []) : value && typeof value === 'object' ? [value] : [];
      return items.flatMap((item, index) =>
        item && typeof item === 'object'
          ? Object.entries(inner).flatMap(([key, attr]) =>
              key in (item as Data) ? checkValue([...path, ...(attribute.repeatable ? [String(index)] : []), key], attr, (item as Data)[key], limits) : []
            )
          : []
      );
    }
    default:
      if (TEXT_TYPES.has(String(attribute.type)) && !MARKDOWN_TYPES.has(String(attribute.type)) && typeof value === 'string' && hasPrivateMarkup(value)) {
        return [problem(path, 'field.private-markup', { field: path.join('.') })];
      }
      return [];
  }
};

/**
 * The range rules for what a write sets: no `id` from a body, dates within the configured
 * years, figures finite and bounded, slugs of [a-z0-9-] with `anon-` reserved, and private
 * markup only where it is understood.
 */
export function checkRanges(type: TypeName, incoming: Data, limits: ValidationLimits = DEFAULT_LIMITS): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (Object.prototype.hasOwnProperty.call(incoming, 'id') && incoming.id !== undefined) {
    problems.push(problem(['id'], 'field.id'));
  }
  const attributes = typeAttributes(type);
  for (const [key, value] of Object.entries(incoming)) {
    if (key === 'slug') {
      problems.push(...checkSlug(value));
      continue;
    }
    const attribute = attributes[key];
    if (attribute) problems.push(...checkValue([key], attribute, value, limits));
  }
  return problems;
}

/**
 * Private markup that cannot be read safely, in every text field of a record (Markdown and
 * plain, components included), each naming its field, line and column. A record with any
 * must not be approved, scheduled or published.
 */
export function privateMarkupProblemsOfRecord(type: TypeName, record: Data): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const visit = (path: string[], attributes: Attributes, values: Data) => {
    for (const [key, attribute] of Object.entries(attributes)) {
      const value = values[key];
      if (attribute.private) continue;
      if (attribute.type === 'component') {
        const inner = componentAttributes(attribute.component);
        const items = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
        items.forEach((item, index) => {
          if (item && typeof item === 'object') visit([...path, key, ...(Array.isArray(value) ? [String(index)] : [])], inner, item as Data);
        });
      } else if (TEXT_TYPES.has(String(attribute.type)) && typeof value === 'string') {
        for (const p of privateMarkupProblems(value)) {
          problems.push({ path: [...path, key], message: `${[...path, key].join('.')}, line ${p.line}, column ${p.column}: ${p.message}` });
        }
      }
    }
  };
  visit([], typeAttributes(type), record);
  return problems;
}
