/**
 * Preloaded into the bench instance by bench/uncached-profile.js (`node --require`): appends
 * every SQL statement knex runs, with the milliseconds until its answer, to the file
 * CHRONICLE_QUERY_LOG names while that file exists, so the parent can count and time the statements of one request.
 * Waits for Strapi's database connection to exist. Writes its pid beside the file.
 */
const fs = require('node:fs');

const file = process.env.CHRONICLE_QUERY_LOG;
if (file) {
  // The parent reads this process's CPU time from /proc/<pid>/stat (bench/uncached-profile.js).
  fs.writeFileSync(`${file}.pid`, String(process.pid));
  const started = new Map();
  const timer = setInterval(() => {
    const connection = global.strapi?.db?.connection;
    if (!connection) return;
    clearInterval(timer);
    // Only while the file exists: the parent removes it before a load, so nothing is timed then.
    connection.on('query', (q) => fs.existsSync(file) && started.set(q.__knexQueryUid, process.hrtime.bigint()));
    connection.on('query-response', (_response, q) => {
      const t = started.get(q.__knexQueryUid);
      if (!t) return;
      started.delete(q.__knexQueryUid);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      fs.appendFileSync(file, `${ms.toFixed(2)} ms  ${q.sql} ${JSON.stringify(q.bindings ?? [])}\n\u0000\n`);
    });
  }, 50);
  timer.unref();
}
