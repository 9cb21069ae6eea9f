/**
 * The search page (GET /api/chronicle/search, docs/site.md "Search"): the form, then the
 * hits in rank order, each with its type, title, date and the passage that matched, the
 * matches marked. The snippet arrives as plain text with offsets and is marked here by
 * React (escaped), never from stored HTML. A page at a time, by cursor.
 */
import type { ReactNode } from 'react';
import { DateTime } from 'luxon';
import { NEWSROOM_TIME_ZONE } from '../../domain/time-zone';
import type { SiteContext } from '../context';
import type { SearchHitData } from '../data';
import { Layout } from '../layout';
import { pathOf } from '../routes';
import { SearchForm } from '../search-form';

/** The text with its [start, end) ranges in <mark>. */
const Marked = ({ text, ranges }: { text: string; ranges: Array<[number, number]> }) => {
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
};

/** An instant's day in the newsroom's zone; a day stays as it is. */
const newsroomDay = (date: string) => (date.includes('T') ? (DateTime.fromISO(date).setZone(NEWSROOM_TIME_ZONE).toISODate() ?? date.slice(0, 10)) : date);

/** A hit's page: path is relative to the base path, with its own query and fragment. */
const hitHref = (ctx: SiteContext, path: string) => {
  const [beforeHash, hash] = path.split('#');
  const [route, search] = beforeHash.split('?');
  const query = Object.fromEntries(new URLSearchParams(search ?? ''));
  return `${ctx.href(route, query)}${hash ? `#${hash}` : ''}`;
};

export const SearchPage = ({
  ctx,
  q,
  hits,
  cursor,
  nextCursor,
}: {
  ctx: SiteContext;
  /** The words searched for; none: the form alone. */
  q?: string;
  hits: SearchHitData[];
  cursor?: string;
  nextCursor: string | null;
}) => {
  const { t } = ctx;
  const s = t.searchPage;
  return (
    <Layout ctx={ctx} title={q ? s.results(q) : t.search} description={s.intro}>
      <h1>{q ? s.results(q) : t.search}</h1>
      <SearchForm ctx={ctx} q={q} id="search-page-q" />
      {!q ? <p>{s.intro}</p> : null}
      {q && hits.length ? (
        <ol className="search-results">
          {hits.map((hit) => (
            <li key={`${hit.type}:${hit.slug}`} lang={hit.locale !== ctx.locale ? hit.locale : undefined}>
              <p className="search-meta">
                {s.types[hit.type] ?? hit.type}
                {hit.fallback ? ` ${s.fallback}` : ''}
                {hit.date ? (
                  <>
                    {' · '}
                    <time dateTime={hit.date}>{newsroomDay(hit.date)}</time>
                  </>
                ) : null}
              </p>
              <h2 className="search-title">
                <a href={hitHref(ctx, hit.path)}>
                  <Marked text={hit.title} ranges={hit.titleHighlights} />
                </a>
              </h2>
              {hit.snippet ? (
                <p className="search-snippet">
                  <Marked text={hit.snippet} ranges={hit.highlights} />
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {q && !hits.length ? <p className="search-empty">{s.empty(q)}</p> : null}
      {q && (cursor || nextCursor) ? (
        <nav aria-label={s.paging} className="pager">
          {cursor ? <a href={ctx.href(pathOf('search'), { q })}>{s.first}</a> : null}
          {cursor && nextCursor ? ' · ' : null}
          {nextCursor ? (
            <a rel="next" href={ctx.href(pathOf('search'), { q, cursor: nextCursor })}>
              {s.more}
            </a>
          ) : null}
        </nav>
      ) : null}
    </Layout>
  );
};
