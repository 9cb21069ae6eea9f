/** The plugin's configuration (config/plugins.ts → chronicle.config), with its defaults. */
export interface ChronicleConfig {
  /** Largest image accepted for upload, in pixels (width × height, all frames). */
  maxImagePixels: number;
  /** Where the public site is served: '/' (default) or a path such as '/news' (SITE_BASE_PATH). */
  sitePath: string;
}

export default {
  default: { maxImagePixels: 40_000_000, sitePath: '/' } satisfies ChronicleConfig,
  validator(config: Partial<ChronicleConfig>) {
    if (config.maxImagePixels !== undefined && (!Number.isInteger(config.maxImagePixels) || config.maxImagePixels < 1)) {
      throw new Error('chronicle.maxImagePixels must be a positive integer');
    }
    // Lower-case path segments only: the site's router matches on them, and '/admin' or '/api' would shadow Strapi.
    if (config.sitePath !== undefined && !/^\/(?:[a-z0-9-]+(?:\/[a-z0-9-]+)*\/?)?$/.test(config.sitePath)) {
      throw new Error("chronicle.sitePath must be '/' or a path of lower-case segments such as '/news'");
    }
    if (config.sitePath && /^\/(admin|api|uploads?|_health|chronicle|i18n|users-permissions|content-manager)(\/|$)/.test(config.sitePath)) {
      throw new Error(`chronicle.sitePath ${config.sitePath} would shadow a Strapi route`);
    }
  },
};
