/**
 * Every row of the plugin's tables (documents, components, links) and of the media library's
 * files table, for tests that assert a refused write changed nothing at all.
 */
import type { Core } from '@strapi/strapi';

export async function databaseSnapshot(strapi: Core.Strapi): Promise<Record<string, unknown[]>> {
  const knex = strapi.db.connection;
  const tables = new Set<string>();
  for (const meta of strapi.db.metadata.values() as Iterable<any>) {
    if (typeof meta.tableName === 'string' && (meta.tableName.startsWith('chronicle_') || meta.tableName === 'files')) tables.add(meta.tableName);
    for (const attribute of Object.values(meta.attributes ?? {}) as any[]) {
      const joinTable = attribute?.joinTable?.name;
      if (typeof joinTable === 'string' && (joinTable.startsWith('chronicle_') || joinTable.startsWith('files_'))) tables.add(joinTable);
    }
  }
  const out: Record<string, unknown[]> = {};
  for (const table of [...tables].sort()) {
    if (!(await knex.schema.hasTable(table))) continue;
    const rows = await knex(table).select('*');
    out[table] = rows
      .map((row: Record<string, unknown>) => JSON.stringify(row, Object.keys(row).sort()))
      .sort();
  }
  return out;
}
