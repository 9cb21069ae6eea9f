/**
 * The newsroom's vocabularies: enum keys shared by the schemas, the demo data,
 * the text tools and the public API. Keys and English follow shared/GLOSSARY.md.
 * Pure module: no Strapi import.
 */

export const LOCALES = ['zh-Hans', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-Hans';

export const UNIT_KINDS = [
  'district',
  'subdistrict',
  'community',
  'grid',
  'police-bureau',
  'police-station',
  'police-brigade',
  'hospital',
  'school',
  'enterprise',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const CONTRIBUTOR_KINDS = ['reporter', 'correspondent', 'photographer', 'editor'] as const;
export type ContributorKind = (typeof CONTRIBUTOR_KINDS)[number];

/** The role a contributor played on one report's byline (记者, 通讯员, 文/摄, 译 …). */
export const BYLINE_ROLES = ['reporter', 'correspondent', 'text-and-photos', 'photographer', 'editor', 'translator'] as const;
export type BylineRole = (typeof BYLINE_ROLES)[number];

export const PROFILE_KINDS = ['grid-worker', 'police', 'medical', 'volunteer', 'official', 'other'] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

export const DUTY_ROLES = [
  'information',
  'publicity',
  'service',
  'mediation',
  'co-management',
  'outreach',
  'counselling',
  'screening',
  'site-organising',
  'home-visit',
  'special-needs',
  'errands',
  'supplies',
  'logistics',
  'command',
  'security',
  'transfer',
  'sampling',
] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

export const CONSENT_STATES = ['consented', 'public-duty', 'anonymised', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

export const PRECISIONS = ['year', 'month', 'day', 'part-of-day', 'hour', 'minute'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Precision of a deed's date: coarser than an event's. */
export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const QUALIFIERS = ['exact', 'more-than', 'nearly', 'about', 'at-least'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const CORRECTION_KINDS = ['correction', 'clarification', 'update'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export const WORKFLOW_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'corrected',
  'withdrawn',
] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** Slugs: lower-case ASCII words joined by single hyphens. */
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
export const METRIC_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
