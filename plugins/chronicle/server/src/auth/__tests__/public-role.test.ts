import { publicRoleStrategy, publicRouteAuth, PUBLIC_ROLE_STRATEGY, STOCK_CONTENT_API_STRATEGIES } from '../public-role';

const TIMELINE = 'plugin::chronicle.public-api.timeline';
const route = { handler: 'public-api.timeline', info: { pluginName: 'chronicle' } };
const ctx = (headers: Record<string, string> = {}, r: unknown = route) => ({ request: { header: headers }, state: { route: r } });

let held: Set<string>;
let asked: string[];
beforeEach(() => {
  held = new Set([TIMELINE]);
  asked = [];
  (globalThis as any).strapi = {
    plugin: (name: string) => ({
      service: (service: string) => {
        expect([name, service]).toEqual(['chronicle', 'public-cache']);
        return { publicMay: async (action: string) => (asked.push(action), held.has(action)) };
      },
    }),
  };
});
afterAll(() => {
  delete (globalThis as any).strapi;
});

describe('the Public role strategy', () => {
  it('lets an anonymous request through on the action of its route, when the role holds it', async () => {
    expect(await publicRoleStrategy.authenticate(ctx())).toEqual({ authenticated: true, credentials: null, ability: { action: TIMELINE } });
    expect(asked).toEqual([TIMELINE]);
  });

  it('declines (Strapi strategies decide) a token, a route the role does not hold, a route without an action', async () => {
    expect(await publicRoleStrategy.authenticate(ctx({ authorization: 'Bearer abc' }))).toEqual({ authenticated: false });
    expect(asked).toEqual([]);
    held.clear();
    expect(await publicRoleStrategy.authenticate(ctx())).toEqual({ authenticated: false });
    expect(await publicRoleStrategy.authenticate(ctx({}, { handler: () => undefined }))).toEqual({ authenticated: false });
    expect(await publicRoleStrategy.authenticate(ctx({}, undefined))).toEqual({ authenticated: false });
  });

  it('verifies only the scope it authenticated', () => {
    const auth = { ability: { action: TIMELINE } };
    expect(() => publicRoleStrategy.verify(auth, { scope: [TIMELINE] })).not.toThrow();
    expect(() => publicRoleStrategy.verify(auth, { scope: ['plugin::chronicle.public-api.units'] })).toThrow(/Forbidden/);
    expect(() => publicRoleStrategy.verify(auth, { scope: [TIMELINE, 'plugin::chronicle.public-api.units'] })).toThrow(/Forbidden/);
    expect(() => publicRoleStrategy.verify(auth, { scope: [] })).toThrow(/Forbidden/);
    expect(() => publicRoleStrategy.verify(auth, {})).toThrow(/Forbidden/);
    expect(() => publicRoleStrategy.verify({ ability: null }, { scope: [TIMELINE] })).toThrow(/Forbidden/);
  });

  it("comes first on a public route, then Strapi's own strategies by name", () => {
    const { strategies } = publicRouteAuth();
    expect(strategies[0]).toBe(publicRoleStrategy);
    expect(publicRoleStrategy.name).toBe(PUBLIC_ROLE_STRATEGY);
    expect(strategies.slice(1)).toEqual([...STOCK_CONTENT_API_STRATEGIES]);
    expect(STOCK_CONTENT_API_STRATEGIES).toEqual(['content-api-token', 'users-permissions']);
  });
});
