/** Small pieces several pages share: bylines, event lists, people links, figures, portraits. */
import type { SiteContext } from './context';
import type { EventData, FigureData, ProfileSummary, ReportSummary } from './data';
import type { UnitNode } from './unit-tree';
import { pathOf } from './routes';

export const Bylines = ({ bylines }: { bylines: ReportSummary['bylines'] }) =>
  bylines.length ? (
    <p className="bylines">
      {bylines.map((b, i) => (
        <span key={`${b.name}-${i}`} className="byline">
          <span className="byline-role">{b.roleLabel}</span> {b.name}
        </span>
      ))}
    </p>
  ) : null;

export const Dateline = ({ dateline }: { dateline: ReportSummary['dateline'] }) =>
  dateline.date || dateline.place ? (
    <p className="dateline">
      {dateline.place ? <span className="dateline-place">{dateline.place}</span> : null}
      {dateline.date ? <time dateTime={dateline.date}>{dateline.displayDate}</time> : null}
    </p>
  ) : null;

export const ReportList = ({ ctx, reports }: { ctx: SiteContext; reports: ReportSummary[] }) => (
  <ul className="report-list">
    {reports.map((r) => (
      <li key={r.slug} lang={r.locale !== ctx.locale ? r.locale : undefined}>
        {r.kicker ? <p className="kicker">{r.kicker}</p> : null}
        <h3>
          <a href={ctx.href(pathOf('report', r.slug))}>{r.title}</a>
        </h3>
        {r.dek ? <p className="dek">{r.dek}</p> : null}
        <Dateline dateline={r.dateline} />
        <Bylines bylines={r.bylines} />
      </li>
    ))}
  </ul>
);

export const EventList = ({ ctx, events, headingLevel = 3 }: { ctx: SiteContext; events: EventData[]; headingLevel?: 2 | 3 }) => {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ol className="event-list">
      {events.map((e) => (
        <li key={e.slug} id={`event-${e.slug}`} lang={e.locale !== ctx.locale ? e.locale : undefined}>
          <time dateTime={e.occurredAt} className="event-date">
            {e.displayDate}
          </time>
          <H className="event-title">{e.title}</H>
          {e.description ? <p>{e.description}</p> : null}
          <p className="event-meta">
            {e.place ? <span>{e.place}</span> : null}
            {e.units.map((u) => (
              <a key={u.slug} href={ctx.href(pathOf('unit', u.slug))}>
                {u.name}
              </a>
            ))}
            {e.actors.map((a) => (
              <a key={a.slug} href={ctx.href(pathOf('profile', a.slug))}>
                {a.name}
              </a>
            ))}
            {e.source ? <a href={ctx.href(pathOf('report', e.source.slug))}>{e.source.title}</a> : null}
          </p>
        </li>
      ))}
    </ol>
  );
};

export const Portrait = ({ portrait, name, sizes }: { portrait: ProfileSummary['portrait']; name: string; sizes: string }) => {
  if (!portrait) return null;
  const srcSet = portrait.sources?.length ? portrait.sources.map((s) => `${s.url} ${s.width}w`).join(', ') : undefined;
  return (
    <img
      className="portrait"
      src={portrait.url}
      srcSet={srcSet}
      sizes={srcSet ? sizes : undefined}
      width={portrait.width ?? undefined}
      height={portrait.height ?? undefined}
      alt={portrait.alt || name}
      loading="lazy"
      decoding="async"
    />
  );
};

export const PersonCard = ({ ctx, person }: { ctx: SiteContext; person: ProfileSummary }) => (
  <li className="person-card" lang={person.locale !== ctx.locale ? person.locale : undefined}>
    <Portrait portrait={person.portrait} name={person.name} sizes="96px" />
    <div>
      <h3>
        <a href={ctx.href(pathOf('profile', person.slug))}>{person.name}</a>
      </h3>
      <p className="role">{[person.roleTitle, person.unit?.name].filter(Boolean).join(' · ')}</p>
      <DutyBadges ctx={ctx} roles={person.dutyRoles} />
    </div>
  </li>
);

/** A figure with its qualifier as the reader's language prints it ('10万余次', 'more than 100,000 times'). */
export const figureText = (ctx: SiteContext, f: { display: { 'zh-Hans': string; en: string } }) => f.display[ctx.locale];

export const FigureList = ({ ctx, figures }: { ctx: SiteContext; figures: FigureData[] }) => (
  <ul className="figure-list">
    {figures.map((f) => (
      <li key={f.slug} lang={f.locale !== ctx.locale ? f.locale : undefined}>
        <strong className="figure">{figureText(ctx, f)}</strong> <span>{f.label}</span>
        {f.unit ? (
          <>
            {' · '}
            <a href={ctx.href(pathOf('unit', f.unit.slug))}>{f.unit.name}</a>
          </>
        ) : null}
      </li>
    ))}
  </ul>
);

export const ShareButton = ({ ctx, url, title }: { ctx: SiteContext; url: string; title: string }) => (
  <div className="share">
    {/* Revealed by /site.js where the Web Share API (or the clipboard) is available; the link always works. */}
    <button type="button" className="share-button" data-share-url={url} data-share-title={title} data-copied={ctx.t.copied} hidden>
      {ctx.t.share}
    </button>
    <button type="button" className="print-button" data-print hidden>
      {ctx.t.print}
    </button>
    <p className="share-link">
      {ctx.t.shareLink}
      <a href={url}>{url}</a>
    </p>
  </div>
);

/** The unit filter of the honour roll and the timeline: the unit tree, indented by depth. */
export const UnitSelect = ({
  label,
  allLabel,
  units,
  selected,
}: {
  label: string;
  allLabel: string;
  units: Array<{ unit: UnitNode; depth: number }>;
  selected?: string | null;
}) => (
  <label>
    {label}
    <select name="unit" defaultValue={selected ?? ''}>
      <option value="">{allLabel}</option>
      {units.map(({ unit, depth }) => (
        <option key={unit.slug} value={unit.slug}>
          {`${'\u3000'.repeat(depth)}${unit.name}`}
        </option>
      ))}
    </select>
  </label>
);

/** Said under a list the site cut short (site/paging.ts): how many are shown, and where all of them are. */
export const ListLimit = ({ ctx, shown, api }: { ctx: SiteContext; shown: number; api: string }) => (
  <p className="list-limit" role="note">
    {ctx.t.listLimit(shown)} <a href={api}>{api}</a>
  </p>
);

/** A person's duty roles as badges (nothing when they have none). */
export const DutyBadges = ({ ctx, roles }: { ctx: SiteContext; roles: Array<{ key: string; label: string }> }) =>
  roles.length ? (
    <ul className="badges" aria-label={ctx.t.dutyRoles}>
      {roles.map((d) => (
        <li key={d.key} className="badge">
          {d.label}
        </li>
      ))}
    </ul>
  ) : null;

/** Where a unit or a person sits: links up the unit tree, top first (nothing for an empty chain). */
export const UnitChain = ({ ctx, units }: { ctx: SiteContext; units: UnitNode[] }) =>
  units.length ? (
    <nav aria-label={ctx.t.unitChain} className="unit-chain">
      <ol>
        {units.map((u) => (
          <li key={u.slug}>
            <a href={ctx.href(pathOf('unit', u.slug))}>{u.name}</a>
          </li>
        ))}
      </ol>
    </nav>
  ) : null;
