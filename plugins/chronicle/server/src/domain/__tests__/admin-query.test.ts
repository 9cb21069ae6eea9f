import { accountRelationNames, forbiddenFilterPath, forbiddenSortPath, sortPaths, UNKNOWN_MODEL, withUnknownModel, type ModelShape } from '../admin-query';

const MODELS: Record<string, ModelShape> = {
  report: {
    attributes: {
      title: { type: 'string' },
      createdBy: { type: 'relation', target: 'admin::user' },
      updatedBy: { type: 'relation', target: 'admin::user' },
      bylines: { type: 'component', component: 'byline' },
    },
  },
  byline: { attributes: { contributor: { type: 'relation', target: 'contributor' } } },
  contributor: { attributes: { name: { type: 'string' }, adminUser: { type: 'relation', target: 'admin::user' } } },
  'admin::user': {
    attributes: {
      firstname: { type: 'string' },
      lastname: { type: 'string' },
      email: { type: 'email' },
      password: { type: 'password' },
      roles: { type: 'relation', target: 'admin::role' },
    },
  },
  'admin::role': { attributes: { code: { type: 'string' } } },
};
const lookup = (uid: string) => MODELS[uid];

describe('forbiddenFilterPath', () => {
  test.each([
    [{ title: { $contains: 'x' } }],
    [{ createdBy: { id: { $eq: 1 } } }],
    [{ $and: [{ createdBy: { id: { $eq: '1' } } }, { updatedBy: { lastname: { $eq: 'Wang' } } }] }],
    [{ title: { $in: ['a', 'b'] } }],
    [undefined],
    ['createdBy'],
  ])('allows %j', (filters) => {
    expect(forbiddenFilterPath(filters, 'report', lookup)).toBeNull();
  });

  test.each([
    [{ createdBy: { email: { $startsWith: 'a' } } }, 'createdBy.email'],
    [{ updatedBy: { password: { $startsWith: '$' } } }, 'updatedBy.password'],
    [{ $or: [{ title: 'x' }, { createdBy: { roles: { code: { $eq: 'strapi-editor' } } } }] }, 'createdBy.roles'],
    [{ $not: { createdBy: { resetPasswordToken: { $null: true } } } }, 'createdBy.resetPasswordToken'],
    [{ $and: [{ $or: [{ $not: { updatedBy: { email: 'a@b.c' } } }] }] }, 'updatedBy.email'],
    [{ bylines: { contributor: { adminUser: { email: { $contains: '@' } } } } }, 'bylines.contributor.adminUser.email'],
    [{ createdBy: { $or: [{ id: 1 }, { email: 'x' }] } }, 'createdBy.email'],
  ])('refuses %j, naming %s', (filters, path) => {
    expect(forbiddenFilterPath(filters, 'report', lookup)).toBe(path);
  });
});

describe('sort', () => {
  test('every shape Strapi accepts becomes field paths', () => {
    expect(sortPaths('title:asc,createdBy.email:desc')).toEqual([['title'], ['createdBy', 'email']]);
    expect(sortPaths(['updatedBy.lastname:ASC', 'title'])).toEqual([['updatedBy', 'lastname'], ['title']]);
    expect(sortPaths({ createdBy: { email: 'asc' } })).toEqual([['createdBy', 'email']]);
    expect(sortPaths([{ title: 'desc' }, { createdBy: { firstname: 'asc' } }])).toEqual([['title'], ['createdBy', 'firstname']]);
  });

  test.each([
    ['createdBy.email:asc', 'createdBy.email'],
    [['title:asc', 'updatedBy.password:desc'], 'updatedBy.password'],
    [{ createdBy: { roles: { code: 'asc' } } }, 'createdBy.roles'],
  ])('refuses %j', (sort, path) => {
    expect(forbiddenSortPath(sort, 'report', lookup)).toBe(path);
  });

  test.each(['title:asc', 'updatedBy.lastname:desc', ['createdBy.firstname'], undefined])('allows %j', (sort) => {
    expect(forbiddenSortPath(sort, 'report', lookup)).toBeNull();
  });
});

describe('queries on a route whose model is not known', () => {
  const relations = accountRelationNames(Object.values(MODELS));
  const anyLookup = withUnknownModel(lookup, relations);

  test('every relation to an account in the schema is found', () => {
    expect([...relations.entries()].sort()).toEqual([
      ['adminUser', 'admin::user'],
      ['createdBy', 'admin::user'],
      ['updatedBy', 'admin::user'],
    ]);
  });

  test.each([
    [{ createdBy: { email: { $startsWith: 'a' } } }, 'createdBy.email'],
    [{ release: { actions: { updatedBy: { password: { $null: true } } } } }, 'release.actions.updatedBy.password'],
    [{ $or: [{ name: 'x' }, { entry: { adminUser: { roles: { code: 'x' } } } }] }, 'entry.adminUser.roles'],
  ])('refuses %j at any depth', (filters, path) => {
    expect(forbiddenFilterPath(filters, UNKNOWN_MODEL, anyLookup)).toBe(path);
  });

  test.each([[{ name: { $contains: 'x' } }], [{ createdBy: { id: 1, firstname: 'Li' } }], [{ a: { b: { c: 1 } } }]])('allows %j', (filters) => {
    expect(forbiddenFilterPath(filters, UNKNOWN_MODEL, anyLookup)).toBeNull();
  });

  test('sorts too', () => {
    expect(forbiddenSortPath('entries.createdBy.email:asc', UNKNOWN_MODEL, anyLookup)).toBe('entries.createdBy.email');
    expect(forbiddenSortPath(['name:asc', 'createdBy.lastname:desc'], UNKNOWN_MODEL, anyLookup)).toBeNull();
  });
});
