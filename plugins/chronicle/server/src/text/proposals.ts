/**
 * Turning extraction results into what the CLI prints and what a reporter reviews: the
 * exact JSON of docs/extraction.md (On the command line), a short title for an event, a metric key for a figure, a
 * fingerprint that names a proposal across runs (so a rejected one is not proposed again),
 * and the checks on input text and datelines shared by the CLI and the admin route.
 * Pure module.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Precision, Qualifier } from '../domain/enums';
import { NEWSROOM_TIME_ZONE } from '../domain/time-zone';
import type { ExtractResult, ProposedEvent, ProposedStatistic } from './extract';
import { toSlug } from './slug';

/**
 * Largest text the admin route accepts (bytes of UTF-8): 1 MB, some 350,000 Chinese
 * characters, far more than the longest feature; above it the route answers 413.
 */
export const MAX_ROUTE_TEXT_BYTES = 1024 * 1024;
/**
 * Largest file the CLI reads. Extraction is linear and capped (bench/extract.js), so the
 * bound is about memory and about noticing a wrong file, not about speed.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const EVENT_TITLE_MAX = 60;

interface CliSource {
  offset: number;
  endOffset: number;
  sentence: string;
  rule: string;
}

/**
 * docs/extraction.md#on-the-command-line: the CLI's JSON, these keys first in this order (`text` is the expression
 * itself), then where it was read from and why; `truncated` only when proposals were cut.
 */
export interface CliJson {
  events: Array<{ text: string; start: string; precision: Precision; approximate: boolean; end?: string } & CliSource>;
  statistics: Array<{ text: string; value: number; qualifier: Qualifier; unit: string; label: string } & CliSource>;
  truncated?: true;
}

export function toCliJson(result: ExtractResult): CliJson {
  const json: CliJson = {
    events: result.events.map((e) => ({
      text: e.text,
      start: e.start,
      precision: e.precision,
      approximate: e.approximate,
      ...(e.end ? { end: e.end } : {}),
      offset: e.offset,
      endOffset: e.endOffset,
      sentence: e.sentence,
      rule: e.rule,
    })),
    statistics: result.statistics.map((s) => ({
      text: s.text,
      value: s.value,
      qualifier: s.qualifier,
      unit: s.unit,
      label: s.label,
      offset: s.offset,
      endOffset: s.endOffset,
      sentence: s.sentence,
      rule: s.rule,
    })),
  };
  if (result.truncated) json.truncated = true;
  return json;
}

/** YYYY-MM-DD naming a day that exists (2022-02-30 does not). */
export function isValidDateline(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return DateTime.fromISO(value, { zone: NEWSROOM_TIME_ZONE }).isValid;
}

/** Today in the newsroom's time zone: the dateline when none is given. */
export function todayDateline(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: NEWSROOM_TIME_ZONE }).toISODate() as string;
}

/**
 * Why a text cannot be extracted from, or undefined. NUL and other C0 controls (bar tab,
 * line feed, carriage return, form feed) do not occur in prose: they mean a binary file or
 * a wrong encoding. U+FFFD is what a decoder leaves for bytes that were not UTF-8.
 */
export function textProblem(text: unknown, maxBytes = MAX_ROUTE_TEXT_BYTES): string | undefined {
  if (typeof text !== 'string') return 'text must be a string';
  if (text.trim().length === 0) return 'text is empty';
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) return `text is ${formatBytes(bytes)}, more than the ${formatBytes(maxBytes)} allowed`;
  if (text.includes('\u0000')) return 'text contains NUL characters: binary data, not text';
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g);
  if (controls && controls.length > Math.max(2, text.length / 1000)) return 'text contains control characters: binary data, not text';
  if (text.includes('\ufffd')) return 'text contains U+FFFD replacement characters: it was not valid UTF-8';
  return undefined;
}

/** Decode a file's bytes as UTF-8 text, or say why it is not text. A BOM is dropped. */
export function decodeText(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): { text: string } | { problem: string } {
  if (bytes.length > maxBytes) return { problem: `file is ${formatBytes(bytes.length)}, more than the ${formatBytes(maxBytes)} allowed` };
  if (bytes.includes(0)) return { problem: 'file contains NUL bytes: binary data, not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'file is not valid UTF-8 text (save it as UTF-8; GBK is not read)' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const problem = textProblem(text, Number.POSITIVE_INFINITY);
  return problem ? { problem: problem.replace(/^text/, 'file') } : { text };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${n} bytes`;
}

const CLAUSE_BREAK = /[，,；;：:。！？!?]/;
/** Words that only place the opening date in time (截至3月6日，…): cut with it. */
const DATE_PREPOSITION = /^(?:截至|截止到?|直到|自|从|到|至|于|在)$/;
const LEADING_JUNK = /^[\s，,、；;：:。)）」』”"]+/;

/**
 * A short title for an event: its sentence without the date it was dated by, cut at the
 * first clause that says something (2月23日，尖草坪区启动… → 尖草坪区启动…; 截至3月6日，全区… →
 * 全区…), at most 60
 * characters. The full sentence stays in the description.
 */
export function eventTitle(sentence: string, expression?: string): string {
  let rest = sentence.trim();
  if (expression) {
    const at = rest.indexOf(expression);
    // Only a date that opens the sentence (alone or after 截至, 自…) is cut: one further in belongs to its clause.
    if (at === 0 || (at > 0 && DATE_PREPOSITION.test(rest.slice(0, at)))) rest = rest.slice(at + expression.length).replace(/^(?:起|以来)(?=[，,])/, '');
  }
  rest = rest.replace(LEADING_JUNK, '');
  let title = '';
  for (const clause of rest.split(CLAUSE_BREAK)) {
    const c = clause.trim();
    if (!c) continue;
    title = title ? `${title}，${c}` : c;
    // A clause of a few characters (当日下午, 据悉) says too little on its own.
    if (title.length >= 6) break;
  }
  if (!title) title = sentence.trim();
  return title.length > EVENT_TITLE_MAX ? `${title.slice(0, EVENT_TITLE_MAX - 1)}…` : title;
}

/** Metric keys for labels newsrooms use again and again, so figures line up across reports. */
export const METRIC_NAMES: Record<string, string> = {
  视频通话: 'video-calls',
  警力: 'police-deployments',
  警车: 'police-vehicle-trips',
  网格员: 'grid-workers',
  党组织: 'party-organisations',
  志愿者: 'volunteers',
  核酸检测: 'nucleic-acid-tests',
  党员: 'party-members',
  居民: 'residents',
  群众: 'people',
};

const METRIC_MAX = 64;

/**
 * A stable kebab-case key for a figure: a known name, else the pinyin of its label, with
 * the unit of count when the label is only the unit (人, 次). Never empty.
 */
export function metricFor(label: string, unit = ''): string {
  const key = label.trim();
  // Own keys only: a label such as "toString" must not find Object.prototype.
  if (Object.prototype.hasOwnProperty.call(METRIC_NAMES, key)) return METRIC_NAMES[key] as string;
  const base = toSlug(label, { mode: 'text' }) || toSlug(unit, { mode: 'text' }) || 'figure';
  return base.length > METRIC_MAX ? base.slice(0, METRIC_MAX).replace(/-[^-]*$/, '') || base.slice(0, METRIC_MAX) : base;
}

/**
 * Names a proposal by what it was read from (its kind, expression and sentence), not by
 * what the reporter edited it into, so the next run recognises it.
 */
export function fingerprint(kind: 'event' | 'statistic', proposal: Pick<ProposedEvent | ProposedStatistic, 'text' | 'sentence'>): string {
  const sentence = proposal.sentence.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${kind}\n${proposal.text}\n${sentence}`).digest('hex').slice(0, 32);
}

export const FINGERPRINT_RE = /^[0-9a-f]{32}$/;

export interface EventProposal extends ProposedEvent {
  fingerprint: string;
  title: string;
}

export interface StatisticProposal extends ProposedStatistic {
  fingerprint: string;
  metric: string;
}

export interface Proposals {
  events: EventProposal[];
  statistics: StatisticProposal[];
  /** True when the text held more proposals than were returned. */
  truncated: boolean;
}

/**
 * What the admin panel shows: each proposal with its fingerprint, a title or metric, and
 * without those already decided (`decided` holds fingerprints). Duplicates within one text
 * (the same sentence twice) are proposed once.
 */
export function toProposals(result: ExtractResult, decided: ReadonlySet<string> = new Set()): Proposals {
  const seen = new Set<string>(decided);
  const keep = (fp: string) => {
    if (seen.has(fp)) return false;
    seen.add(fp);
    return true;
  };
  const events: EventProposal[] = [];
  for (const e of result.events) {
    const fp = fingerprint('event', e);
    if (keep(fp)) events.push({ ...e, fingerprint: fp, title: eventTitle(e.sentence, e.text) });
  }
  const statistics: StatisticProposal[] = [];
  for (const s of result.statistics) {
    const fp = fingerprint('statistic', s);
    if (keep(fp)) statistics.push({ ...s, fingerprint: fp, metric: metricFor(s.label, s.unit) });
  }
  return { events, statistics, truncated: Boolean(result.truncated) };
}

/** The text as Markdown paragraphs: one blank line between paragraphs, line ends normalised. */
export function toMarkdownBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n\n');
}

/** A report title from the text's first line when none is given. */
export function titleFromText(text: string, max = 80): string {
  const first = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  const cut = first.length > max ? `${first.slice(0, max - 1)}…` : first;
  return cut || 'Imported report';
}
