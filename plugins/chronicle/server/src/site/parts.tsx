/** Small pieces several pages share: bylines, event lists, people links, figures, portraits. */
import type { SiteContext } from './context';
import type { CorrectionData, EventData, FigureData, ProfileSummary, ReportSummary } from './data';
import type { UnitNode } from './unit-tree';
import { pathOf } from './routes';
import { newsroomClock } from '../domain/time-zone';

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
          <CorrectionNotes ctx={ctx} corrections={e.corrections} />
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
        <FigureSource ctx={ctx} figure={f} />
        <CorrectionNotes ctx={ctx} corrections={f.corrections} />
      </li>
    ))}
  </ul>
);

/** The day of an instant in the newsroom's time zone (Asia/Shanghai), in the reader's language. */
export const readerDay = (ctx: SiteContext, iso: string) => {
  const c = newsroomClock(new Date(iso));
  return ctx.t.verify.day(c.year, c.month, c.day);
};

/** What a source says in one line: a document (and page), a web page, an official's statement, or the reporter's own count. */
export const sourceText = (ctx: SiteContext, source: NonNullable<FigureData['verification']['source']>) => {
  const v = ctx.t.verify;
  switch (source.kind) {
    case 'document':
      return source.page ? v.page(source.title ?? '', source.page) : (source.title ?? '');
    case 'url':
      return source.url ?? '';
    case 'statement':
      return v.statement(source.name ?? '', source.office ?? '');
    default:
      return v.ownCount;
  }
};

/**
 * "How we know" under a figure (issue #17): 来源：…，核实于2026年12月3日 / Source: …, verified 3 Dec
 * 2026; a figure not yet checked says so (未核实). Disputed figures never reach a list.
 */
export const FigureSource = ({ ctx, figure }: { ctx: SiteContext; figure: Pick<FigureData, 'verification'> }) => {
  const { state, source, checkedAt } = figure.verification;
  const v = ctx.t.verify;
  const link = source?.kind === 'url' && source.url && /^https?:\/\//i.test(source.url);
  return (
    <small className={`figure-source figure-${state}`} data-verification={state}>
      {source ? (
        <>
          {v.source}
          {link ? (
            <a href={source.url!} rel="nofollow noopener">
              {source.url}
            </a>
          ) : (
            sourceText(ctx, source)
          )}
        </>
      ) : null}
      {state === 'verified' && checkedAt ? v.verifiedOn(readerDay(ctx, checkedAt)) : `${source ? ' · ' : ''}${state === 'disputed' ? v.disputed : v.unverified}`}
    </small>
  );
};

/** A published report citing disputed figures names them, without their numbers. */
export const DisputedFigures = ({ ctx, figures }: { ctx: SiteContext; figures: Array<{ slug: string; label: string }> }) =>
  figures.length ? (
    <p className="figures-disputed">
      <strong>{ctx.t.verify.disputed}</strong> {ctx.t.verify.disputedIntro} {figures.map((f) => f.label).join(ctx.locale === 'en' ? ', ' : '、')}
    </p>
  ) : null;

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

/** One correction: its kind, its date and time (Asia/Shanghai), its text. */
const CorrectionItem = ({ ctx, c }: { ctx: SiteContext; c: CorrectionData }) => (
  <>
    <strong className="correction-kind">{ctx.t.correctionKinds[c.kind] ?? c.kind}</strong>
    {c.date ? (
      <>
        {' '}
        <time dateTime={c.date}>{c.displayDate}</time>
      </>
    ) : null}
    {ctx.locale === 'en' ? ': ' : '：'}
    {c.text}
  </>
);

/** A record's corrections, under their own heading (nothing when there are none). */
export const Corrections = ({ ctx, corrections, id = 'corrections' }: { ctx: SiteContext; corrections: CorrectionData[]; id?: string }) =>
  corrections.length ? (
    <aside className="corrections" aria-labelledby={id}>
      <h2 id={id}>{ctx.t.corrections}</h2>
      <ul>
        {corrections.map((c, i) => (
          <li key={i}>
            <CorrectionItem ctx={ctx} c={c} />
          </li>
        ))}
      </ul>
    </aside>
  ) : null;

/** An item's corrections inside a list (an event, a figure): no heading, labelled for screen readers. */
export const CorrectionNotes = ({ ctx, corrections }: { ctx: SiteContext; corrections: CorrectionData[] | undefined }) =>
  corrections?.length ? (
    <ul className="correction-notes" aria-label={ctx.t.corrections}>
      {corrections.map((c, i) => (
        <li key={i}>
          <CorrectionItem ctx={ctx} c={c} />
        </li>
      ))}
    </ul>
  ) : null;

/** The corrections of the figures on a page, each under the figure it corrects (nothing when none is corrected). */
export const FigureCorrections = ({ ctx, figures }: { ctx: SiteContext; figures: FigureData[] }) => {
  const corrected = figures.filter((f) => f.corrections?.length);
  return corrected.length ? (
    <aside className="corrections" aria-labelledby="figure-corrections">
      <h2 id="figure-corrections">{ctx.t.correctionsPage.ofFigures}</h2>
      <ul>
        {corrected.map((f) => (
          <li key={f.slug} id={`figure-${f.slug}`} lang={f.locale !== ctx.locale ? f.locale : undefined}>
            <strong className="figure">{figureText(ctx, f)}</strong> {f.label}
            {f.unit ? ` · ${f.unit.name}` : ''}
            <CorrectionNotes ctx={ctx} corrections={f.corrections} />
          </li>
        ))}
      </ul>
    </aside>
  ) : null;
};
/**
 * On an English page whose Chinese original changed after it was translated (the record's
 * `translationStale`): a notice that the English may lag behind. Nothing in Chinese.
 */
export const TranslationStaleNotice = ({ ctx, record }: { ctx: SiteContext; record: { translationStale: boolean; fallback: boolean } }) =>
  record.translationStale && !record.fallback && ctx.t.translationStaleNotice ? (
    <p className="notice translation-stale-notice" role="note" data-testid="translation-stale">
      {ctx.t.translationStaleNotice}
    </p>
  ) : null;
