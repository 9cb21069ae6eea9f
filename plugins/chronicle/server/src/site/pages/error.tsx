/** 400, 404, 410 (withdrawn, with the editors' notice) and 500 pages: never a stack trace. */
import type { SiteContext } from '../context';
import { Layout } from '../layout';
import { pathOf } from '../routes';

export interface ErrorInfo {
  status: 400 | 404 | 410 | 500;
  /** For 400: which parameter was wrong (the validator's message, no internals). */
  message?: string;
  withdrawal?: { reason: string | null; date: string | null } | null;
  /** A withdrawn person: the page says nothing else about them (docs/security.md). */
  person?: boolean;
}

export const ErrorPage = ({ ctx, error }: { ctx: SiteContext; error: ErrorInfo }) => {
  const { t } = ctx;
  const title = { 400: t.badRequest, 404: t.notFound, 410: t.gone, 500: t.serverError }[error.status];
  return (
    <Layout ctx={ctx} title={title} noindex bodyClass="page-error">
      <h1>{title}</h1>
      {error.status === 400 ? (
        <p>
          {t.badRequestText}
          <code>{error.message}</code>
        </p>
      ) : null}
      {error.status === 404 ? <p>{t.notFoundText}</p> : null}
      {error.status === 410 ? (
        <div className="notice withdrawn-notice" role="note">
          <p>{error.person ? t.goneProfile : t.goneText}</p>
          {error.withdrawal?.reason ? (
            <p>
              {t.withdrawnReason}: {error.withdrawal.reason}
            </p>
          ) : null}
          {error.withdrawal?.date ? (
            <p>
              {t.withdrawnOn}: <time dateTime={error.withdrawal.date}>{error.withdrawal.date.slice(0, 10)}</time>
            </p>
          ) : null}
        </div>
      ) : null}
      {error.status === 500 ? <p>{t.serverErrorText}</p> : null}
      <p>
        <a href={ctx.href(pathOf('home'))}>{t.backHome}</a>
      </p>
    </Layout>
  );
};
