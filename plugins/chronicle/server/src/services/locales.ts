/** Ensures the newsroom's locales exist: zh-Hans (the default) and en. Idempotent. */
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES } from '../domain/enums';

const NAMES: Record<string, string> = {
  'zh-Hans': 'Chinese (Simplified) (zh-Hans)',
  en: 'English (en)',
};

const locales = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensure() {
    const service = strapi.plugin('i18n').service('locales');
    for (const code of LOCALES) {
      const existing = await service.findByCode(code);
      if (!existing) await service.create({ code, name: NAMES[code] });
    }
    if ((await service.getDefaultLocale()) !== DEFAULT_LOCALE) {
      await service.setDefaultLocale({ code: DEFAULT_LOCALE });
    }
  },

  async codes(): Promise<string[]> {
    const all = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>;
    return all.map((l) => l.code).sort();
  },
});

export type LocalesService = ReturnType<typeof locales>;
export default locales;
