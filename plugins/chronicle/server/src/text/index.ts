/**
 * Public surface of the Chinese text tools: slugs, numerals, quantities, dates,
 * extraction and its evaluation. Pure modules: no Strapi import anywhere below here.
 */
export { toSlug, fallbackSlug, uniqueSlug, hasHan, SLUG_RE, SLUG_MAX_LENGTH, PLACE_OVERRIDES } from './slug';
export type { SlugMode, SlugOptions } from './slug';

export { parseNumber, parseSmallInteger, toHalfWidth } from './numerals';

export { parseQuantities, parseQuantity, UNITS_OF_COUNT, NUMERAL_IDIOMS } from './quantities';
export type { QuantityMatch } from './quantities';

export { parseDates, parseDate, DateCursor, formatDisplayDate } from './dates';
export { NEWSROOM_TIME_ZONE } from '../domain/time-zone';
export type { DateContext, DateMatch, DateRule } from './dates';

export { extract, splitSentences, labelFor, DEFAULT_MAX_PROPOSALS, SENTENCE_MAX } from './extract';
export type { ExtractOptions, ExtractResult, ProposedEvent, ProposedStatistic, ProposalSource, Sentence } from './extract';
export { classifyFigure, DURATION_UNITS, DISTANCE_UNITS } from './classify';
export type { Verdict, FigureRule, RejectRule } from './classify';
export { scoreCorpus, expectedOf } from './corpus';
export type { CorpusFile, CorpusPassage, CorpusReport } from './corpus';

export { score, combineScores, splitStories } from './evaluate';
export type { Expected, ExpectedDate, ExpectedFigure, PrecisionRecall, Score } from './evaluate';

export {
  toCliJson,
  toProposals,
  eventTitle,
  metricFor,
  fingerprint,
  isValidDateline,
  todayDateline,
  textProblem,
  decodeText,
  formatBytes,
  toMarkdownBody,
  titleFromText,
  METRIC_NAMES,
  FINGERPRINT_RE,
  MAX_FILE_BYTES,
  MAX_ROUTE_TEXT_BYTES,
  EVENT_TITLE_MAX,
} from './proposals';
export type { CliJson, EventProposal, StatisticProposal, Proposals } from './proposals';
