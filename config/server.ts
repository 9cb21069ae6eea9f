export default ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // PUBLIC_URL: the site's address, or several separated by commas (the first is canonical).
  // Absolute links and the admin's allowed origins come from it, never from the Host header.
  url: env('PUBLIC_URL', '').split(',')[0].trim(),
  // Trust X-Forwarded-For only behind your own proxy: otherwise any client could pick its address.
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  // No update checks: the newsroom runs without internet access.
  logger: { updates: { enabled: false } },
  app: {
    keys: env.array('APP_KEYS'),
  },
  cron: { enabled: env.bool('CRON_ENABLED', true) },
});
