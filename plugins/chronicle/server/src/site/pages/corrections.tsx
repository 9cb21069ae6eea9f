/**
 * Every correction, clarification, update and withdrawal notice of the newsroom, newest first
 * (GET /api/chronicle/corrections, a page at a time by cursor), each with its kind, its date
 * and time in Asia/Shanghai, the record it belongs to and a link to it. A withdrawn record is
 * named by its type only; a withdrawn report's or chronicle's address shows the notice (410).
 */
import { entryLink } from '../../domain/corrections';
import type { SiteContext } from '../context';
import type { CorrectionEntryData } from '../data';
import { Layout } from '../layout';
import { pathOf } from '../routes';

export const CorrectionsPage = ({
  ctx,
  entries,
  type,
  cursor,
  nextCursor,
}: {
  ctx: SiteContext;
  entries: CorrectionEntryData[];
  type?: string;
  /** The cursor this page was read after (none: the newest page). */
  cursor?: string;
  nextCursor: string | null;
}) => {
  const { t } = ctx;
  const c = t.correctionsPage;
  const feedQuery = new URLSearchParams({ ...(ctx.locale === 'en' ? { locale: 'en' } : {}), ...(type ? { type } : {}) }).toString();
  const feed = `/api/chronicle/corrections/feed.xml${feedQuery ? `?${feedQuery}` : ''}`;
  return (
    <Layout ctx={ctx} title={t.corrections} description={c.intro} head={<link rel="alternate" type="application/atom+xml" title={c.feed} href={feed} />}>
      <h1>{t.corrections}</h1>
      <p>{c.intro}</p>
      <form className="filters" method="get" action={ctx.href(pathOf('corrections'), {}, 'zh-Hans')} aria-label={t.filter}>
        {ctx.locale !== 'zh-Hans' ? <input type="hidden" name="lang" value={ctx.locale} /> : null}
        <label>
          {c.type}
          <select name="type" defaultValue={type ?? ''}>
            <option value="">{c.allTypes}</option>
            {Object.entries(c.types).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t.apply}</button>
      </form>
      {entries.length ? (
        <ol className="corrections-list">
          {entries.map((e) => {
            const link = entryLink(e, pathOf);
            const typeLabel = c.types[e.record.type] ?? e.record.type;
            const name = e.record.title ?? c.withdrawnRecord(typeLabel);
            const href = link ? `${ctx.href(link.route, link.query ?? {})}${link.hash ? `#${link.hash}` : ''}` : null;
            return (
              <li key={e.id} id={e.id} lang={e.locale !== ctx.locale ? e.locale : undefined}>
                <p className="correction-meta">
                  <strong className="correction-kind">{e.kind === 'withdrawal' ? c.withdrawal : (t.correctionKinds[e.kind] ?? e.kind)}</strong>{' '}
                  <time dateTime={e.date}>{e.displayDate}</time>
                  {' · '}
                  {typeLabel}
                </p>
                <h2 className="correction-record">{href ? <a href={href}>{name}</a> : name}</h2>
                <p>{e.kind === 'withdrawal' ? `${t.withdrawnReason}${ctx.locale === 'en' ? ': ' : '：'}${e.text}` : e.text}</p>
              </li>
            );
          })}
        </ol>
      ) : (
        <p>{c.empty}</p>
      )}
      {cursor || nextCursor ? (
        <nav aria-label={c.paging} className="pager">
          {cursor ? <a href={ctx.href(pathOf('corrections'), { type })}>{c.newer}</a> : null}
          {cursor && nextCursor ? ' · ' : null}
          {nextCursor ? (
            <a rel="next" href={ctx.href(pathOf('corrections'), { type, cursor: nextCursor })}>
              {c.older}
            </a>
          ) : null}
        </nav>
      ) : null}
      <p>
        <a href={feed}>{c.feed}</a>
      </p>
    </Layout>
  );
};
