import type { StrapiApp } from '@strapi/strapi/admin';

/** Strapi keeps the admin's language here; a user's preferred language (profile) replaces it at login. */
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    // The newsroom works in Chinese; English stays available (profile, or the Newsroom page's switch).
    locales: ['zh-Hans'],
    tutorials: false,
    notifications: { releases: false },
  },
  register() {
    // Strapi opens in English unless a language was chosen: the newsroom's admin opens in Chinese.
    try {
      if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'zh-Hans');
    } catch {
      // Storage unavailable (private mode): Strapi falls back to English.
    }
  },
  bootstrap(_app: StrapiApp) {},
};
