/**
 * The timeline: Knight Lab TimelineJS3, self-hosted under {base}/assets/timelinejs (started
 * by /site.js from the data attributes below, so no inline script is needed), above a plain
 * list of the same events that reads without JavaScript (a page of INTERACTIVE_TIMELINE_MAX
 * events, then a link to the next page by cursor: the page does not grow with the archive), and
 * a GET form for unit and period.
 */
import type { SiteContext } from '../context';
import type { EventData } from '../data';
import { Layout } from '../layout';
import { EventList, UnitSelect } from '../parts';
import { INTERACTIVE_TIMELINE_MAX } from '../paging';
import type { UnitNode } from '../unit-tree';
import { pathOf } from '../routes';

/**
 * Our copy of TimelineJS's zh-cn language file (public/timeline-zh-cn.json): the package's own
 * leaves the axis's hour ticks to the English formats, which print AM/PM; ours is 24-hour.
 */
export const TIMELINE_ZH_LANGUAGE = '/timeline-zh-cn.json';

export interface TimelineFilters {
  unit?: string;
  from?: string;
  to?: string;
}

export const TimelinePage = ({
  ctx,
  events,
  units,
  filters,
  source,
  cursor,
  nextCursor,
}: {
  ctx: SiteContext;
  events: EventData[];
  units: Array<{ unit: UnitNode; depth: number }>;
  filters: TimelineFilters;
  /** The TimelineJS JSON of the same selection. */
  source: string;
  /** The cursor this page of the plain list was read after (none: the first page). */
  cursor?: string;
  /** The next page's cursor, when the selection goes on. */
  nextCursor: string | null;
}) => {
  const { t } = ctx;
  const assets = ctx.href(pathOf('asset', 'timelinejs/'), {}, 'zh-Hans');
  // The live timeline (GET /api/chronicle/timeline/live): /site.js keeps the list below current.
  const live = new URLSearchParams({ locale: ctx.locale });
  for (const [k, v] of Object.entries(filters)) if (v) live.set(k, v);
  return (
    <Layout
      ctx={ctx}
      title={t.timeline}
      description={t.tagline}
      head={<link rel="stylesheet" href={`${assets}css/timeline.css`} />}
      scripts={events.length ? [`${assets}js/timeline.js`] : []}
    >
      <h1>{t.timeline}</h1>
      <form className="filters" method="get" action={ctx.href(pathOf('timeline'), {}, 'zh-Hans')} aria-label={t.filter}>
        {ctx.locale !== 'zh-Hans' ? <input type="hidden" name="lang" value={ctx.locale} /> : null}
        <UnitSelect label={t.unit} allLabel={t.allUnits} units={units} selected={filters.unit} />
        <label>
          {t.from}
          <input type="date" name="from" defaultValue={filters.from ?? ''} />
        </label>
        <label>
          {t.to}
          <input type="date" name="to" defaultValue={filters.to ?? ''} />
        </label>
        <button type="submit">{t.apply}</button>
      </form>
      {events.length ? (
        <section aria-labelledby="interactive-timeline" className="timeline-section">
          <h2 id="interactive-timeline" className="visually-hidden">
            {t.interactiveTimeline}
          </h2>
          <div
            id="timeline-embed"
            className="timeline-embed"
            data-source={source}
            data-language={ctx.locale === 'en' ? 'en' : TIMELINE_ZH_LANGUAGE}
            data-script-path={`${assets}js/`}
          >
            <p className="no-script-note">{t.timelineNeedsScript}</p>
          </div>
          {cursor || nextCursor ? (
            <p className="list-limit interactive-limit" role="note">
              {t.interactiveLimit(INTERACTIVE_TIMELINE_MAX)}
            </p>
          ) : null}
        </section>
      ) : null}
      <section
        aria-labelledby="event-list"
        data-live={`/api/chronicle/timeline/live?${live}`}
        data-live-lang={ctx.locale}
        data-live-earlier={cursor ? '' : undefined}
        data-live-later={nextCursor ? '' : undefined}
        data-live-added={t.liveAdded}
        data-live-updated={t.liveUpdated}
        data-live-removed={t.liveRemoved}
      >
        <h2 id="event-list">{t.eventList}</h2>
        <p className="visually-hidden" role="status" aria-live="polite" data-live-status="" />
        {events.length ? <EventList ctx={ctx} events={events} /> : <p data-live-empty="">{t.noEvents}</p>}
        {cursor || nextCursor ? (
          <nav aria-label={t.timelinePaging.label} className="pager">
            {cursor ? <a href={ctx.href(pathOf('timeline'), { ...filters })}>{t.timelinePaging.first}</a> : null}
            {cursor && nextCursor ? ' · ' : null}
            {nextCursor ? (
              <a rel="next" href={ctx.href(pathOf('timeline'), { ...filters, cursor: nextCursor })}>
                {t.timelinePaging.later}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
    </Layout>
  );
};
