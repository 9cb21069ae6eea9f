/**
 * Shape of the demo newsroom. The data (./data/*.json, read by ./data.ts and checked by
 * ./schema.ts, which tsc keeps equal to these types) is written from the facts of the seed page
 * (shared/seeds/), summarised in our own words; the loader turns it into Strapi documents in
 * both locales. Records refer to each other by `key`.
 */
import type {
  BylineRole,
  ConsentState,
  ContributorKind,
  DatePrecision,
  DutyRole,
  Precision,
  ProfileKind,
  Qualifier,
  UnitKind,
} from '../domain/enums';

/** Text in both locales; `en` may be omitted where the English translation is not yet written. */
export interface Bilingual<T> {
  zh: T;
  en?: T;
}

export interface DemoUnit {
  key: string;
  slug: string;
  kind: UnitKind;
  parent?: string;
  text: Bilingual<{ name: string; shortName?: string; description?: string }>;
}

export interface DemoContributor {
  key: string;
  slug: string;
  kind: ContributorKind;
  text: Bilingual<{ name: string; affiliation?: string }>;
}

export interface DemoByline {
  contributor: string;
  role: BylineRole;
}

export interface DemoReport {
  key: string;
  slug: string;
  /** Local calendar date of the dateline, YYYY-MM-DD (Asia/Shanghai). */
  datelineDate: string;
  bylines: DemoByline[];
  tags: string[];
  profiles: string[];
  chronicle?: string;
  text: Bilingual<{
    title: string;
    kicker?: string;
    dek?: string;
    /** Markdown, in our own words. */
    body: string;
    datelinePlace: string;
  }>;
}

export interface DemoDeed {
  /** YYYY-MM-DD (or YYYY-MM-01 / YYYY-01-01 with a coarser precision). */
  date: string;
  precision: DatePrecision;
  report: string;
  text: Bilingual<{ summary: string }>;
}

export interface DemoQuote {
  saidOn?: string;
  report?: string;
  text: Bilingual<{ text: string; context?: string }>;
}

export interface DemoProfile {
  key: string;
  slug: string;
  kind: ProfileKind;
  unit: string;
  dutyRoles: DutyRole[];
  consent: ConsentState;
  /** Stays in the admin: health, family and other sensitive details. */
  privateNotes?: string;
  deeds: DemoDeed[];
  quotes: DemoQuote[];
  text: Bilingual<{ fullName: string; roleTitle: string; citation: string }>;
}

export interface DemoChronicle {
  key: string;
  slug: string;
  subjectUnit: string;
  periodStart: string;
  periodEnd: string;
  text: Bilingual<{ title: string; summary: string; body: string }>;
}

export interface DemoEvent {
  key: string;
  slug: string;
  /** ISO 8601 with offset, e.g. 2022-02-24T12:00:00+08:00. */
  occurredAt: string;
  endAt?: string;
  precision: Precision;
  approximate: boolean;
  importance: number;
  units: string[];
  actors: string[];
  chronicle?: string;
  report: string;
  statistics: string[];
  text: Bilingual<{ title: string; description?: string; place?: string }>;
}

export interface DemoStatistic {
  key: string;
  slug: string;
  metric: string;
  value: number;
  qualifier: Qualifier;
  countUnit: string;
  scopeUnit: string;
  periodStart?: string;
  periodEnd?: string;
  asOf?: string;
  report: string;
  /** The newspaper page it was printed on, when known (its verification source is the report). */
  page?: string;
  additive: boolean;
  text: Bilingual<{ label: string }>;
}

export interface DemoNewsroom {
  units: DemoUnit[];
  contributors: DemoContributor[];
  reports: DemoReport[];
  profiles: DemoProfile[];
  chronicles: DemoChronicle[];
  events: DemoEvent[];
  statistics: DemoStatistic[];
}
