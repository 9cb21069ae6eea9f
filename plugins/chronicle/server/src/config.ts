/** The plugin's configuration (config/plugins.ts → chronicle.config), with its defaults. */
import { parseEmbedOrigins } from './domain/embed';
import type { RateLimitConfig } from './domain/rate-limiter';
import { DEFAULT_LIMITS, type ValidationLimits } from './domain/validation';
import { parseSubscriptions, type WebhookSubscription } from './domain/webhooks';

export interface ChronicleConfig {
  /** Origins that may frame the /embed/* pages (EMBED_ORIGINS, comma-separated; domain/embed.ts). Empty: the site itself only. */
  embedOrigins: string | string[];
  /** Largest image accepted for upload, in pixels (width × height, all frames). */
  maxImagePixels: number;
  /** Per-address limits; a max of 0 turns a limit off. */
  rateLimit: RateLimitConfig;
  /** Where the public site is served: '/' (default) or a path such as '/news' (SITE_BASE_PATH). */
  sitePath: string;
  /** Ranges every write is held to (domain/validation checkRanges): years of dates, largest figure. */
  validation: ValidationLimits;
  /** Workflow webhooks that work in CE (domain/webhooks, CHRONICLE_WEBHOOKS). */
  webhooks: WebhookSubscription[];
}

const DEFAULTS: ChronicleConfig = {
  embedOrigins: '',
  maxImagePixels: 40_000_000,
  sitePath: '/',
  validation: DEFAULT_LIMITS,
  webhooks: [],
  rateLimit: {
    publicApi: { max: 600, windowSeconds: 60 },
    signIn: { maxFailures: 10, windowSeconds: 15 * 60 },
    site: { max: 300, windowSeconds: 60 },
    store: 'auto',
  },
};

const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;

export default {
  default: DEFAULTS,
  validator(config: Partial<ChronicleConfig>) {
    if (config.maxImagePixels !== undefined && (!Number.isInteger(config.maxImagePixels) || config.maxImagePixels < 1)) {
      throw new Error('chronicle.maxImagePixels must be a positive integer');
    }
    const limits = config.rateLimit;
    if (limits) {
      if (!isCount(limits.publicApi?.max) || !(limits.publicApi?.windowSeconds > 0)) {
        throw new Error('chronicle.rateLimit.publicApi needs max (0 or more) and windowSeconds (more than 0)');
      }
      if (!isCount(limits.signIn?.maxFailures) || !(limits.signIn?.windowSeconds > 0)) {
        throw new Error('chronicle.rateLimit.signIn needs maxFailures (0 or more) and windowSeconds (more than 0)');
      }
      if (limits.site !== undefined && (!isCount(limits.site.max) || !(limits.site.windowSeconds > 0))) {
        throw new Error('chronicle.rateLimit.site needs max (0 or more) and windowSeconds (more than 0)');
      }
      if (limits.store !== undefined && !['auto', 'memory', 'postgres', 'redis'].includes(limits.store)) {
        throw new Error("chronicle.rateLimit.store (RATE_LIMIT_STORE) must be 'auto', 'memory', 'postgres' or 'redis'");
      }
    }
    const v = config.validation;
    if (v && !(Number.isInteger(v.minYear) && Number.isInteger(v.maxYear) && v.minYear <= v.maxYear && v.maxFigure > 0)) {
      throw new Error('chronicle.validation needs whole years minYear <= maxYear and a positive maxFigure');
    }
    if (config.webhooks !== undefined) {
      const parsed = parseSubscriptions(config.webhooks);
      if (!parsed.ok) throw new Error(`chronicle.webhooks (CHRONICLE_WEBHOOKS): ${parsed.message}`);
    }
    if (config.embedOrigins !== undefined) {
      const parsed = parseEmbedOrigins(config.embedOrigins);
      if (!parsed.ok) throw new Error(`chronicle.embedOrigins (EMBED_ORIGINS): ${parsed.message}`);
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
