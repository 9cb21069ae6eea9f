/**
 * The search box: a plain GET form to the search page (works without JavaScript), in the
 * header of every page and at the top of the search page. Pure template.
 */
import type { SiteContext } from './context';
import { pathOf } from './routes';

export const SearchForm = ({ ctx, q, id }: { ctx: SiteContext; q?: string; id: string }) => {
  const s = ctx.t.searchPage;
  return (
    <form role="search" className="search-form" method="get" action={ctx.href(pathOf('search'), {}, 'zh-Hans')} aria-label={s.label}>
      {ctx.locale !== 'zh-Hans' ? <input type="hidden" name="lang" value={ctx.locale} /> : null}
      <label htmlFor={id} className="visually-hidden">
        {s.label}
      </label>
      <input id={id} type="search" name="q" defaultValue={q ?? ''} placeholder={s.placeholder} maxLength={100} required />
      <button type="submit">{s.submit}</button>
    </form>
  );
};
