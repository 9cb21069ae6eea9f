/**
 * The admin tells the server its language. Strapi shows a refusal's `error.message` as it is
 * (the Content Manager's toasts and form errors), and the plugin cannot reach into those
 * toasts; so every request the admin makes carries the admin's own language as its
 * `Accept-Language` (a header browsers let a page set, with no CORS preflight), and the server
 * writes its refusals in that language (server/src/domain/messages.ts). The admin's language
 * is the one Strapi keeps in localStorage (`strapi-admin-language`, also the `lang` of the
 * page), which may differ from the browser's.
 */

const STORAGE_KEY = 'strapi-admin-language';

/** The admin's current language: what Strapi stored, else the page's `lang`, else the newsroom's zh-Hans. */
export const adminLanguage = (): string => {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored) return stored;
  } catch {
    // Storage refused (private mode): fall through.
  }
  return document.documentElement.getAttribute('lang') || 'zh-Hans';
};

/** Whether a request goes to the admin's own server (relative, same origin, or Strapi's backend URL). */
const toOwnServer = (url: string): boolean => {
  try {
    const target = new URL(url, window.location.href);
    const backend = (window as any).strapi?.backendURL;
    return target.origin === window.location.origin || (backend ? target.origin === new URL(backend, window.location.href).origin : false);
  } catch {
    return false;
  }
};

/** Wraps `window.fetch` once: requests to the admin's server carry the admin's language unless they set one. */
export const sendAdminLanguage = () => {
  const original = window.fetch as typeof window.fetch & { chronicleLanguage?: boolean };
  if (original.chronicleLanguage) return;
  const wrapped = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!toOwnServer(url)) return original(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (!headers.has('Accept-Language')) headers.set('Accept-Language', adminLanguage());
    return original(input, { ...init, headers });
  }) as typeof window.fetch & { chronicleLanguage?: boolean };
  wrapped.chronicleLanguage = true;
  window.fetch = wrapped;
};
