/**
 * Route policies the plugin attaches to other plugins' routes (../route-guards.ts says which).
 * They run after Strapi has authenticated the admin and checked the route's own permission,
 * and decide what Strapi's controllers there leave undecided: whether the actor may act on
 * *these* files, or read *these* documents. Both ask the actor's own permission rules (the
 * conditions such as admin::is-creator the roles carry, services/roles.ts), so no role name is
 * written here: an editor passes, a reporter passes for what is theirs.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const FILE = 'plugin::upload.file';
const FOLDER = 'plugin::upload.folder';
const UPDATE_FILES = 'plugin::upload.assets.update';

/** Strapi's policy context copies the koa context's own properties: `query` is on `request` only. */
type PolicyContext = { state: any; params: Record<string, any>; request: { body?: any; query?: Record<string, any> } };

const ids = (value: unknown): Array<string | number> =>
  [value ?? []].flat(2).filter((v): v is string | number => (typeof v === 'string' && v !== '') || typeof v === 'number');

/** Which files and folders a request to an upload route acts on (see route-guards.ts). */
export const uploadTargets = (ctx: PolicyContext, mode: string): { files: Array<string | number>; folders: Array<string | number>; all?: boolean } => {
  const body = ctx.request.body ?? {};
  switch (mode) {
    case 'file-param':
      return { files: ids(ctx.params.id), folders: [] };
    case 'file-query':
      return { files: ids(ctx.request.query?.id), folders: [] };
    case 'folder-param':
      return { files: [], folders: ids(ctx.params.id) };
    case 'bulk':
      return { files: ids(body.fileIds), folders: ids(body.folderIds) };
    case 'bulk-update':
      return { files: ids((body.updates ?? []).map?.((u: { id?: unknown }) => u?.id)), folders: [] };
    case 'every-file':
      return { files: [], folders: [], all: true };
    default:
      throw new Error(`upload-owner: unknown mode ${mode}`);
  }
};

const refuse = (en: string, zh: string): never => {
  throw new errors.PolicyError(`${en} / ${zh}`);
};

const uploadOwner = async (ctx: PolicyContext, config: { mode: string }, { strapi }: { strapi: Core.Strapi }) => {
  const { userAbility } = ctx.state;
  const pm = strapi.service('admin::permission').createPermissionsManager({ ability: userAbility, action: UPDATE_FILES, model: FILE });
  const may = (entity: any, model: string) => pm.ability.can(UPDATE_FILES, pm.toSubject(entity, model));
  const withCreator = { createdBy: { populate: ['roles'] } } as const;
  const targets = uploadTargets(ctx, config.mode);
  // A subject nobody created: allowed only to those whose right is not limited to their own files.
  const mayChangeOthers = may({ id: 0, createdBy: { id: 0, roles: [] } }, FILE);
  if (mayChangeOthers) return true;
  if (targets.all) {
    refuse('only those who may change every file may start this for every file', '只有可修改所有文件的人才能对所有文件执行此操作');
  }
  const numeric = (list: Array<string | number>) => list.map(Number).filter(Number.isInteger);
  const folders = numeric(targets.folders).length
    ? await strapi.db.query(FOLDER).findMany({ where: { id: { $in: numeric(targets.folders) } }, populate: withCreator })
    : [];
  for (const folder of folders) {
    if (!may(folder, FOLDER)) refuse(`folder ${folder.id} is not yours: you may change only your own files and folders`, `文件夹 ${folder.id} 不是你创建的：只能修改自己的文件和文件夹`);
  }
  // A folder's contents go where it goes (moved or deleted with it): they must be yours too.
  const inside = folders.length
    ? await strapi.db.query(FILE).findMany({
        where: { $or: folders.flatMap((f: any) => [{ folderPath: f.path }, { folderPath: { $startsWith: `${f.path}/` } }]) },
        populate: withCreator,
      })
    : [];
  const subfolders = folders.length
    ? await strapi.db.query(FOLDER).findMany({ where: { $or: folders.map((f: any) => ({ path: { $startsWith: `${f.path}/` } })) }, populate: withCreator })
    : [];
  for (const folder of subfolders) {
    if (!may(folder, FOLDER)) refuse(`folder ${folder.id} is not yours: you may change only your own files and folders`, `文件夹 ${folder.id} 不是你创建的：只能修改自己的文件和文件夹`);
  }
  const listed = numeric(targets.files).length
    ? await strapi.db.query(FILE).findMany({ where: { id: { $in: numeric(targets.files) } }, populate: withCreator })
    : [];
  for (const file of [...listed, ...inside]) {
    if (!may(file, FILE)) refuse(`file ${file.id} is not yours: you may change only your own files and folders`, `文件 ${file.id} 不是你上传的：只能修改自己的文件和文件夹`);
  }
  return true;
};

/** Where a side route carries the documents it reads (see route-guards.ts). */
export interface ReadConfig {
  /** The content type: 'params.model', 'body.model' … */
  model: string;
  /** Document ids ('query.documentIds') or, with `entityIds`, row ids ('body.id'). */
  ids: string;
  entityIds?: boolean;
  /** Where the locale read is ('query.locale'): then that locale's versions are the ones checked. */
  locale?: string;
}

const pick = (ctx: PolicyContext, path: string): unknown => {
  const [where, key] = path.split('.');
  const source = where === 'params' ? ctx.params : where === 'query' ? ctx.request.query : ctx.request.body ?? {};
  return source?.[key];
};

const mayReadDocuments = async (ctx: PolicyContext, config: ReadConfig, { strapi }: { strapi: Core.Strapi }) => {
  const model = pick(ctx, config.model);
  if (typeof model !== 'string' || !strapi.contentTypes[model as keyof typeof strapi.contentTypes]) return true; // Strapi answers unknown models itself
  const wanted = ids(pick(ctx, config.ids));
  if (wanted.length === 0) return true;
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ctx.state.userAbility, model });
  // Only rules with conditions (own documents) need the rows; everyone else may read them all.
  if (!checker.requiresEntity.read()) return true;
  const column = config.entityIds ? 'id' : 'documentId';
  const locale = config.locale ? pick(ctx, config.locale) : undefined;
  const rows = await strapi.db.query(model as never).findMany({
    where: {
      [column]: { $in: config.entityIds ? wanted.map(Number).filter(Number.isInteger) : wanted.map(String) },
      ...(typeof locale === 'string' && locale ? { locale } : {}),
    },
    populate: { createdBy: { populate: ['roles'] } },
  });
  // Every version read must be readable, as the Content Manager checks the version it opens.
  const unreadable = rows.find((row: any) => checker.cannot.read(row));
  if (unreadable) refuse(`you may not read document ${unreadable.documentId}`, `你无权查看文档 ${unreadable.documentId}`);
  return true;
};

export default {
  'upload-owner': uploadOwner,
  'may-read-documents': mayReadDocuments,
};
