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
  // Content Manager / Media Library lists: no filtering or sorting on admin users' e-mail, roles or tokens.
  'plugin::chronicle.admin-query-guard',
  // JSON bodies up to 6 MB: POST /chronicle/extract takes a report's text of up to 5 MB
  // (a 1 MB default would answer 413 before the route can say what is wrong).
  { name: 'strapi::body', config: { jsonLimit: '6mb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
