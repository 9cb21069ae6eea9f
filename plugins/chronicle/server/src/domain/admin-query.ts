/**
 * Which filters and sorts the Content Manager may run on the newsroom's types (docs/security.md,
 * query safety). Strapi drops filters on private fields (an admin's password, reset token),
 * but a filter that walks a relation into the admin users' table may still test their e-mail,
 * roles or activity: `filters[createdBy][email][$startsWith]=a` narrows the list letter by
 * letter, an oracle for a colleague's address to anyone who can read one of their documents.
 * Through `createdBy`, `updatedBy` or a contributor's `adminUser`, only the fields the
 * Content Manager shows (id, names) may be filtered or sorted on.
 * Pure module: no Strapi import; the caller passes a schema lookup.
 */

export interface ModelShape {
  attributes: Record<string, { type: string; target?: string; component?: string }>;
}
export type ModelLookup = (uid: string) => ModelShape | undefined;

/** Models whose rows are people with accounts, and the fields of theirs a query may use. */
export const ACCOUNT_FIELDS: Record<string, readonly string[]> = {
  'admin::user': ['id', 'documentId', 'firstname', 'lastname', 'username'],
};

const LOGICAL = new Set(['$and', '$or', '$not']);

/**
 * The first path through an account model that touches a field not in ACCOUNT_FIELDS, as
 * `createdBy.email`, or null when the filter is safe. Unknown keys are left to Strapi's own
 * validation (which answers "Invalid key …").
 */
export const forbiddenFilterPath = (filters: unknown, uid: string, lookup: ModelLookup, path: string[] = []): string | null => {
  if (Array.isArray(filters)) {
    for (const item of filters) {
      const found = forbiddenFilterPath(item, uid, lookup, path);
      if (found) return found;
    }
    return null;
  }
  if (!filters || typeof filters !== 'object') return null;
  const model = lookup(uid);
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    if (LOGICAL.has(key)) {
      const found = forbiddenFilterPath(value, uid, lookup, path);
      if (found) return found;
      continue;
    }
    if (key.startsWith('$')) continue; // a comparison operator: its value is a value
    const allowed = ACCOUNT_FIELDS[uid];
    if (allowed && !allowed.includes(key)) return [...path, key].join('.');
    const attribute = model?.attributes[key];
    const next = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : undefined;
    if (next) {
      const found = forbiddenFilterPath(value, next, lookup, [...path, key]);
      if (found) return found;
    }
  }
  return null;
};

/** Sort in any of Strapi's shapes ("a.b:asc", ["a:desc"], {a: {b: "asc"}}) as field paths. */
export const sortPaths = (sort: unknown): string[][] => {
  if (typeof sort === 'string') {
    return sort
      .split(',')
      .map((part) => part.trim().split(':')[0])
      .filter(Boolean)
      .map((field) => field.split('.'));
  }
  if (Array.isArray(sort)) return sort.flatMap(sortPaths);
  if (sort && typeof sort === 'object') {
    return Object.entries(sort as Record<string, unknown>).flatMap(([key, value]) =>
      value && typeof value === 'object' ? sortPaths(value).map((rest) => [key, ...rest]) : [[key]]
    );
  }
  return [];
};

/**
 * A lookup for queries whose root model a guard cannot tell (an admin route that takes
 * `filters` on no `:model` param): every key is followed, and a key that names a relation to
 * an account anywhere in the schema (`createdBy`, `updatedBy`, `adminUser` …) leads into that
 * account model. Stricter than the real schema, never looser. UNKNOWN_MODEL is its root uid.
 */
export const UNKNOWN_MODEL = '*';
export const withUnknownModel = (lookup: ModelLookup, accountRelations: ReadonlyMap<string, string>): ModelLookup => {
  const anyModel: ModelShape = {
    attributes: new Proxy({} as ModelShape['attributes'], {
      get: (_target, key) =>
        typeof key === 'string' ? { type: 'relation', target: accountRelations.get(key) ?? UNKNOWN_MODEL } : undefined,
    }),
  };
  return (uid) => (uid === UNKNOWN_MODEL ? anyModel : lookup(uid));
};

/** Attribute names that are relations to an account model, across `models` (name → account uid). */
export const accountRelationNames = (models: Iterable<ModelShape>): Map<string, string> => {
  const names = new Map<string, string>();
  for (const model of models) {
    for (const [name, attribute] of Object.entries(model.attributes ?? {})) {
      if (attribute.type === 'relation' && attribute.target && ACCOUNT_FIELDS[attribute.target]) names.set(name, attribute.target);
    }
  }
  return names;
};

/** The first sort path through an account model that uses a field not in ACCOUNT_FIELDS. */
export const forbiddenSortPath = (sort: unknown, uid: string, lookup: ModelLookup): string | null => {
  for (const fields of sortPaths(sort)) {
    const nested = fields.reduceRight<unknown>((inner, key) => ({ [key]: inner }), 'asc');
    const found = forbiddenFilterPath(nested, uid, lookup);
    if (found) return found;
  }
  return null;
};
