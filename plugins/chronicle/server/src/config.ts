/** The plugin's configuration (config/plugins.ts → chronicle.config), with its defaults. */
import type { RateLimitConfig } from './middlewares/rate-limit';

export interface ChronicleConfig {
  /** Largest image accepted for upload, in pixels (width × height, all frames). */
  maxImagePixels: number;
  /** Per-address limits; a max of 0 turns a limit off. */
  rateLimit: RateLimitConfig;
}

const DEFAULTS: ChronicleConfig = {
  maxImagePixels: 40_000_000,
  rateLimit: {
    publicApi: { max: 600, windowSeconds: 60 },
    signIn: { maxFailures: 10, windowSeconds: 15 * 60 },
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
    }
  },
};
