export default [
  'strapi::logger',
  'strapi::errors',
  'plugin::chronicle.rate-limit',
  'strapi::security',
  // CORS: the public API and feeds for any site, without credentials; every other route only
  // from PUBLIC_URL's origins (plugin::chronicle.cors). Strapi's own, which it requires, then
  // allows no origin: it answers nothing that ours has not already answered.
  'plugin::chronicle.cors',
  { name: 'strapi::cors', config: { origin: [], credentials: false } },
  'strapi::poweredBy',
  'strapi::query',
  // Every admin route (Content Manager lists and relation pickers, Media Library, plugins'): no
  // filtering or sorting on admin users' e-mail, roles or tokens.
  'plugin::chronicle.admin-query-guard',
  // JSON bodies up to 2 MB: POST /chronicle/extract takes a report's text of up to 1 MB and
  // answers 413 itself above that, saying why in Chinese and English (a 1 MB body limit would
  // answer first, with a bare message); above 2 MB the body parser answers 413.
  { name: 'strapi::body', config: { jsonLimit: '2mb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
