/**
 * Public lists page by slug (the honour roll, figures) with keyset cursors, and answers must
 * be the same on SQLite and PostgreSQL. SQLite compares text byte by byte; PostgreSQL uses
 * the database's collation, and a language collation such as en_US.UTF-8 ignores hyphens
 * at first, so `li-na` and `lina-2` come in another order. A bytewise collation (C, C.UTF-8,
 * POSIX) orders slugs as SQLite does. Pure module.
 */
const BYTEWISE = /^(c|posix|c\.utf-?8)$/i;

export const isBytewiseCollation = (collation: string | null | undefined): boolean => BYTEWISE.test((collation ?? '').trim());

export const collationWarning = (database: string, collation: string): string =>
  `chronicle: database "${database}" sorts text by the "${collation}" collation; public lists ordered by slug ` +
  'will differ from SQLite\'s order. Create the database with LC_COLLATE "C.UTF-8" (see docs/deploy.md, PostgreSQL).';
