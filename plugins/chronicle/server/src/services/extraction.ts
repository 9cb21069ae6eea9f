/**
 * Extraction in the newsroom: proposals for a report's text (leaving out those already
 * decided for that report), accepting them as draft timeline events and figures linked to
 * the report and owned by the user who accepted them, remembering rejections, and the
 * command-line import that files a text as a new draft report with its proposals.
 * The rules themselves are in ../text (pure); this is the Strapi glue around them.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { pluginUid, typeUid } from '../domain/content-types';
import { DEFAULT_LOCALE, type Locale } from '../domain/enums';
import { NEWSROOM_TIME_ZONE } from '../domain/time-zone';
import { runAs } from '../request-context';
import type { AcceptAnswer, AcceptedEvent, AcceptedStatistic, ExtractAnswer } from '../contracts/admin';
import { DEFAULT_MAX_PROPOSALS } from '../text/extract';
import { createExtractionPool, type ExtractionPool } from './extraction-pool';
import { leaveOutDecided, type Decision } from '../domain/decided-proposals';
import {
  isValidDateline,
  MAX_FILE_BYTES,
  textProblem,
  titleFromText,
  todayDateline,
  toMarkdownBody,
  toProposals,
} from '../text/proposals';

const REPORT_UID = typeUid('field-report');
const EVENT_UID = typeUid('timeline-event');
const STATISTIC_UID = typeUid('grid-statistic');
const DECISION_UID = typeUid('extraction-decision');
const UNIT_UID = typeUid('unit');
/** The field report schema's body maxLength. */
const REPORT_BODY_MAX = 200000;

export interface AcceptInput {
  reportDocumentId: string;
  locale: Locale;
  events: AcceptedEvent[];
  statistics: AcceptedStatistic[];
  rejected: string[];
  /** Per fingerprint: the proposal's kind and expression (kept with the decision). */
  sources?: Record<string, { kind: 'event' | 'statistic'; text: string }>;
  /** The admin user who accepts: owner (createdBy/updatedBy) of the drafts. */
  userId: number;
}

/** The drafts made, the rejections recorded, what had been decided already (the contract). */
export type AcceptResult = AcceptAnswer;

export interface ImportInput {
  text: string;
  dateline: string;
  email: string;
  title?: string;
  locale?: Locale;
}

type Row = Record<string, any>;

const extraction = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = (uid: string) => strapi.documents(uid as never) as any;

  /** Unit names the extractor can attach to a figure (the longest one named in its sentence). */
  const unitNames = async (): Promise<string[]> => {
    const rows = (await strapi.db.query(UNIT_UID as never).findMany({ select: ['name', 'shortName'] })) as Row[];
    return [...new Set(rows.flatMap((r) => [r.name, r.shortName]).filter((n): n is string => typeof n === 'string' && n.trim().length > 1))];
  };

  const decisions = async (reportDocumentId: string): Promise<Decision[]> =>
    (await strapi.db
      .query(DECISION_UID as never)
      .findMany({ where: { reportDocumentId }, select: ['fingerprint', 'kind', 'expression'] })) as Decision[];

  const decided = async (reportDocumentId: string): Promise<Set<string>> =>
    new Set((await decisions(reportDocumentId)).map((d) => d.fingerprint));

  /** The unit named `name` (its name or short name), or undefined. */
  const unitCalled = async (name: string | undefined): Promise<string | undefined> => {
    if (!name) return undefined;
    const row = (await strapi.db.query(UNIT_UID as never).findOne({
      where: { $or: [{ name }, { shortName: name }] },
      select: ['documentId'],
    })) as Row | null;
    return row?.documentId ?? undefined;
  };

  const setting = (key: string, fallback: number): number => {
    const v = strapi.config.get(pluginUid(`extraction.${key}`), fallback) as unknown;
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
  };
  let pool: ExtractionPool | undefined;
  /** Worker threads, made on first use (config: chronicle.extraction.workers, .timeoutSeconds). */
  const extractor = (): ExtractionPool =>
    (pool ??= createExtractionPool({ size: setting('workers', 1), timeoutMs: setting('timeoutSeconds', 30) * 1000 }));

  const service = {
    /** The report's draft in `locale` (or any version when it has no draft), with its owner, or null. */
    async findReport(documentId: string, locale?: Locale): Promise<Row | null> {
      const where: Row = { documentId };
      if (locale) where.locale = locale;
      return (await strapi.db.query(REPORT_UID as never).findOne({
        where,
        // The draft first: it is the version a reporter edits.
        orderBy: { publishedAt: 'desc' },
        populate: { createdBy: { select: ['id'] } },
      })) as Row | null;
    },

    /** Proposals for a text; with a report, those already decided for it are left out. */
    async propose({ text, dateline, reportDocumentId }: { text: string; dateline?: string; reportDocumentId?: string }): Promise<ExtractAnswer> {
      const day = dateline ?? todayDateline();
      // In a worker thread, at most chronicle.extraction.maxProposals proposals (then `truncated`).
      const result = await extractor().run(text, {
        dateline: day,
        unitNames: await unitNames(),
        maxProposals: setting('maxProposals', DEFAULT_MAX_PROPOSALS),
      });
      const all = toProposals(result);
      if (!reportDocumentId) return { dateline: day, ...all };
      return { dateline: day, ...all, ...leaveOutDecided(all, await decisions(reportDocumentId)) };
    },

    /**
     * Creates the accepted proposals as drafts linked to the report and owned by `userId`,
     * and records every decision, in one transaction: a failure leaves nothing half-made.
     * Proposals already decided for the report are skipped (a double click makes no twins).
     */
    async accept(input: AcceptInput): Promise<AcceptResult> {
      const { reportDocumentId, locale, userId } = input;
      return strapi.db.transaction(async () => {
        const already = await decided(reportDocumentId);
        const alreadyDecided: string[] = [];
        const fresh = (fingerprint: string) => {
          if (already.has(fingerprint)) {
            alreadyDecided.push(fingerprint);
            return false;
          }
          already.add(fingerprint);
          return true;
        };
        const owner = { createdBy: userId, updatedBy: userId };
        const record = (fingerprint: string, kind: 'event' | 'statistic', decision: 'accepted' | 'rejected', createdDocumentId?: string) =>
          strapi.db.query(DECISION_UID as never).create({
            data: {
              reportDocumentId,
              fingerprint,
              kind: input.sources?.[fingerprint]?.kind ?? kind,
              expression: input.sources?.[fingerprint]?.text ?? null,
              decision,
              createdDocumentId: createdDocumentId ?? null,
              decidedBy: userId,
            },
          });

        const result: AcceptResult = { events: [], statistics: [], rejected: 0, alreadyDecided };
        for (const e of input.events) {
          if (!fresh(e.fingerprint)) continue;
          const created = await documents(EVENT_UID).create({
            locale,
            data: {
              title: e.title,
              description: e.text ?? null,
              occurredAt: new Date(e.start).toISOString(),
              endAt: e.end ? new Date(e.end).toISOString() : null,
              precision: e.precision,
              approximate: e.approximate,
              timeZone: NEWSROOM_TIME_ZONE,
              sourceReport: reportDocumentId,
              ...owner,
            },
          });
          await record(e.fingerprint, 'event', 'accepted', created.documentId);
          result.events.push({ documentId: created.documentId, title: created.title });
        }
        for (const s of input.statistics) {
          if (!fresh(s.fingerprint)) continue;
          const created = await documents(STATISTIC_UID).create({
            locale,
            data: {
              metric: s.metric,
              label: s.label,
              value: s.value,
              qualifier: s.qualifier,
              countUnit: s.unit || null,
              scopeUnit: (await unitCalled(s.unitName)) ?? null,
              sourceReport: reportDocumentId,
              ...owner,
            },
          });
          await record(s.fingerprint, 'statistic', 'accepted', created.documentId);
          result.statistics.push({ documentId: created.documentId, label: created.label });
        }
        for (const fingerprint of input.rejected) {
          if (!fresh(fingerprint)) continue;
          // The kind is not needed to filter; it is kept for whoever reads the table.
          await record(fingerprint, 'event', 'rejected');
          result.rejected += 1;
        }
        return result;
      });
    },

    /** Ends the extraction workers (plugin destroy). */
    async closeExtractor(): Promise<void> {
      await pool?.close();
      pool = undefined;
    },

    /**
     * Files `text` as a new draft field report owned by the admin user `email`, with every
     * proposal accepted as a draft event or figure linked to it. Runs as the 'import' system
     * actor, in one transaction: an unknown user or a failed write leaves nothing behind.
     */
    async importReport({ text, dateline, email, title, locale = DEFAULT_LOCALE }: ImportInput) {
      const problem = textProblem(text, MAX_FILE_BYTES);
      if (problem) throw new errors.ValidationError(problem);
      if (!isValidDateline(dateline)) throw new errors.ValidationError(`dateline "${dateline}" is not a real date in the form YYYY-MM-DD`);
      return runAs('import', () =>
        strapi.db.transaction(async () => {
          const user = (await strapi.db.query('admin::user' as never).findOne({ where: { email: email.toLowerCase() } })) as Row | null;
          if (!user) throw new errors.NotFoundError(`no admin user with the e-mail ${email}: nothing was imported`);
          if (!user.isActive || user.blocked) throw new errors.ForbiddenError(`the admin user ${email} is inactive or blocked: nothing was imported`);
          const body = toMarkdownBody(text);
          if (body.length > REPORT_BODY_MAX) {
            throw new errors.ValidationError(
              `the text is ${body.length} characters, longer than a report body may be (${REPORT_BODY_MAX}); split it into several reports`,
            );
          }
          const report = await documents(REPORT_UID).create({
            locale,
            data: {
              title: (title ?? titleFromText(text)).slice(0, 200),
              body,
              dateline: { date: dateline },
              createdBy: user.id,
              updatedBy: user.id,
            },
          });
          const proposals = await service.propose({ text, dateline, reportDocumentId: report.documentId });
          const accepted = await service.accept({
            reportDocumentId: report.documentId,
            locale,
            userId: user.id,
            events: proposals.events.map((e): AcceptedEvent => ({
              fingerprint: e.fingerprint,
              title: e.title,
              start: e.start,
              end: e.end ?? null,
              precision: e.precision,
              approximate: e.approximate,
              text: e.sentence.slice(0, 4000),
            })),
            statistics: proposals.statistics.map((s): AcceptedStatistic => ({
              fingerprint: s.fingerprint,
              label: s.label.slice(0, 120),
              value: s.value,
              qualifier: s.qualifier,
              unit: s.unit,
              metric: s.metric,
              text: s.sentence.slice(0, 4000),
            })),
            rejected: [],
          });
          return {
            report: { documentId: report.documentId as string, title: report.title as string, locale },
            events: accepted.events,
            statistics: accepted.statistics,
          };
        }),
      );
    },
  };
  return service;
};

export type ExtractionService = ReturnType<typeof extraction>;
export default extraction;
