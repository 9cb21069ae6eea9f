import { publicRouteAuth } from '../../auth/public-role';

/**
 * Public, read-only routes under /api/chronicle. Each is granted to the Public role at bootstrap,
 * and an anonymous request is let through on that role's actions as read once (auth/public-role.ts).
 */
const config = () => ({ policies: [] as string[], auth: publicRouteAuth() });
const publicRoute = (path: string, action: string) => ({
  method: 'GET',
  path,
  handler: `public-api.${action}`,
  config: config(),
});

export default {
  type: 'content-api' as const,
  routes: [
    {
      method: 'GET',
      path: '/status',
      handler: 'status.show',
      config: config(),
    },
    // The public read API (docs/api.md); GET routes answer HEAD as well.
    publicRoute('/timeline', 'timeline'),
    publicRoute('/timeline/timelinejs', 'timelinejs'),
    // The live timeline (Server-Sent Events; services/live.ts): its own controller, never cached.
    { method: 'GET', path: '/timeline/live', handler: 'live.timeline', config: config() },
    publicRoute('/reports', 'reports'),
    publicRoute('/reports/:slug', 'report'),
    publicRoute('/profiles', 'profiles'),
    publicRoute('/profiles/:slug', 'profile'),
    publicRoute('/chronicles/:slug', 'chronicle'),
    publicRoute('/statistics', 'statistics'),
    publicRoute('/units', 'units'),
    // oEmbed for the timeline, commendation and report pages (docs/api.md#oembed).
    publicRoute('/oembed', 'oembed'),
    publicRoute('/corrections', 'corrections'),
    publicRoute('/corrections/feed.xml', 'correctionsFeed'),
    publicRoute('/feed.xml', 'feedAtom'),
    publicRoute('/feed.json', 'feedJson'),
    publicRoute('/openapi.json', 'openapi'),
    publicRoute('/search', 'search'),
  ],
};
