export default [
  'strapi::logger',
  'strapi::errors',
  'plugin::chronicle.rate-limit',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Every admin route (Content Manager lists and relation pickers, Media Library, plugins'): no
  // filtering or sorting on admin users' e-mail, roles or tokens.
  'plugin::chronicle.admin-query-guard',
  // JSON bodies up to 6 MB: POST /chronicle/extract takes a report's text of up to 5 MB
  // (a 1 MB default would answer 413 before the route can say what is wrong).
  { name: 'strapi::body', config: { jsonLimit: '6mb' } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
