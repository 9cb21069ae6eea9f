// Tests: no cron ticking under jest, quiet and fast.
export default ({ env }) => ({
  host: '127.0.0.1',
  port: env.int('PORT', 0),
  // No update checks: the newsroom runs without internet access.
  logger: { updates: { enabled: false } },
  app: { keys: env.array('APP_KEYS') },
  cron: { enabled: false },
});
