/**
 * One Chronicle instance in its own Node process, for the several-instances test
 * (tests/api/instances.test.ts): boots the built app with createStrapi({appDir, distDir}),
 * listens on a free port, says `{ready, port}` over IPC, then runs the few service calls the
 * test asks for (create a draft, save it, walk the workflow, publishDue, read the audit trail) and
 * answers each with `{id, ok, value | status, message}`. The database comes from the
 * environment the parent gives it.
 */
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const TEST_ACTOR = { kind: 'system', name: 'system:test', permissions: new Set(['submit', 'approve', 'publish']) };

async function main() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  strapi.log.level = 'error';
  await strapi.listen();
  const workflow = strapi.plugin('chronicle').service('workflow');

  const commands = {
    async create({ uid, data }) {
      const created = await strapi.documents(uid).create({ locale: 'zh-Hans', data });
      return created.documentId;
    },
    async walk({ uid, documentId, states }) {
      for (const to of states) await workflow.transition({ uid, documentId, locale: 'zh-Hans', to }, TEST_ACTOR);
      return workflow.stateOf(uid, documentId, 'zh-Hans');
    },
    async transition({ input }) {
      try {
        await workflow.transition(input, TEST_ACTOR);
        return 200;
      } catch (error) {
        return error.status ?? 500;
      }
    },
    /** A content save as the Content Manager makes it: with the save counter the form loaded. */
    async save({ uid, documentId, data }) {
      try {
        const saved = await strapi.documents(uid).update({ documentId, locale: 'zh-Hans', data });
        return { status: 200, revision: saved.revision, title: saved.title };
      } catch (error) {
        return { status: error.status ?? 500, message: String(error.message) };
      }
    },
    async draft({ uid, documentId }) {
      return strapi.documents(uid).findOne({ documentId, locale: 'zh-Hans', status: 'draft' });
    },
    async schedule({ uid, documentId, publishAt }) {
      await workflow.transition({ uid, documentId, locale: 'zh-Hans', to: 'scheduled', publishAt }, TEST_ACTOR);
    },
    /** Move a schedule into the past, as if its time had come (cf. tests/api/workflow.test.ts). */
    async backdate({ uid, documentIds }) {
      await strapi.db.query(uid).updateMany({ where: { documentId: { $in: documentIds } }, data: { scheduledFor: new Date(Date.now() - 1000).toISOString() } });
    },
    async publishDue() {
      return workflow.publishDue();
    },
    async audit({ uid, documentIds }) {
      return strapi.db.query('plugin::chronicle.workflow-transition').findMany({
        where: { contentUid: uid, subjectDocumentId: { $in: documentIds } },
        select: ['subjectDocumentId', 'from', 'to', 'actorName'],
      });
    },
    async stop() {
      await strapi.destroy();
      setImmediate(() => process.exit(0));
    },
  };

  process.on('message', async (message) => {
    const { id, command, args } = message;
    try {
      const value = await commands[command](args ?? {});
      process.send({ id, ok: true, value });
    } catch (error) {
      process.send({ id, ok: false, status: error.status, message: String(error.message ?? error) });
    }
  });
  process.send({ ready: true, port: strapi.server.httpServer.address().port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
