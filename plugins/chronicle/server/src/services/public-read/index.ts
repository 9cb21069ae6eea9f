/**
 * The public read model: what readers may see of the newsroom, read from published rows
 * only (`publishedAt` set, explicit `select` lists) and serialised field by field. Nothing
 * a reader sends reaches the database except through the validated values of
 * ../../validation/public-query.ts. People go through ../../domain/public-person.ts, the one place
 * where consent is applied. A request it refuses throws a ChronicleError (../../errors.ts):
 * 400 for a filter or cursor that names nothing, 404, or 410 for a withdrawn record.
 *
 * One module per resource, over ./rows (locale choice, select lists, cursors, the detail
 * lookup with its 404/410, the profile card) and ./values (dates, references):
 * ./timeline, ./reports, ./profiles, ./chronicles, ./statistics, ./units, ./feeds, ./corrections, ./search.
 */
import type { Core } from '@strapi/strapi';
import { chroniclesResource } from './chronicles';
import { correctionsResource } from './corrections';
import { eventReader } from './events';
import { feedsResource } from './feeds';
import { profilesResource } from './profiles';
import { reportsResource } from './reports';
import { searchResource } from './search';
import { rowReader } from './rows';
import { statisticsResource } from './statistics';
import { timelineResource } from './timeline';
import { unitsResource } from './units';

const publicRead = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = rowReader(strapi);
  const events = eventReader(rows);
  const { timeline, timelinejs, timelineItems } = timelineResource(rows, events);
  const reportList = reportsResource(rows);
  const { reports, report } = reportList;
  const { feedReports } = feedsResource(reportList);
  const { profiles, profile } = profilesResource(rows);
  const { chronicle } = chroniclesResource(rows, events);
  const { statistics } = statisticsResource(strapi, rows);
  const { units } = unitsResource(rows);
  const { corrections } = correctionsResource(strapi, rows);
  const { search } = searchResource(strapi);
  return {
    timeline,
    timelinejs,
    timelineItems,
    reports,
    assertNotWithdrawn: rows.assertNotWithdrawn,
    report,
    profiles,
    profile,
    chronicle,
    statistics,
    units,
    corrections,
    feedReports,
    search,
  };
};

export type PublicReadService = ReturnType<typeof publicRead>;
export default publicRead;
